"""The timeline shows one period at a time (a decade, or a year of a crowded decade, paged past
PAGE_SIZE events) with counts per decade and per year, placing uncertain and open-ended dates
by the one overlap rule, and reaches undated events as a period of their own."""

import re

import pytest

from archive.dates import set_date_bounds
from events import timeline
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/events/timeline/"


def get(client, query="", status=200):
    response = client.get(f"{URL}?{query}" if query else URL)
    assert response.status_code == status, (query, response.status_code)
    return response.content.decode()


def listed(page: str) -> list[str]:
    """The titles of the events a page lists, in order."""
    return re.findall(r'<h3><a href="/events/[^"]+/">([^<]+)</a></h3>', page)


def counts(page: str, kind: str) -> dict[str, int]:
    """An overview's counts: {"1980s": 2} for kind "decades", {"1990": 1} for "years"."""
    block = re.search(rf'<ol class="overview-{kind}".*?</ol>', page, re.S)
    if block is None:
        return {}
    found = re.findall(r'<a href="[^"]*"[^>]*>([^<]+?) <span class="count">(\d+)</span>', block[0])
    return {label: int(n) for label, n in found}


def many(n: int, dates, prefix="Event") -> None:
    """n published events spread over `dates` in turn, written in one go."""
    events = []
    for i in range(n):
        event = Event(
            title=f"{prefix} {i:04}", slug=f"{prefix.lower()}-{i}", date=dates[i % len(dates)]
        )
        event.status = "published"
        set_date_bounds(event)
        events.append(event)
    Event.objects.bulk_create(events)


@pytest.fixture
def story():
    factories.event(title="Claims", date="1987~")
    factories.event(title="Protests", date="1988?")
    factories.event(title="The night", date="1990-01-19/1990-01-20")
    factories.event(title="The speech", date="1990-01-21")
    factories.event(title="The blockade", date="1989-09/1994")  # spans two decades
    factories.event(title="Undated", date="")
    factories.event(title="Hidden", date="1990", status="draft")


def test_a_page_holds_only_its_periods_events(client, story):
    first = get(client)  # by default the first period: the start of the story
    assert listed(first) == ["Claims", "Protests", "The blockade"]
    assert "<h1>Timeline: 1980s</h1>" in first
    assert "about 1987" in first and "perhaps 1988" in first
    assert '<span class="certainty">approximate</span>' in first
    assert '<span class="certainty">uncertain</span>' in first
    nineties = get(client, "decade=1990")
    assert listed(nineties) == ["The blockade", "The night", "The speech"]
    assert "Begun before 1990" in nineties  # the blockade, carried over from 1989
    assert "Hidden" not in first + nineties


def test_the_overview_counts_each_decade_and_year_an_event_may_fall_in(client, story):
    page = get(client, "decade=1990")
    assert counts(page, "decades") == {"1980s": 3, "1990s": 3, "Date unknown": 1}
    assert counts(page, "years") == {"1990": 3, "1991": 1, "1992": 1, "1993": 1, "1994": 1}
    eighties = get(client, "decade=1980")
    assert counts(eighties, "years") == {"1987": 1, "1988": 1, "1989": 1}


def test_open_ends_reach_the_first_or_last_period_the_archive_holds(client):
    factories.event(title="Early", date="1950")
    factories.event(title="From 1975 on", date="1975/..")
    factories.event(title="Until 1962", date="../1962")
    factories.event(title="Late", date="1983")
    page = get(client, "decade=1970")
    assert counts(page, "decades") == {"1950s": 2, "1960s": 1, "1970s": 1, "1980s": 2}
    assert listed(page) == ["From 1975 on"]
    assert counts(page, "years") == {str(year): 1 for year in range(1975, 1980)}
    # in the last decade an open end reaches the archive's last known year, no further
    assert counts(get(client, "decade=1980"), "years") == {
        "1980": 1,
        "1981": 1,
        "1982": 1,
        "1983": 2,
    }
    assert counts(get(client, "decade=1950"), "years") == {
        "1950": 2,
        **{str(y): 1 for y in range(1951, 1960)},
    }


def test_previous_and_next_walk_the_periods_then_the_undated(client, story):
    first = get(client)
    assert 'rel="prev"' not in first
    assert '<a rel="next" href="?decade=1990">1990s →</a>' in first
    nineties = get(client, "decade=1990")
    assert '<a rel="prev" href="?decade=1980">← 1980s</a>' in nineties
    assert '<a rel="next" href="?date=unknown">Date unknown →</a>' in nineties
    undated = get(client, "date=unknown")
    assert listed(undated) == ["Undated"]
    assert '<a rel="prev" href="?decade=1990">← 1990s</a>' in undated
    assert 'rel="next"' not in undated
    assert '<a href="?decade=1990"' in first and '<a href="?date=unknown"' in first


