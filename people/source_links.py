"""What people and organisations add to the sources they made: the credits on a source's
page ("Heydar Aliyev, author"; "Pravda, publisher"), registered as `credit` evidence of the
source kind."""

from archive.registry import Evidence

from .models import Contribution, Publication


def _role(row) -> str:
    """The row in words, without the person and the source: "Author"."""
    return str(row).replace(str(row.person), "").replace(str(row.source), "").strip(" —")


CONTRIBUTION_CREDIT = Evidence(
    rows=lambda source: Contribution.objects.filter(source=source).select_related(
        "person", "source", "role"
    ),
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
