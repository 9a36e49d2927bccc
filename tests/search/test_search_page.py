"""The search page: ranked results with kind, date in words, highlighted snippet and link;
facets with counts; sorting; pagination; JSON and CSV with the same filters."""

import csv
import io

from archive.models import Status
from tests import factories

from .conftest import facet, search, titles


def test_it_shows_kind_date_in_words_highlighted_snippet_and_link(client, world):
    response = client.get("/search/", {"q": "Əliyev Moscow"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/sources/azerbaijan-remembers-january-20/"' in html or "/sources/" in html
    assert "Source" in html and "21 January 1990" in html
    # The original spelling is marked, whichever spelling was searched for.
    assert "<mark>Heydər</mark>" not in html and "<mark>Əliyev</mark>" in html
    assert "<mark>Moscow</mark>" in html


def test_it_ranks_title_matches_above_text_matches(client, world):
    assert titles(client, "Şuşa")[0] in ("Şuşa", "Karabakh and Şuşa")
    assert titles(client, "Shusha")[-1] != "Şuşa"


def test_it_gives_dates_in_plain_words(client, world):
    data = search(client, "Rally")
    assert data["results"][0]["date"] == "17 November – 5 December 1988"
    assert data["results"][0]["kind_label"] == "Event"
    assert data["results"][0]["url"] == "http://testserver" + world["protest"].get_absolute_url()


def test_it_escapes_record_text_and_the_query(client, db):
    factories.event(
        title="<script>alert('t')</script> Aliyev",
        summary='<img src=x onerror="alert(1)"> Aliyev & <b>co</b>',
    )
    html = client.get("/search/", {"q": "Aliyev"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; <mark>Aliyev</mark>" in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>Aliyev</mark> &amp;" in html
    hostile = '"><script>alert(2)</script> Aliyev'
    html = client.get("/search/", {"q": hostile}).content.decode()
    assert "<script>alert(2)" not in html
    assert 'value="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt; Aliyev"' in html
    assert "<b>co</b>" not in html


def test_it_counts_facets_and_filters_by_them(client, world):
    data = search(client, "January or Aliyev or Şuşa")
    assert facet(data, "kind") == {"Sources": 2, "Events": 2, "People": 1, "Places": 1}
    assert facet(data, "source_kind") == {"Opinion piece": 1, "Article": 1}
    assert facet(data, "person") == {"Heydar Aliyev": 2, "Mikhail Gorbachev": 1}
    assert facet(data, "place") == {"Baku": 3, "Şuşa": 1}
    assert facet(data, "decade") == {"1920s": 1, "1980s": 1, "1990s": 2, "2000s": 1}
    assert data["total"] == 6

    events = search(client, "January or Aliyev or Şuşa", kind="event")
    assert {hit["kind"] for hit in events["results"]} == {"event"}
    assert events["total"] == 2
    # A facet counts with every other filter, so the other kinds stay selectable.
    assert facet(events, "kind")["People"] == 1
    assert facet(events, "person") == {"Heydar Aliyev": 1, "Mikhail Gorbachev": 1}

    place = world["shusha"].pk
    assert titles(client, "January or Aliyev or Şuşa", place=place) == ["Şuşa"]
    person = world["aliyev"].pk
    assert set(titles(client, "January or Aliyev or Şuşa", person=person)) == {
        "Heydar Aliyev",
        "Rally on Freedom Square",
    }
    assert titles(client, "January or Aliyev", source_kind="opinion-piece") == [
        "Azerbaijan remembers January 20"
    ]
    both = search(client, "January or Aliyev or Şuşa", kind=["event", "person"])
    assert both["total"] == 3


def test_it_filters_by_date_range_overlapping_the_record(client, world):
    q = "January or Aliyev or Şuşa"
    assert set(titles(client, q, **{"from": 1989, "to": 1990})) == {
        "Heydar Aliyev",  # born 1923, no death date: an open end
        "Soviet troops enter the city",
        "Azerbaijan remembers January 20",
    }
    assert set(titles(client, q, **{"from": 1988, "to": 1988})) == {
        "Heydar Aliyev",
        "Rally on Freedom Square",
    }
    assert "Heydar Aliyev" in titles(client, q, **{"from": 2000})
    assert "Heydar Aliyev" not in titles(client, q, to=1900)
    # Undated records drop out once a date range is asked for.
    assert "Şuşa" not in titles(client, q, **{"from": 1000})
    # Reversed bounds are read the right way round; nonsense is ignored.
    assert titles(client, q, **{"from": 1990, "to": 1989}) == titles(
        client, q, **{"from": 1989, "to": 1990}
    )
    assert search(client, q, **{"from": "abc", "to": "-5"})["total"] == 6


def test_it_sorts_by_date(client, world):
    q = "January or Aliyev or Şuşa"
    oldest = titles(client, q, sort="date")
    assert oldest[:3] == [
        "Heydar Aliyev",
        "Rally on Freedom Square",
        "Soviet troops enter the city",
    ]
    assert oldest[-1] == "Şuşa"  # undated last
    newest = titles(client, q, sort="-date")
    assert newest[0] == "Karabakh and Şuşa" and newest[-1] == "Şuşa"


def test_it_paginates_and_keeps_everything_in_the_url(client, db):
    for n in range(45):
        factories.source(title=f"Letter {n:02d} from Bakı", date=f"{1950 + n}")
    first = search(client, "Letter", sort="date")
    assert first["total"] == 45 and first["pages"] == 3 and len(first["results"]) == 20
    third = search(client, "Letter", sort="date", page=3)
    assert [hit["title"] for hit in third["results"]][0] == "Letter 40 from Bakı"
    assert search(client, "Letter", page=99)["page"] == 3  # past the end: the last page
    assert search(client, "Letter", page="x")["page"] == 1
    # By relevance, the page's ids come from the first statement: pages neither overlap nor
    # skip, and a page past the end shows the last page's results.
    by_relevance = [titles(client, "Letter", page=page) for page in (1, 2, 3)]
    assert [len(page) for page in by_relevance] == [20, 20, 5]
    assert len({title for page in by_relevance for title in page}) == 45
    assert titles(client, "Letter", page=99) == by_relevance[2]
    html = client.get(
        "/search/", {"q": "Letter", "sort": "date", "kind": "source"}
    ).content.decode()
    assert 'href="?q=Letter&amp;sort=date&amp;kind=source&amp;page=2"' in html
    assert 'rel="next"' in html


def test_it_answers_in_csv_with_the_same_filters(client, world):
    response = client.get("/search/", {"q": "January or Aliyev", "format": "csv", "kind": "event"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["kind", "title", "date", "url", "snippet"]
    assert {row[1] for row in rows[1:]} == {
        "Rally on Freedom Square",
        "Soviet troops enter the city",
    }
    assert all(row[0] == "Event" for row in rows[1:])


def test_it_keeps_spreadsheet_formulas_out_of_csv(client, db):
    factories.source(title='=HYPERLINK("http://evil.test") Aliyev')
    response = client.get("/search/", {"q": "Aliyev", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][1].startswith("'=")


def test_it_serves_only_the_results_for_live_search(client, world):
    response = client.get("/search/", {"q": "Aliyev", "results_only": "1"})
    html = response.content.decode()
    assert 'id="search-results"' in html and "<html" not in html


def test_the_page_works_without_a_query(client, world):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a word" in response.content.decode()
    assert search(client, "")["total"] == 0


def test_it_finds_nothing_for_an_unpublished_records_words_even_in_export(client, world):
    factories.source(title="Sealed Aliyev dossier", status=Status.REVIEW)
    response = client.get("/search/", {"q": "Sealed", "format": "csv"})
    assert response.content.decode().strip() == "kind,title,date,url,snippet"


def test_it_caps_the_work_for_a_query_that_matches_almost_everything(client, db, monkeypatch):
    from archive.search import engine

    monkeypatch.setattr(engine, "CANDIDATES", 10)
    for n in range(25):
        factories.source(title=f"Source {n:02d}", date=f"{1950 + n}", abstract="A letter.")
    factories.person(name="Letter Writer")
    factories.event(title="Event of 1900", date="1900", summary="A letter of protest")
    data = search(client, "letter")
    assert data["exact"] is False
    assert 10 <= data["total"] < 27  # a lower bound
    # Matches in titles and names always make the candidates, ranked first.
    assert data["results"][0]["title"] == "Letter Writer"
    # Sorting by date sorts every match, not only the candidates.
    assert titles(client, "letter", sort="date")[0] == "Event of 1900"
    assert titles(client, "letter", sort="-date")[0] == "Source 24"
    # Filters apply before the cap: the one event is found and counted.
    events = search(client, "letter", kind="event")
    assert [hit["title"] for hit in events["results"]] == ["Event of 1900"]
    assert events["total"] == 1 and events["exact"] is True  # all filtered matches counted
    html = client.get("/search/", {"q": "letter"}).content.decode()
    assert "More than" in html and "the first 10 matches" in html
    assert search(client, "protest")["exact"] is True


def test_exclusions_hold_for_the_whole_record_among_candidates(client, db, monkeypatch):
    from archive.search import engine

    monkeypatch.setattr(engine, "CANDIDATES", 3)
    factories.place(name="Baku", description="A city on the Caspian.")
    factories.event(title="Baku talks", summary="Talks held in Moscow.")
    for n in range(6):
        factories.source(title=f"Letter {n}", abstract="Written in Baku.")
    data = search(client, "Baku -Moscow")
    assert data["exact"] is False
    assert "Baku talks" not in [hit["title"] for hit in data["results"]]
    assert data["results"][0]["title"] == "Baku"


def test_a_filtered_page_past_the_end_shows_the_last_filtered_page(client, db):
    for n in range(25):
        factories.source(title=f"Letter {n:02d}", date=f"{1950 + n}")
    for n in range(3):
        factories.event(title=f"Letter day {n}", date="1990")
    data = search(client, "Letter", kind="event", page=7)
    assert data["total"] == 3 and data["page"] == 1
    assert sorted(hit["title"] for hit in data["results"]) == [
        "Letter day 0",
        "Letter day 1",
        "Letter day 2",
    ]
