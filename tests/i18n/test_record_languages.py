"""The records' own texts in English, Azerbaijani and Russian: the page shows the visitor's
language, else English, else any, and marks a text in another language with its `lang`; the
same order holds in JSON-LD, CSL-JSON and the API. Names come from the variant of the page's
language and script; right-to-left names and titles carry dir="auto" and sit in <bdi>."""

import json
import re

import pytest
import reversion
import tablib
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from archive import translations
from archive.imports.run import import_dataset
from archive.models import Citation, Term
from events.models import Event
from events.resources import EventResource
from people.models import Person, PersonName
from tests import factories
from tests.catalogue.admin_forms import form_data

pytestmark = pytest.mark.django_db

EN, AZ, RU = "The January events", "Yanvar hadisələri", "Январские события"


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def heading(html: str) -> str:
    return re.search(r'<h1 id="record-title"[^>]*>.*?</h1>', html, re.S).group(0)


def jsonld(html: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )


@pytest.fixture
def events():
    only_en = factories.event(title=EN, slug="only-en", summary="In English only.")
    only_ru = factories.event(title_ru=RU, title="", slug="only-ru")
    Event.objects.rewrite(False).filter(pk=only_ru.pk).update(title_en=None, title=RU)
    every = factories.event(
        title=EN, title_az=AZ, title_ru=RU, slug="every",
        summary="Summary.", summary_az="Xülasə.", summary_ru="Краткое содержание.",
    )  # fmt: skip
    return only_en, Event.objects.get(pk=only_ru.pk), every


@pytest.mark.parametrize(
    ("slug", "prefix", "text", "lang"),
    [
        ("only-en", "", EN, None),
        ("only-en", "/az", EN, "en"),
        ("only-en", "/ru", EN, "en"),
        ("only-ru", "", RU, "ru"),
        ("only-ru", "/az", RU, "ru"),
        ("only-ru", "/ru", RU, None),
        ("every", "", EN, None),
        ("every", "/az", AZ, None),
        ("every", "/ru", RU, None),
    ],
)
def test_it_shows_the_visitors_language_else_english_else_any(
    client, events, slug, prefix, text, lang
):
    html = page(client, f"{prefix}/events/{slug}/")
    title = heading(html)
    assert f">{text}</h1>" in title
    assert 'dir="auto"' in title
    if lang:
        assert f'lang="{lang}"' in title
    else:
        assert "lang=" not in title


def test_the_summary_marks_its_fallback_language(client, events):
    assert '<p class="lede" lang="en">In English only.</p>' in page(client, "/ru/events/only-en/")
    assert '<p class="lede">Краткое содержание.</p>' in page(client, "/ru/events/every/")


def test_json_ld_csl_and_the_api_follow_the_same_order(client, events):
    # Language-tagged (tests/i18n/test_exports_languages.py).
    assert jsonld(page(client, "/az/events/every/"))["name"] == {"@value": AZ, "@language": "az"}
    assert jsonld(page(client, "/az/events/only-ru/"))["name"] == {"@value": RU, "@language": "ru"}
    assert jsonld(page(client, "/events/only-ru/"))["name"] == {"@value": RU, "@language": "ru"}
    (item,) = json.loads(client.get("/ru/events/every/cite.json").content)
    assert item["title"] == RU
    (item,) = json.loads(client.get("/events/only-ru/cite.json").content)
    assert item["title"] == RU
    # The API is in no language: English, else the fallback.
    assert client.get("/api/event/every/").json()["description"]["title"] == EN
    assert client.get("/api/event/only-ru/").json()["description"]["title"] == RU


def test_localized_says_which_language_it_shows(events):
    _, only_ru, every = events
    assert translations.localized(every, "title", "az") == translations.LocalText(AZ, "az")
    assert translations.localized(only_ru, "title", "az") == translations.LocalText(RU, "ru")
    assert translations.fallback_order("az") == ("az", "en", "ru")


@pytest.fixture
def aliyev():
    person = factories.person(name="Heydar Aliyev", slug="aliyev")
    source = factories.source(title="Biographical dictionary", slug="dictionary")
    PersonName.objects.create(
        person=person, name="Heydər Əliyev", language="az", script="Latn",
        source=source, locator="p. 12",
    )  # fmt: skip
    PersonName.objects.create(person=person, name="Гейдар Алиев", language="ru", script="Cyrl")
    PersonName.objects.create(person=person, name="Гейдар Алиев", language="az", script="Cyrl")
    return person


def test_a_person_is_named_in_the_variant_of_the_pages_language(client, aliyev):
    assert ">Heydər Əliyev</h1>" in heading(page(client, "/az/people/aliyev/"))
    assert ">Гейдар Алиев</h1>" in heading(page(client, "/ru/people/aliyev/"))
    assert ">Heydar Aliyev</h1>" in heading(page(client, "/people/aliyev/"))


