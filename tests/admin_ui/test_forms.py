"""The curators' change forms through the test client: numbers read as numbers, small
vocabularies are plain selects, inline rows read as sentences."""

import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.admin.choosers import is_small_vocabulary
from archive.numbers import plain
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db


def select_tag(page: str, name: str) -> str:
    match = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>', page)
    assert match, f"no select named {name}"
    return match.group(0)


def change_form(client, record) -> str:
    opts = record._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("147.0000"), "147"),
        (Decimal("12.5000"), "12.5"),
        (Decimal("100.0000"), "100"),  # not 1E+2
        (Decimal("-0.5000"), "-0.5"),
        (Decimal("40.409300"), "40.4093"),
        (None, ""),
    ],
)
def test_plain_numbers(value, expected):
    assert plain(value) == expected


def test_grouped_numbers_are_for_reading():
    assert plain(Decimal("1500000.2500"), grouping=True) == "1,500,000.25"
    assert plain(Decimal("-1500.0000"), grouping=True) == "-1,500"


def test_a_claims_number_shows_as_147_in_the_form(curator_client):
    event = factories.event(title="Night in Baku")
    factories.claim(event, factories.source(), attribute="killed", value="147")
    factories.claim(event, factories.source(), attribute="killed", value="12.5")
    page = change_form(curator_client, event)
    assert 'value="147"' in page and 'value="12.5"' in page
    assert "147.0000" not in page and "12.5000" not in page


def test_coordinates_show_plain_in_the_form_and_the_list(curator_client):
    place = factories.place(name="Baku", latitude=Decimal("40.4093"), longitude=Decimal("49.8671"))
    page = change_form(curator_client, place)
    assert 'value="40.4093"' in page and "40.409300" not in page
    listing = curator_client.get(reverse("admin:archive_place_changelist")).content.decode()
    assert "40.4093" in listing and "40.409300" not in listing


def test_small_vocabularies_are_plain_selects(curator_client, demo):
    event = Event.objects.get(slug="baku-19-20-january-1990")
    page = change_form(curator_client, event)
    # The event type and each participant's role list every choice, with no autocomplete.
    for name in ("event_type", "participations-0-role", "involvements-0-role"):
        assert "admin-autocomplete" not in select_tag(page, name)
    assert ">Military operation</option>" in page and ">Official</option>" in page
    # People, places and sources stay autocomplete boxes.
    for name in ("places", "participations-0-person", "participations-0-source"):
        assert "admin-autocomplete" in select_tag(page, name)


def test_no_admin_autocompletes_a_vocabulary(rf, curator):
    """The rule, everywhere: every registered admin and each of its inlines."""
    request = rf.get("/")
    request.user = curator
    found = []
    for model, model_admin in admin.site._registry.items():
        admins = [model_admin, *(inline(model, admin.site) for inline in model_admin.inlines)]
        for each in admins:
            for name in each.get_autocomplete_fields(request):
                target = each.model._meta.get_field(name).related_model
                if is_small_vocabulary(target):
                    found.append(f"{type(each).__name__}.{name}")
    assert found == []


def test_inline_rows_read_as_sentences(curator_client, demo):
    event = Event.objects.get(slug="baku-19-20-january-1990")
    page = change_form(curator_client, event)
    assert "Mikhail Gorbachev — official in Soviet troops in Baku, 19–20 January 1990" in page
    assert "Soviet Army — acting force or unit in Soviet troops in Baku" in page
    assert "Soviet troops in Baku, 19–20 January 1990 cites “Azerbaijan remembers" in page
    assert "object (" not in page
    assert " #" + str(event.pk) + " cites" not in page  # not "event #2 cites"


def test_the_citation_rows_cost_no_query_each(curator_client):
    """The citation row's sentence names its record: loaded once, not once per row."""

    def queries_for(n):
        event = factories.event(title=f"Event with {n} citations")
        for i in range(n):
            factories.citation(event, factories.source(title=f"Source {i}"), locator=f"p. {i}")
        with CaptureQueriesContext(connection) as captured:
            change_form(curator_client, event)
        return [q["sql"] for q in captured.captured_queries]

    one, fifty = queries_for(1), queries_for(50)
    # Each source autocomplete box reads its one selected source (Django's widget); nothing
    # else may grow with the rows: no query for the record the sentence names.
    record_reads = [q for q in fifty if 'FROM "events_event"' in q]
    assert len(record_reads) == len([q for q in one if 'FROM "events_event"' in q])