def test_a_crowded_decade_is_shown_a_year_at_a_time(client, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)
    many(2, ["1985"], prefix="Before")
    many(5, ["1990", "1991", "1991", "1993", "1993"], prefix="Crowd")
    many(1, ["2001"], prefix="After")
    eighties = get(client, "decade=1980")
    assert '<a href="?year=1990">1990s <span class="count">5</span></a>' in eighties
    assert '<a rel="next" href="?year=1990">1990 →</a>' in eighties
    response = client.get(f"{URL}?decade=1990")
    assert response.status_code == 302 and response["Location"] == f"{URL}?year=1990"
    year = get(client, "year=1991")
    assert listed(year) == ["Crowd 0001", "Crowd 0002"]
    assert '<a rel="prev" href="?year=1990">← 1990</a>' in year
    assert '<a rel="next" href="?year=1993">1993 →</a>' in year
    assert '<a rel="next" href="?decade=2000">2000s →</a>' in get(client, "year=1993")
    assert '<a rel="prev" href="?year=1993">← 1993</a>' in get(client, "decade=2000")


def test_a_crowded_year_is_paged(client, monkeypatch):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)
    many(7, ["1990"])
    first = get(client)  # the crowded decade opens at its first year
    assert "<h1>Timeline: 1990</h1>" in first
    assert listed(first) == ["Event 0000", "Event 0001", "Event 0002"]
    assert (
        "Page 1 of 3 of 1990" in first and '<a href="?year=1990&amp;page=2">Later page</a>' in first
    )
    assert listed(get(client, "year=1990&page=3")) == ["Event 0006"]
    assert listed(get(client, "year=1990&page=abc")) == listed(first)  # falls back to page 1


@pytest.mark.parametrize(
    "query", ["decade=abc", "decade=1995", "year=99999", "year=-5", "year=0", "decade="]
)
def test_a_bad_period_is_a_404_that_says_why_and_offers_the_periods(client, story, query):
    page = get(client, query, status=404)
    assert "is not a" in page and "Choose a period below" in page
    assert listed(page) == []
    assert counts(page, "decades")["1980s"] == 3


def test_an_empty_period_and_an_empty_archive_say_so(client, story):
    assert "No events in 1950s." in get(client, "decade=1950")
    Event.objects.all().delete()
    assert "No events yet." in get(client)


def test_it_can_be_narrowed_to_a_type_and_the_links_keep_it(client, story):
    factories.event(title="A protest", date="1985", event_type="protest")
    factories.event(title="A later protest", date="1991", event_type="protest")
    page = get(client, "event_type=protest")
    assert listed(page) == ["A protest"]
    assert counts(page, "decades") == {"1980s": 1, "1990s": 1}
    assert '<a rel="next" href="?decade=1990&amp;event_type=protest">1990s →</a>' in page
    assert listed(get(client, "decade=1990&event_type=protest")) == ["A later protest"]
    refused = get(client, "event_type=not-a-type")
    assert "Select a valid choice" in refused and "The blockade" in refused  # not narrowed


def test_the_query_count_does_not_grow_with_the_events(client, django_assert_max_num_queries):
    # the first ten already meet every period asked for: more events, not more periods
    decades = ["1985/1996", "../1850", "", *(f"{year}" for year in range(1800, 2000, 7))]

    def cost(query):
        client.get(f"{URL}?{query}")
        with django_assert_max_num_queries(8) as captured:
            assert client.get(f"{URL}?{query}").status_code == 200
        return len(captured)

    many(10, decades, prefix="Few")
    few = [cost(query) for query in ("", "decade=1980", "year=1985", "date=unknown")]
    many(200, decades, prefix="Many")
    assert [cost(query) for query in ("", "decade=1980", "year=1985", "date=unknown")] == few


def test_the_page_size_does_not_grow_with_the_archive(client):
    many(timeline.PAGE_SIZE, ["1990"], prefix="Small")
    small = len(get(client))
    Event.objects.all().delete()
    many(1000, [f"{1850 + i % 150}" for i in range(75)] + ["1990"] * 925, prefix="Large")
    large = get(client, "year=1990")
    assert len(listed(large)) == timeline.PAGE_SIZE
    assert len(large) < small * 1.2


def test_every_state_of_the_timeline_is_valid_html(client, story, monkeypatch, tmp_path):
    from .test_html_valid import Pages, nu_html_check

    monkeypatch.setattr(timeline, "PAGE_SIZE", 2)
    pages = Pages(tmp_path)
    for name, params, status in [
        ("first period", {}, 200),
        ("a crowded year, page 2", {"year": "1990", "page": "2"}, 200),
        ("an empty decade", {"decade": "1950"}, 200),
        ("the undated", {"date": "unknown"}, 200),
        ("a bad period", {"year": "99999"}, 404),
        ("narrowed", {"decade": "1980", "event_type": "protest"}, 200),
        ("a bad type", {"event_type": "not-a-type"}, 200),
    ]:
        pages.get(client, f"timeline: {name}", URL, params, status=status)
    problems = nu_html_check(tmp_path, pages.names)
    assert not problems, "\n".join(problems)