def test_a_person_is_named_in_running_text_within_bdi(client, aliyev):
    event = factories.event(slug="rally")
    factories.participation(event, aliyev)
    assert ">Гейдар Алиев</bdi>" in page(client, "/ru/events/rally/")
    assert "<bdi>Heydar Aliyev</bdi>" in page(client, "/events/rally/")


def test_a_name_variant_cites_its_source_with_a_locator(client, aliyev):
    html = page(client, "/people/aliyev/")
    variant = html[html.index(">Heydər Əliyev</span>") :]
    variant = variant[: variant.index("</li>")]
    assert 'href="/sources/dictionary/"' in variant and "p. 12" in variant


def test_arabic_script_names_and_titles_read_right_to_left(client):
    person = factories.person(name="حيدر علييف", slug="arabic-name")
    event = factories.event(title="أحداث يناير", slug="arabic-title")
    factories.participation(event, person)
    html = page(client, "/events/arabic-title/")
    assert '<h1 id="record-title" dir="auto">أحداث يناير</h1>' in html
    assert "<bdi>حيدر علييف</bdi>" in html
    assert '<h1 id="record-title" dir="auto">حيدر علييف</h1>' in page(
        client, "/people/arabic-name/"
    )


def test_a_sources_title_is_in_its_language_and_its_translation_in_the_pages(client):
    factories.source(
        title="Qanlı Yanvar", language="az", translated_title="Bloody January",
        translated_title_ru="Кровавый январь", slug="qanli", transcript="Mətn.",
    )  # fmt: skip
    html = page(client, "/ru/sources/qanli/")
    assert '<h1 id="record-title" lang="az" dir="auto">Qanlı Yanvar</h1>' in html
    assert '<p class="translated-title" dir="auto">Кровавый январь</p>' in html
    assert '<div lang="az" dir="auto"><p>Mətn.</p></div>' in html


def test_a_marker_only_in_the_azerbaijani_text_keeps_its_citation():
    source = factories.source(slug="report")
    person = factories.person(biography="No marker here.", biography_az="Bax [@report, s. 4].")
    assert list(Citation.objects.filter(object_id=person.pk).values_list("source", "locator")) == [
        (source.pk, "s. 4")
    ]
    person.biography = "Still none."
    person.save()
    assert Citation.objects.filter(object_id=person.pk, source=source).exists()


def test_an_unknown_key_in_any_language_names_the_field_and_language():
    person = factories.person(biography_ru="См. [@nowhere].")
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    (message,) = refused.value.message_dict["biography_ru"]
    assert message.startswith("Russian text:") and "nowhere" in message


def test_search_finds_a_record_by_its_russian_text(client, events):
    found = client.get("/search/", {"q": "Январские", "format": "json"}).json()["results"]
    assert {hit["url"].removeprefix("http://testserver") for hit in found} >= {
        "/events/every/",
        "/events/only-ru/",
    }


def test_saving_from_the_admin_keeps_the_other_languages(curator_client, events):
    every = events[2]
    url = f"/admin/events/event/{every.pk}/change/"
    response = curator_client.get(url)
    form = response.context["adminform"].form
    assert {"title", "title_az", "title_ru"} <= set(form.fields) and "title_en" not in form.fields
    data = form_data(response)
    assert (data["title_az"], data["title_ru"]) == (AZ, RU)
    data["title"] = "The January events, 1990"
    data["summary_ru"] = "Новое содержание."
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    every.refresh_from_db()
    assert (every.title_en, every.title_az, every.title_ru) == ("The January events, 1990", AZ, RU)
    assert (every.summary_az, every.summary_ru) == ("Xülasə.", "Новое содержание.")


def test_an_import_keeps_az_and_ru_and_reads_their_columns(events):
    every = events[2]
    data = tablib.Dataset(headers=["slug", "title", "status"])
    data.append(["every", "Renamed in English", "published"])
    import_dataset(EventResource, data)
    every.refresh_from_db()
    assert (every.title_en, every.title_az, every.title_ru) == ("Renamed in English", AZ, RU)
    data = tablib.Dataset(headers=["slug", "title", "title_az", "status"])
    data.append(["new-one", "New", "Yeni", "draft"])
    import_dataset(EventResource, data)
    assert Event.objects.get(slug="new-one").title_az == "Yeni"


def test_reverting_a_version_restores_every_language(events):
    every = events[2]
    with reversion.create_revision():
        every.save()
    with reversion.create_revision():
        every.title_az, every.title_ru = "Dəyişdi", "Изменено"
        every.save()
    Version.objects.get_for_object(every).order_by("pk").first().revision.revert()
    every.refresh_from_db()
    assert (every.title_az, every.title_ru) == (AZ, RU)


