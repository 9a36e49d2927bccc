"""A filtered search is counted in one statement: every match below the cap, else the
candidates that pass the filters (as when it took two statements)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

from .conftest import SESSION_QUERIES, facet, search


def _world():
    for n in range(6):
        factories.source(title=f"Letter {n}", date=f"{1950 + n}", abstract="A letter home.")
    factories.event(title="Letter day", date="1990", summary="A letter of protest")


def test_it_counts_every_match_below_the_cap_with_other_kinds_selectable(client, db):
    _world()
    data = search(client, "letter", kind="event")
    assert data["exact"] is True and data["total"] == 1
    assert [hit["title"] for hit in data["results"]] == ["Letter day"]
    # Disjunctive: the kind facet still counts the sources the filter leaves out.
    assert facet(data, "kind") == {"Events": 1, "Sources": 6}


def test_it_counts_filtered_candidates_above_the_cap(client, db, monkeypatch):
    from archive.search import engine

    monkeypatch.setattr(engine, "CANDIDATES", 3)
    _world()
    data = search(client, "letter", kind="event")
    assert data["exact"] is True and data["total"] == 1
    assert [hit["title"] for hit in data["results"]] == ["Letter day"]
    assert facet(data, "kind") == {"Events": 1}  # counted among filtered candidates
    wide = search(client, "letter", **{"from": "1950", "to": "1953"})
    assert wide["exact"] is False and wide["total"] == 3
    with CaptureQueriesContext(connection) as queries:
        search(client, "letter", kind="source")
    # Names spelt with ə for the e (one lookup); facets, total and page ids; the page.
    assert len(queries) == SESSION_QUERIES + 3


def test_a_place_or_date_filter_above_the_cap_counts_the_matches_that_pass(client, db, monkeypatch):
    """On PostgreSQL these filters share the match's scan (one bitmap, read lazily by the
    count and by the filtered candidates); the answer must be the same as on SQLite."""
    from archive.search import engine

    monkeypatch.setattr(engine, "CANDIDATES", 3)
    ganja = factories.place(name="Ganja")
    for n in range(8):
        factories.source(title=f"Letter {n}", date=f"{1950 + n}", abstract="A letter home.")
    for n in range(2):
        factories.event(title=f"Letter day {n}", date="1990", places=[ganja])
    data = search(client, "letter", place=str(ganja.pk))
    assert data["exact"] is True and data["total"] == 2
    assert sorted(hit["title"] for hit in data["results"]) == ["Letter day 0", "Letter day 1"]
    assert facet(data, "place") == {"Ganja": 2}
    dated = search(client, "letter", **{"from": "1955", "to": "1956"})
    assert dated["exact"] is True and dated["total"] == 2
    assert sorted(hit["title"] for hit in dated["results"]) == ["Letter 5", "Letter 6"]
    # As many as the cap: they may not be all, and the page says so.
    wider = search(client, "letter", **{"from": "1955", "to": "1957"})
    assert wider["exact"] is False and wider["total"] == 3
