"""What people and organisations add to the sources they made: the credits on a source's
page ("Heydar Aliyev, author"; "Pravda, publisher"), registered as `credit` evidence of the
source kind."""

from archive.registry import Evidence

from .models import Contribution, Publication

# Where a source keeps its contributions once asked (or prepared in bulk for the feed): the
# page's credits and the source's description read the same rows.
CONTRIBUTIONS_ATTR = "credited_contributions"


def credited_rows():
    return Contribution.objects.select_related("person", "role")


def contributions(source) -> list[Contribution]:
    """The people credited on a source, in credited order (person and role selected): the rows
    prepared or already asked for, else one query."""
    rows = getattr(source, CONTRIBUTIONS_ATTR, None)
    if rows is None:
        rows = list(credited_rows().filter(source=source))
        for row in rows:
            row.source = source  # `_role` names it; no query to fetch it again
    return rows


def _credit_rows(source) -> list[Contribution]:
    """The page's credits, remembered on the source: its description comes next and reads
    them (no second query)."""
    rows = contributions(source)
    setattr(source, CONTRIBUTIONS_ATTR, rows)
    return rows


def _role(row) -> str:
    """The row in words, without the person and the source: "Author"."""
    return str(row).replace(str(row.person), "").replace(str(row.source), "").strip(" —")


CONTRIBUTION_CREDIT = Evidence(
    rows=_credit_rows,
    record=lambda row: row.person if row.person.is_published else None,
    mention=lambda row: (_role(row), "", "", ""),
    credit=True,
)


def _publisher_role(row) -> str:
    return row.get_role_display()  # "Publisher", "Broadcaster"


# The organisation that published, broadcast or issued a source.
PUBLICATION_CREDIT = Evidence(
    rows=lambda source: Publication.objects.filter(source=source).select_related(
        "organisation", "source"
    ),
    record=lambda row: row.organisation if row.organisation.is_published else None,
    mention=lambda row: (_publisher_role(row), "", "", ""),
    credit=True,
)
