"""What events add to people and sources, through the hooks `people` offers and the registry:
the "Events" section ("took part in") and the role filter on people's pages, the
participations that move when two people are merged, and the participations and event
relations that rest on a source (its "cited by")."""

from dataclasses import dataclass

import django_filters as filters
from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from archive import registry
from archive.citetext import Footnote
from archive.models import Status
from archive.registry import Evidence
from people import hooks
from people.models import Person

from .models import EventRelation, Participation, Role

PUBLISHED = Status.PUBLISHED


@dataclass
class Part:
    participation: Participation
    note: Footnote | None


def _prefetches() -> list:
    # Named `participations`: the person's JSON-LD reads the same rows (no second query).
    return [
        Prefetch(
            "participations",
            queryset=Participation.objects.filter(event__status=PUBLISHED)
            .select_related("event__event_type", "role", "source__kind")
            .order_by("event__date_earliest", "event__title", "order"),
        )
    ]


def _build(person, notes) -> list[Part]:
    return [
        Part(row, notes.cite(row.source, row.locator, row.quotation))
        for row in person.participations.all()
    ]


EVENTS_SECTION = hooks.Section(
    context_name="parts",
    prefetches=_prefetches,
    build=_build,
    template="events/person_events.html",
)


def _filter_role(queryset, name, value):
    if value is None:
        return queryset
    return queryset.filter(
        participations__role=value, participations__event__status=PUBLISHED
    ).distinct()


def _role_filter():
    return filters.ModelChoiceFilter(
        label=_("Role in an event"),
        queryset=Role.objects.all(),
        to_field_name="slug",
        empty_label=_("Any role"),
        method=_filter_role,
    )


def _move_participations(survivor, other) -> None:
    """The other's participations go to the survivor, less those it already has."""
    for participation in other.participations.all():
        clash = survivor.participations.filter(
            event=participation.event_id, role=participation.role_id
        )
        if clash.exists():
            participation.delete()
        else:
            participation.person = survivor
            participation.save(update_fields=["person"])


PARTICIPATIONS = hooks.MergeRows(
    rows=lambda person: list(person.participations.all()),
    move=_move_participations,
)


def _less(row, *records) -> str:
    """The row in words, without the records it is listed under: "Gorbachev — Official"."""
    text = str(row)
    for record in records:
        text = text.replace(str(record), "")
    return text.strip(" —")


def _both_published(*records):
    return all(record is not None and record.is_published for record in records)


PARTICIPATION_EVIDENCE = Evidence(
    rows=lambda source: Participation.objects.filter(source=source).select_related(
        "event", "person", "role"
    ),
    record=lambda row: row.event if _both_published(row.event, row.person) else None,
    owner=lambda row: row.event,
    mention=lambda row: (
        gettext("Participation"),
        _less(row, row.event),
        row.locator,
        row.quotation,
    ),
)

RELATION_EVIDENCE = Evidence(
    rows=lambda source: EventRelation.objects.filter(source=source).select_related(
        "from_event", "to_event", "relation_type"
    ),
    record=lambda row: row.from_event if _both_published(row.from_event, row.to_event) else None,
    owner=lambda row: row.from_event,
    mention=lambda row: (gettext("Event relation"), _less(row, row.from_event), "", ""),
)


def register() -> None:
    hooks.add_section(Person, EVENTS_SECTION)
    hooks.add_filter(Person, "role", _role_filter)
    hooks.add_merge_rows(PARTICIPATIONS)
    registry.extend("source", evidence=PARTICIPATION_EVIDENCE)
    registry.extend("source", evidence=RELATION_EVIDENCE)
