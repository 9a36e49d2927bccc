"""The one neutral description of an organisation (`archive.description`), and what people add
to a source's description: the organisation that published, broadcast or issued it."""

from django.db.models import Prefetch

from archive.description import Agent, Description, Link, Relation
from archive.descriptions import (
    absolute,
    base,
    cited_sources,
    described_rows,
    identifiers,
    link,
    linked,
    plain_text,
    prefetched,
    published,
)
from archive.models import Place, Status
from people.models import Organisation, Publication

KIND_KEY = "organisation"


def _existence(organisation: Organisation) -> str:
    """Founded–dissolved as one EDTF interval when both ends are single dates (“1918/1991”,
    “1918/..”); a founding that is itself a range stands alone."""
    founded, dissolved = organisation.founded.strip(), organisation.dissolved.strip()
    if not dissolved or "/" in founded or "/" in dissolved:
        return f"{founded}/.." if founded and "/" not in founded else founded
    return f"{founded or '..'}/{dissolved}"


def describe_organisation(organisation: Organisation, request=None) -> Description:
    """An organisation (type and parent selected; names, identifiers, citations prefetched).
    Uses the published places and units the record page or the feed prefetched
    (`public_places`, `public_units`), else asks the database (a download of one record)."""
    places = getattr(organisation, "public_places", None)
    if places is None:
        places = list(organisation.places.published())
    units = getattr(organisation, "public_units", None)
    if units is None:
        units = list(organisation.units.published())
    parent = organisation.parent if organisation.parent_id else None
    links = [link(Relation.PLACE, "place", place, request) for place in places]
    links += [link(Relation.PART_OF, KIND_KEY, p, request) for p in published([parent])]
    links += [link(Relation.HAS_PART, KIND_KEY, unit, request) for unit in units]
    kind = organisation.organisation_type
    return base(
        organisation,
        request,
        kind=KIND_KEY,
        kind_label="Organisation",
        type=KIND_KEY,
        genre=kind.name if kind else "",
        date=_existence(organisation),
        date_words=organisation.existence,
        date_text="; ".join(filter(None, [organisation.founded_text, organisation.dissolved_text])),
        summary=organisation.summary or plain_text(organisation.description),
        alternate_names=[
            name.name for name in prefetched(organisation, "described_names", "names")
        ],
        identifiers=identifiers(organisation),
        subjects=[kind.name] if kind else [],
        links=links + cited_sources(organisation, request),
    )


def describe_publishers(source, request, description: Description) -> None:
    """A source's publisher from its publication rows (one query): the publishing or
    broadcasting body fills `publisher` when the source's own publisher text is empty and is
    linked; an issuing body (a ministry of its decree) is its corporate author."""
    rows = getattr(source, "public_publications", None)  # prepared in bulk (the feed)
    if rows is None:
        rows = published_publications().filter(source=source)
    for row in rows:
        organisation = row.organisation  # a draft organisation is never named: drafts never leak
        url = absolute(request, organisation.get_absolute_url())
        description.links.append(
            Link(Relation.PUBLISHER, KIND_KEY, organisation.name, url, role=row.role)
        )
        if row.role == Publication.Role.ISSUING_BODY:
            agent = Agent(organisation.name, role="author", is_organisation=True, url=url)
            if all(creator.name != agent.name for creator in description.creators):
                description.creators.append(agent)
                description.creators_unknown = False
                description.creators_note = ""
        elif not description.publisher:
            description.publisher = organisation.name


def published_publications():
    return Publication.objects.filter(organisation__status=Status.PUBLISHED).select_related(
        "organisation"
    )


def prepare_publishers(queryset):
    """What `describe_publishers` reads for many sources at once (the feed, harvesting)."""
    rows = Prefetch("publications", published_publications(), to_attr="public_publications")
    return queryset.prefetch_related(rows)


def prepare_organisation(queryset):
    """What `describe_organisation` reads for many organisations at once (the feed)."""
    parent = queryset.select_related("organisation_type", "parent").defer("parent__description")
    return parent.prefetch_related(
        Prefetch("names", to_attr="described_names"),
        *described_rows(),
        Prefetch("places", linked(Place, "name").published(), to_attr="public_places"),
        Prefetch(
            "units", linked(Organisation, "name", "parent").published(), to_attr="public_units"
        ),
    )
