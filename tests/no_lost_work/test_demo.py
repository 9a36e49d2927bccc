"""`make run` loads the demo every time: a second load keeps curators' edits; `reset_demo`
(or `load_demo --reset`) puts the demo's values back on purpose."""

import io

import pytest
from django.core.management import call_command
from reversion.models import Revision

from events import demo as demo_data
from events.models import Event
from people.models import Person

pytestmark = pytest.mark.django_db

EVENT = demo_data.EVENTS[0]["slug"]
PERSON = demo_data.PEOPLE[0]["slug"]
EVENT_DATA = demo_data.EVENTS[0]


def _load(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _edit():
    event = Event.objects.get(slug=EVENT)
    event.title, event.summary = "A curator's title", "A curator's summary."
    event.save()
    event.participations.first().delete()
    person = Person.objects.get(slug=PERSON)
    person.biography = "Rewritten by a curator."
    person.save()
    return event.participations.count()


def test_loading_the_demo_again_keeps_curators_edits(demo):
    participations = _edit()
    revisions = Revision.objects.count()
    out = _load("load_demo")
    assert "already there, left as they are" in out
    event = Event.objects.get(slug=EVENT)
    assert (event.title, event.summary) == ("A curator's title", "A curator's summary.")
    assert event.participations.count() == participations  # a deleted row stays deleted
    assert Person.objects.get(slug=PERSON).biography == "Rewritten by a curator."
    assert Revision.objects.count() == revisions  # nothing was written


def test_a_demo_record_that_is_missing_is_loaded(demo):
    Event.objects.filter(slug=demo_last_event()).delete()
    _load("load_demo")
    assert Event.objects.filter(slug=demo_last_event()).exists()


def demo_last_event() -> str:
    leaves = (
        {data["slug"] for data in demo_data.EVENTS}
        - {data.get("parent") for data in demo_data.EVENTS}
        - {target for data in demo_data.EVENTS for _, target in data.get("relations", [])}
    )
    return sorted(leaves)[0]


def test_reset_puts_the_demos_values_back(demo):
    participations = _edit()
    _load("reset_demo")  # which is `load_demo --reset`
    event = Event.objects.get(slug=EVENT)
    assert event.title == EVENT_DATA["title"] and event.summary == EVENT_DATA["summary"]
    assert event.participations.count() == participations + 1
    assert Person.objects.get(slug=PERSON).biography == demo_data.PEOPLE[0]["biography"]