def test_every_vocabulary_is_translated():
    from django.apps import apps

    vocabularies = [m for m in apps.get_models() if issubclass(m, Term)]
    assert len(vocabularies) >= 9
    for model in vocabularies:
        assert {"name", "description"} <= set(translations.translated_fields(model)), model


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _pages():
    source = factories.source(slug="src")
    person = factories.person(slug="pers", names=["Another name"])
    event = factories.event(slug="evt", places=[factories.place()])
    factories.participation(event, person, source=source)
    return ["/events/evt/", "/people/pers/", "/sources/src/"]


def test_query_counts_are_the_same_in_each_language_and_do_not_grow(client, settings):
    settings.PAGE_CACHE = False
    urls = _pages()
    counts = {url: [_queries(client, f"{p}{url}") for p in ("", "/az", "/ru")] for url in urls}
    for found in counts.values():
        assert len(set(found)) == 1, counts
    event, person = Event.objects.get(slug="evt"), Person.objects.get(slug="pers")
    for n in range(5):
        other = factories.person(names=[f"Name {n}"])
        PersonName.objects.create(person=other, name=f"Имя {n}", language="ru")
        factories.participation(event, other)
        PersonName.objects.create(person=person, name=f"Variant {n}", language="az")
        event.places.add(factories.place())
    assert {
        url: [_queries(client, f"{p}{url}") for p in ("", "/az", "/ru")] for url in urls
    } == counts


def test_lists_name_people_in_the_pages_language_at_the_same_cost(client, aliyev, settings):
    settings.PAGE_CACHE = False
    assert ">Гейдар Алиев</a>" in page(client, "/ru/people/")
    assert ">Heydər Əliyev</a>" in page(client, "/az/people/")
    counts = [_queries(client, f"{prefix}/people/") for prefix in ("", "/az", "/ru")]
    for n in range(5):
        factories.person(names=[f"Name {n}"])
    assert [_queries(client, f"{prefix}/people/") for prefix in ("", "/az", "/ru")] == counts
    assert len(set(counts)) == 1


def test_the_admin_types_names_and_texts_in_their_own_direction(curator_client, aliyev):
    html = page(curator_client, f"/admin/people/person/{aliyev.pk}/change/")
    assert re.search(
        r'<input[^>]*name="name"[^>]*dir="auto"|<input[^>]*dir="auto"[^>]*name="name"', html
    )
    assert re.search(r'<textarea[^>]*name="biography_az"', html)
    assert re.search(r'name="names-0-name"[^>]*dir="auto"|dir="auto"[^>]*name="names-0-name"', html)


def test_an_import_reads_a_name_variants_source_and_locator():
    from people.resources import PersonResource

    factories.source(slug="dictionary")
    data = tablib.Dataset(headers=["slug", "name", "status", "name_variants"])
    data.append(
        ["aliev", "Heydar Aliyev", "draft", "Heydər Əliyev|az|Latn|native|dictionary|p. 12"]
    )
    summary = import_dataset(PersonResource, data)
    assert summary.errors == []
    (variant,) = Person.objects.get(slug="aliev").names.all()
    assert (variant.source.slug, variant.locator) == ("dictionary", "p. 12")
    data = tablib.Dataset(headers=["slug", "name", "status", "name_variants"])
    data.append(["aliev", "Heydar Aliyev", "draft", "Heydər Əliyev|az|Latn|native|nowhere"])
    summary = import_dataset(PersonResource, data)
    assert any("nowhere" in error for error in summary.errors)


def test_sorting_by_title_sorts_what_the_visitor_reads(client, events, settings):
    settings.PAGE_CACHE = False
    factories.event(title="Aardvark", title_ru="Ящик", slug="apple")

    def order(url):
        html = page(client, url)
        return [slug for slug in re.findall(r'href="(?:/ru)?/events/([a-z-]+)/"', html)
                if slug in {"apple", "only-ru", "every"}]  # fmt: skip

    # Ящик after Январские события (both of them: one only in Russian, one in every language)
    assert order("/ru/events/?sort=title")[2] == "apple"
    assert order("/events/?sort=title")[0] == "apple"
    api = client.get("/api/event/", {"sort": "title"}).json()["results"]
    assert [row["slug"] for row in api][:1] == ["apple"]
    assert {row["slug"] for row in api} >= {"apple", "only-ru", "every"}


def test_a_merge_fills_each_language_from_the_other_record():
    from people.merge import merge

    survivor = factories.person(summary="", summary_az="Azərbaycan siyasətçisi")
    other = factories.person(summary="Politician", summary_az="Başqa", summary_ru="Политик")
    merge(survivor, other)
    survivor.refresh_from_db()
    assert (survivor.summary_en, survivor.summary_az, survivor.summary_ru) == (
        "Politician",
        "Azərbaycan siyasətçisi",
        "Политик",
    )
