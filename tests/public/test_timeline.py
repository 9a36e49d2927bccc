"""The timeline groups published events by the year they began, marks uncertain dates, and puts
events without a known start last."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_it_groups_events_by_year_and_marks_uncertain_dates(client):
    factories.event(title="Claims", date="1987~")
    factories.event(title="Protests", date="1988?")
    factories.event(title="The night", date="1990-01-19/1990-01-20")
    factories.event(title="The speech", date="1990-01-21")
    factories.event(title="Undated", date="")
    factories.event(title="Hidden", date="1990", status="draft")
    page = client.get("/events/timeline/").content.decode()
    expected = ["1987", "Claims", "1988", "Protests", "1990", "The night", "The speech",
                "Date unknown", "Undated"]  # fmt: skip
    order = [page.index(text) for text in expected]
    assert order == sorted(order)
    assert "about 1987" in page and "perhaps 1988" in page
    assert '<span class="certainty">approximate</span>' in page
    assert '<span class="certainty">uncertain</span>' in page
    assert "Hidden" not in page


def test_it_can_be_narrowed_to_years(client):
    factories.event(title="Early", date="1950")
    factories.event(title="Late", date="1990")
    page = client.get("/events/timeline/?year_from=1980").content.decode()
    assert "Late" in page and "Early" not in page
