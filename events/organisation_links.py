"""What events add to organisations, through the hooks `people` offers and the registry: the
"Events" section and a role filter on an organisation's pages, the events an organisation is
the subject of in its description, the organisations in an event's search entry, and the
involvements that rest on a source (its "cited by")."""

from dataclasses import dataclass

import django_filters as filters
from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import registry
from archive.citetext import Footnote
from archive.description import Link, Relation
from archive.descriptions import link, prefetched
from archive.models import Status
from archive.registry import Evidence, SearchExtension
from events.models import Involvement, Role
from people import hooks
from people.models import Organisation, OrganisationName
from people.organisation_search import organisation_names

PUBLISHED = Status.PUBLISHED


@dataclass
class InvolvedIn:
    involvement: Involvement
    note: Footnote | None


def _prefetches() -> list:
    return [
        Prefetch(
            "involvements",
            queryset=Involvement.objects.filter(event__status=PUBLISHED)
            .select_related("event__event_type", "role", "source__kind")
            .order_by("event__date_earliest", "event__title", "order"),
            to_attr="public_involvements",
        )
    ]


def _build(organisation, notes) -> list[InvolvedIn]:
    return [
        InvolvedIn(row, notes.cite(row.source, row.locator, row.quotation))
        for row in organisation.public_involvements
    ]


EVENTS_SECTION = hooks.Section(
    context_name="involved_in",
    prefetches=_prefetches,
    build=_build,
    template="events/organisation_events.html",
)


def _filter_role(queryset, name, value):
    if value is None:
        return queryset
    return queryset.filter(
        involvements__role=value, involvements__event__status=PUBLISHED
    ).distinct()


def _role_filter():
    return filters.ModelChoiceFilter(
        label=_("Role in an event"),
        queryset=Role.objects.all(),
        to_field_name="slug",
        empty_label=_("Any role"),
        method=_filter_role,
    )


def _prepare_events(queryset):
    """What `_describe_events` reads for many organisations at once (the feed)."""
    return queryset.prefetch_related(*_prefetches())


def _describe_events(organisation, request, description) -> None:
    """An organisation is the subject of the published events it took part in."""
    rows = getattr(organisation, "public_involvements", None)
    if rows is None:
        rows = Involvement.objects.filter(organisation=organisation, event__status=PUBLISHED)
        rows = rows.select_related("event", "role")
    for row in rows:
        path = row.event.get_absolute_url()
        url = request.build_absolute_uri(path) if request is not None else path
        description.links.append(
            Link(Relation.SUBJECT_OF, "event", row.event.title, url, role=row.role.name)
        )


def _describe_organisations(event, request, description) -> None:
    """An event's participants include the published organisations involved in it, with their
    roles, as its people are (JSON-LD makes the organiser its `organizer`). Reads the rows the
    event page or the feed prefetched as `involvements` (organisation and role selected)."""
    description.links += [
        link(Relation.PARTICIPANT, "organisation", row.organisation, request, role=row.role.slug)
        for row in prefetched(event, "described_involvements", "involvements")
        if row.organisation.is_published
    ]


def _prepare_organisations(queryset):
    """What `_describe_organisations` reads for many events at once (the feed)."""
    rows = Involvement.objects.filter(organisation__status=PUBLISHED).select_related(
        "organisation", "role"
    )
    rows = rows.only(
        "event", "organisation__name", "organisation__slug", "organisation__status", "role__slug"
    )
    return queryset.prefetch_related(
        Prefetch("involvements", queryset=rows, to_attr="described_involvements")
    )


def _organisations(event) -> list[Organisation]:
    return [row.organisation for row in event.involvements.all() if row.organisation.is_published]


# An event is found by the names of the organisations in it (“Советская армия”), and filtered
# by them as a facet.
EVENT_ORGANISATIONS = SearchExtension(
    names=lambda event: [
        name for organisation in _organisations(event) for name in organisation_names(organisation)
    ],
    facets=lambda event: {"organisation": list(dict.fromkeys(o.pk for o in _organisations(event)))},
    depends_on={
        Involvement: lambda involvement: [involvement.event_id],
        Organisation: lambda organisation: organisation.involvements.values_list(
            "event_id", flat=True
        ),
        OrganisationName: lambda name: Involvement.objects.filter(
            organisation_id=name.organisation_id
        ).values_list("event_id", flat=True),
    },
    prepare=lambda qs: qs.prefetch_related(
        Prefetch(
            "involvements",
            Involvement.objects.select_related("organisation").prefetch_related(
                "organisation__names"
            ),
        )
    ),
)


def _evidence_record(row):
    published = row.event.is_published and row.organisation.is_published
    return row.event if published else None


INVOLVEMENT_EVIDENCE = Evidence(
    rows=lambda source: Involvement.objects.filter(source=source).select_related(
        "event", "organisation", "role"
    ),
    record=_evidence_record,
    owner=lambda row: row.event,
    mention=lambda row: (
        gettext("Organisation involved"),
        f"{row.organisation} — {row.role}",
        row.locator,
        row.quotation,
    ),
)


def register() -> None:
    hooks.add_section(Organisation, EVENTS_SECTION)
    hooks.add_filter(Organisation, "role", _role_filter)
    registry.extend("organisation", describe=_describe_events, prepare_description=_prepare_events)
    registry.extend("event", search=EVENT_ORGANISATIONS)
    registry.extend(
        "event", describe=_describe_organisations, prepare_description=_prepare_organisations
    )
    registry.extend("source", evidence=INVOLVEMENT_EVIDENCE)
