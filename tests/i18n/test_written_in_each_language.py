"""What the archive writes around its records, in the page's language: a claim's unit after the
figure, the cite box's formatted reference (months, "and", "accessed"), the API's texts with
`?lang=`, and the admin's search over every language's column whatever the admin's language."""

import datetime
import html
import json
import re

import pytest
from django.utils import timezone

from archive.models import ClaimAttribute
from events.demo_translations import TRANSLATIONS, UNIT_TRANSLATIONS
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

EVENT = "baku-19-20-january-1990"
SOURCE = "azerbaijan-remembers-january-20"


def text_of(response) -> str:
    assert response.status_code == 200
    page = re.sub(r"<(script|style)\b.*?</\1>", "", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


@pytest.mark.parametrize(
    ("prefix", "figure"), [("", "147 people"), ("/az", "147 nəfər"), ("/ru", "147 человек")]
)
def test_a_claims_unit_follows_the_figure_in_the_pages_language(client, demo, prefix, figure):
    assert figure in text_of(client.get(f"{prefix}/events/{EVENT}/"))


def test_every_unit_the_demo_uses_is_translated():
    with_units = {
        ("claimattribute", slug)
        for slug in ClaimAttribute.objects.exclude(unit_en="").values_list("slug", flat=True)
    }
    from events import demo

    used = {
        ("claimattribute", attribute)
        for event in demo.EVENTS
        for attribute, *_rest in event["claims"]
    }
    for language in ("az", "ru"):
        assert set(UNIT_TRANSLATIONS[language]) == with_units & used, language


def test_a_unit_not_written_in_the_language_falls_back_to_english(client, demo):
    ClaimAttribute.objects.filter(slug="killed").update(unit_ru=None)
    assert "147 people" in text_of(client.get(f"/ru/events/{EVENT}/"))


@pytest.fixture
def accessed_on_1_may_2025(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2025, 5, 1))


@pytest.mark.parametrize(
    ("prefix", "accessed"),
    [
        ("", "(accessed 1 May 2025)."),
        ("/az", "(müraciət tarixi: 1 may 2025)."),
        ("/ru", "(дата обращения: 1 мая 2025)."),
    ],
)
def test_the_cite_box_writes_its_words_and_dates_in_the_pages_language(
    client, demo, accessed_on_1_may_2025, prefix, accessed
):
    response = client.get(f"{prefix}/events/{EVENT}/")
    assert accessed in response.context["cite_text"]
    assert accessed in text_of(response)


def test_several_authors_are_joined_in_the_pages_language(client, accessed_on_1_may_2025):
    source = factories.source(title="Two voices")
    source.creators.create(name="Aliyeva, Leyla", role="author", order=1)
    source.creators.create(name="Petrov, Ivan", role="author", order=2)
    cited = {
        prefix: client.get(f"{prefix}/sources/{source.slug}/").context["cite_item_text"]
        for prefix in ("", "/az", "/ru")
    }
    assert " and " in cited[""]
    assert " və " in cited["/az"] and " and " not in cited["/az"]
    assert " и " in cited["/ru"] and " and " not in cited["/ru"]


@pytest.fixture
def api(client, settings):
    settings.API_ANON_RATE = "100000/minute"
    return client


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_api_answers_in_the_language_lang_names(api, demo, language):
    response = api.get(f"/api/event/{EVENT}/", {"lang": language})
    assert response.status_code == 200
    assert response["Content-Language"] == language
    title = TRANSLATIONS[language][("event", EVENT)]["title"]
    assert response.json()["description"]["title"] == title
    listing = api.get("/api/event/", {"lang": language}).json()
    assert title in [item["description"]["title"] for item in listing["results"]]


def test_the_api_is_english_without_lang_and_refuses_another_language(api, demo):
    english = api.get(f"/api/event/{EVENT}/")
    assert english["Content-Language"] == "en"
    assert english.json()["description"]["title"] == Event.objects.get(slug=EVENT).title_en
    refused = api.get(f"/api/event/{EVENT}/", {"lang": "de"})
    assert refused.status_code == 400
    assert "lang" in refused.json()


def test_the_api_falls_back_as_the_pages_do(api):
    event = factories.event(title="Only in English")
    data = api.get(f"/api/event/{event.slug}/", {"lang": "ru"}).json()
    assert data["description"]["title"] == "Only in English"


def test_the_schema_names_the_lang_parameter(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = json.loads(response.content)
    for path in ("/api/event/", "/api/event/{slug}/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert sorted(parameters["lang"]["schema"]["enum"]) == ["az", "en", "ru"], path


@pytest.mark.parametrize("admin_language", ["en", "az", "ru"])
def test_the_admin_finds_a_record_by_its_text_in_any_language(curator_client, admin_language):
    factories.event(
        title="Strike at the port", title_az="Limanda tətil", title_ru="Забастовка в порту"
    )
    factories.event(title="Another event")
    curator_client.cookies["django_language"] = admin_language
    for term in ("Strike", "tətil", "Забастовка"):
        response = curator_client.get("/admin/events/event/", {"q": term})
        found = [event.title_en for event in response.context["cl"].result_list]
        assert found == ["Strike at the port"], (admin_language, term)


@pytest.mark.parametrize(
    ("prefix", "name"), [("", "The Archive"), ("/az", "Arxiv"), ("/ru", "Архив")]
)
def test_the_archive_is_named_in_the_pages_language(client, demo, prefix, name):
    home = client.get(f"{prefix}/").content.decode()
    assert f'<h1 id="intro-h">{name}</h1>' in home
    assert f'class="site-name" href="{prefix}/">{name}</a>' in home
    # The archive publishes its pages: the reference names it in the page's language too.
    assert f"” {name}" in client.get(f"{prefix}/events/{EVENT}/").context["cite_text"]


def test_a_deployment_named_in_english_alone_keeps_that_name_everywhere(client, settings):
    settings.SITE_NAME = "Baku Memorial Archive"
    settings.SITE_NAMES = {"az": "", "ru": "Архив памяти Баку"}
    assert '<h1 id="intro-h">Baku Memorial Archive</h1>' in client.get("/az/").content.decode()
    assert '<h1 id="intro-h">Архив памяти Баку</h1>' in client.get("/ru/").content.decode()
