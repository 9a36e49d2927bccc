"""How organisations appear in the archive's search index (their kind's `SearchSpec`)."""

from archive.models import Place
from archive.registry import SearchSpec
from archive.search import Entry
from archive.search.documents import plain_text, published_pks

from .models import Organisation, OrganisationName, OrganisationType, existence_words


def organisation_names(organisation: Organisation) -> list[str]:
    """Every name of an organisation (prefetch `names`), for the entries that mention it."""
    return [organisation.name] + [name.name for name in organisation.names.all()]


def organisation_document(organisation: Organisation) -> Entry:
    places = [place for place in organisation.places.all() if place.is_published]
    parent = organisation.parent if organisation.parent_id else None
    parent = parent if parent is not None and parent.is_published else None
    kind = organisation.organisation_type
    return Entry(
        title=organisation.name,
        names=[organisation.sort_name, *organisation_names(organisation)],
        text=[
            organisation.summary,
            plain_text(organisation.description),
            kind.name if kind else "",
            ", ".join(place.name for place in places),
            parent.name if parent else "",
            organisation.existence,
            organisation.founded_text,
            organisation.dissolved_text,
        ],  # fmt: skip
        earliest=organisation.founded_earliest or organisation.founded_latest,
        latest=organisation.dissolved_latest or organisation.dissolved_earliest,
        date_span=(organisation.founded, organisation.dissolved),
        # A unit is found under its army's facet too.
        facets={
            "place": published_pks(places),
            "organisation": published_pks([organisation, parent]),
        },
    )


ORGANISATION = SearchSpec(
    document=organisation_document,
    depends_on={
        OrganisationName: lambda name: [name.organisation_id],
        Organisation.places.through: None,
        Organisation: lambda organisation: organisation.units.values_list("pk", flat=True),
        Place: lambda place: place.organisations.values_list("pk", flat=True),
        OrganisationType: lambda kind: kind.organisations.values_list("pk", flat=True),
    },
    prepare=lambda qs: qs.select_related("organisation_type", "parent").prefetch_related(
        "names", "places"
    ),
    date_words=existence_words,
)
