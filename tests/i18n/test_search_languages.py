"""Search in each language (issue 13, point 6): a record is found by its text in any language;
/az/ and /ru/ results show each record's title and snippet in the visitor's language, else in
the one fallback order, marked with `lang` and `dir="auto"`; a lifetime is written in the
page's words; one index row per record; the same number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import PlaceName
from archive.search.models import SearchDocument
from events.models import Event
from people.models import PersonName
from tests import factories

EN, AZ, RU = "The January events", "Yanvar hadisələri", "Январские события"


@pytest.fixture
def events(db):
    every = factories.event(
        title=EN, title_az=AZ, title_ru=RU, slug="every",
        summary="Tanks entered the city at night.",
        summary_az="Tanklar gecə şəhərə daxil oldu.",
        summary_ru="Танки вошли в город ночью.",
    )  # fmt: skip
    only_en = factories.event(
        title="A meeting in the square", slug="only-en", summary="Speakers at the meeting."
    )
    only_ru = factories.event(title_ru="Митинг на площади", title="", slug="only-ru")
    Event.objects.rewrite(False).filter(pk=only_ru.pk).update(title_en=None)
    # The update bypassed the signals: index the row as it now is.
    from archive.search.indexer import index_records

    index_records(Event, [only_ru.pk])
    return every, only_en, Event.objects.get(pk=only_ru.pk)


def results(client, prefix: str, q: str) -> str:
    response = client.get(f"{prefix}/search/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def result_of(html: str, slug: str) -> str:
    """The <li> of the result linking to the event `slug`."""
    for item in re.findall(r"<li[^>]*>.*?</li>", html, re.S):
        if f'href="/events/{slug}/"' in item or f'/events/{slug}/"' in item:
            return item
    raise AssertionError(f"no result for {slug}")


def title_tag(item: str) -> str:
    return re.search(r'<h3 class="result-title"><a ([^>]*)>(.*?)</a>', item, re.S).groups()


def snippet_tag(item: str) -> tuple[str, str]:
    return re.search(r'<p class="snippet"([^>]*)>(.*?)</p>', item, re.S).groups()


@pytest.mark.parametrize(
    ("q", "slug"),
    [("Январские", "every"), ("Yanvar", "every"), ("January", "every"), ("Танки", "every"),
     ("şəhərə", "every"), ("sahara", "every"), ("Митинг", "only-ru"), ("meeting", "only-en")],
)  # fmt: skip
def test_a_record_is_found_by_its_text_in_any_language(client, events, q, slug):
    for prefix in ("", "/az", "/ru"):
        found = client.get(f"{prefix}/search/", {"q": q, "format": "json"}).json()["results"]
        assert f"/events/{slug}/" in {hit["url"].removeprefix("http://testserver") for hit in found}


def test_results_show_the_title_in_the_visitors_language(client, events):
    for prefix, expected in (("", EN), ("/az", AZ), ("/ru", RU)):
        attrs, title = title_tag(result_of(results(client, prefix, "Январские"), "every"))
        assert re.sub(r"</?mark>", "", title) == expected
        assert 'dir="auto"' in attrs and "lang=" not in attrs


def test_a_fallback_title_is_marked_with_its_language(client, events):
    attrs, title = title_tag(result_of(results(client, "/az", "Митинг"), "only-ru"))
    assert "Митинг" in title and 'lang="ru"' in attrs and 'dir="auto"' in attrs
    attrs, title = title_tag(result_of(results(client, "/ru", "meeting"), "only-en"))
    assert "meeting" in title and 'lang="en"' in attrs


def test_the_snippet_is_in_the_visitors_language_with_the_match_marked(client, events):
    # Found by its English title: the snippet is the record's own Azerbaijani words.
    attrs, snippet = snippet_tag(result_of(results(client, "/az", "January"), "every"))
    assert "Tanklar gecə şəhərə" in snippet and "lang=" not in attrs and 'dir="auto"' in attrs
    attrs, snippet = snippet_tag(result_of(results(client, "/ru", "Танки"), "every"))
    assert "<mark>Танки</mark>" in snippet and "lang=" not in attrs
    # Folding still applies: "sahara" marks şəhərə as written.
    _attrs, snippet = snippet_tag(result_of(results(client, "/az", "sahara"), "every"))
    assert "<mark>şəhərə</mark>" in snippet


def test_a_snippet_in_another_language_shows_why_it_matched_and_says_so(client, events):
    attrs, snippet = snippet_tag(result_of(results(client, "/az", "Танки"), "every"))
    assert "<mark>Танки</mark>" in snippet and 'lang="ru"' in attrs
    attrs, snippet = snippet_tag(result_of(results(client, "/ru", "meeting"), "only-en"))
    assert "<mark>meeting</mark>" in snippet and 'lang="en"' in attrs


def test_the_json_results_say_the_language_of_title_and_snippet(client, events):
    found = client.get("/az/search/", {"q": "Митинг", "format": "json"}).json()["results"]
    (hit,) = [h for h in found if h["url"].endswith("/events/only-ru/")]
    assert (hit["title"], hit["title_language"]) == ("Митинг на площади", "ru")


def test_a_person_is_named_and_their_lifetime_written_in_the_pages_language(client, db):
    person = factories.person(name="Heydar Aliyev", slug="aliyev", birth_date="1923-05-10")
    PersonName.objects.create(person=person, name="Heydər Əliyev", language="az", script="Latn")
    PersonName.objects.create(person=person, name="Гейдар Алиев", language="ru", script="Cyrl")
    for prefix, name, lifetime in (
        ("", "Heydar Aliyev", "born 10 May 1923"),
        ("/az", "Heydər Əliyev", "doğum: 10 may 1923"),
        ("/ru", "Гейдар Алиев", "род. 10 мая 1923"),
    ):
        found = client.get(f"{prefix}/search/", {"q": "Aliyev", "format": "json"}).json()
        (hit,) = found["results"]
        assert (hit["title"], hit["date"]) == (name, lifetime)
    # The index stores the two dates, no words.
    row = SearchDocument.objects.get(kind="person")
    assert row.date_display == "" and row.shown["dates"] == ["1923-05-10", ""]


def test_an_organisations_existence_is_written_in_the_pages_language(client, db):
    factories.organisation(name="Popular Front", founded="1988", dissolved="")
    expected = (("", "founded 1988"), ("/az", "yaranma: 1988"), ("/ru", "основание: 1988"))
    for prefix, words in expected:
        (hit,) = client.get(f"{prefix}/search/", {"q": "Popular", "format": "json"}).json()[
            "results"
        ]
        assert hit["date"] == words


def test_one_index_row_per_record_whatever_its_languages(events):
    assert SearchDocument.objects.filter(kind="event").count() == 3
    every = SearchDocument.objects.get(kind="event", title=EN)
    assert every.shown["titles"] == {"en": EN, "az": AZ, "ru": RU}
    assert set(every.shown["texts"]) == {"en", "az", "ru"}


def _count(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_queries_are_the_same_in_each_language_and_do_not_grow(client, events):
    def counts():
        return [_count(client, f"{p}/search/", q="events") for p in ("", "/az", "/ru")]

    few = counts()
    assert len(set(few)) == 1
    for n in range(10):
        factories.event(
            title=f"Other events {n}", title_az=f"Başqa hadisələr {n}", title_ru=f"События {n}",
            summary_ru=f"Другие события {n}",
        )  # fmt: skip
    assert counts() == few


def test_facet_values_are_named_in_the_pages_language(client, db):
    baku = factories.place(name="Baku")
    PlaceName.objects.create(place=baku, name="Bakı", language="az", script="Latn")
    PlaceName.objects.create(place=baku, name="Баку", language="ru", script="Cyrl")
    factories.event(title="A rally", places=[baku])
    for prefix, name in (("", "Baku"), ("/az", "Bakı"), ("/ru", "Баку")):
        data = client.get(f"{prefix}/search/", {"q": "rally", "format": "json"}).json()
        assert [value["label"] for value in data["facets"]["place"]] == [name]
