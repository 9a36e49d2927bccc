"""“Cited by”: every published record that cites a source, claims from it, or rests on it in a
role or relation. `archive` knows no other app's models: citations and claims point at records
through content types, and other apps' rows that rest on a source are the `Evidence` they
register for the source kind (`registry.extend("source", evidence=...)`)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext

from archive import registry
from archive.models import Citation, Claim, Source


@dataclass
class Mention:
    what: str  # "Cited", "Killed", "Participation"
    detail: str = ""  # "147 people", "Heydar Aliyev — Speaker"
    locator: str = ""
    quotation: str = ""


@dataclass
class CitingRecord:
    record: object
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class CitedByGroup:
    kind: registry.RecordKind
    records: list[CitingRecord]


def _evidence(credit: bool) -> list[registry.Evidence]:
    kind = registry.kind_for_model(Source)
    return [e for e in (kind.evidence if kind else []) if e.credit is credit]


def cited_by(source) -> list[CitedByGroup]:
    """Published records that rest on `source`, grouped by kind in registry order.

    Queries: citations, claims, one per registered evidence, one per kind with generic hits.
    """
    cited = gettext("Cited")  # what a plain citation is called on the page
    kinds = registry.kinds()
    content_types = ContentType.objects.get_for_models(*(k.model for k in kinds))
    kind_by_ct = {content_types[k.model].pk: k for k in kinds}
    generic: dict[registry.RecordKind, dict[int, list[Mention]]] = defaultdict(dict)
    for citation in Citation.objects.filter(source=source):
        kind = kind_by_ct.get(citation.content_type_id)
        if kind is None:
            continue
        mentions = generic[kind].setdefault(citation.object_id, [])
        plain = next((m for m in mentions if m.what == cited and not m.quotation), None)
        if plain is not None and not citation.quotation:
            # Citations without a quotation share one line: "Cited, para. 2; para. 3".
            plain.locator = "; ".join(filter(None, [plain.locator, citation.locator]))
        else:
            mentions.append(Mention(cited, "", citation.locator, citation.quotation))
    for claim in (
        Claim.objects.filter(source=source)
        .select_related("attribute")
        .prefetch_related("value_record")
    ):
        kind = kind_by_ct.get(claim.content_type_id)
        if kind is not None and claim.value_is_public:
            mentions = generic[kind].setdefault(claim.object_id, [])
            mentions.append(
                Mention(claim.attribute.name, claim.value_display, claim.locator, claim.quotation)
            )

    found: dict[registry.RecordKind, dict[int, CitingRecord]] = defaultdict(dict)
    for kind, mentions_by_id in generic.items():
        for record in kind.model._default_manager.published().filter(pk__in=mentions_by_id):
            found[kind][record.pk] = CitingRecord(record, mentions_by_id[record.pk])
    for evidence in _evidence(credit=False):
        for row in evidence.rows(source):
            owner = evidence.record(row)
            kind = registry.kind_for_model(type(owner)) if owner is not None else None
            if kind is None:
                continue  # a row of an unpublished record
            citing = found[kind].setdefault(owner.pk, CitingRecord(owner))
            citing.mentions.append(Mention(*evidence.mention(row)))
    return [
        CitedByGroup(kind, sorted(found[kind].values(), key=lambda c: str(c.record).casefold()))
        for kind in kinds
        if found.get(kind)
    ]


def credits(source) -> list[CitingRecord]:
    """Published records credited with making a source (a person as its author): the
    `credit` evidence other apps register. One query each."""
    credited = []
    for evidence in _evidence(credit=True):
        for row in evidence.rows(source):
            record = evidence.record(row)
            if record is not None:
                credited.append(CitingRecord(record, [Mention(*evidence.mention(row))]))
    return credited
