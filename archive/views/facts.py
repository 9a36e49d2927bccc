"""A record's claims as a table of facts: agreeing sources share a row, disagreeing ones stand
side by side under a visible mark. The archive attributes; it does not adjudicate."""

from dataclasses import dataclass, field

from archive.citetext import Footnote

from .notes import Notes


@dataclass
class FactValue:
    key: tuple
    display: str
    claims: list = field(default_factory=list)
    notes: list[Footnote] = field(default_factory=list)
    url: str = ""  # a value that is a (published) record links to its page


@dataclass
class Fact:
    attribute: object
    values: list[FactValue] = field(default_factory=list)

    @property
    def disagree(self) -> bool:
        return len(self.values) > 1


def facts_table(claims, notes: Notes) -> list[Fact]:
    """Group claims (ordered by attribute) by attribute, then by value; each claim is a note."""
    facts: dict[int, Fact] = {}
    for claim in claims:
        if not claim.source.is_published or not claim.value_is_public:
            continue
        fact = facts.setdefault(claim.attribute_id, Fact(claim.attribute))
        key = claim.value_key
        value = next((value for value in fact.values if value.key == key), None)
        if value is None:
            record = claim.value_record if claim.value_record_id is not None else None
            url = record.get_absolute_url() if record is not None else ""
            value = FactValue(key, claim.value_display, url=url)
            fact.values.append(value)
        value.claims.append(claim)
        value.notes.append(notes.cite(claim.source, claim.locator, claim.quotation))
    return list(facts.values())
