"""`load_demo` writes the demo's Azerbaijani and Russian texts (events/demo_translations.py):
the /az/ and /ru/ pages of its records read them; a second load changes nothing, and
`reset_demo` puts them back over a curator's edit."""

import html
import io
import re

import pytest
from django.core.management import call_command
from reversion.models import Revision

from archive.models import Place, SourceKind
from events.demo_translations import RELATION_INVERSE_TRANSLATIONS, TERM_TRANSLATIONS, TRANSLATIONS
from events.models import Event, RelationType, Role
from people.models import Organisation

pytestmark = pytest.mark.django_db

EVENT = "baku-19-20-january-1990"
PAGES = {
    ("event", EVENT): (f"/events/{EVENT}/", ["title", "summary"]),
    ("person", "heydar-aliyev"): ("/people/heydar-aliyev/", ["summary"]),
    ("source", "azerbaijan-remembers-january-20"): (
        "/sources/azerbaijan-remembers-january-20/",
        ["translated_title", "abstract"],
    ),
    ("place", "nagorno-karabakh"): ("/places/nagorno-karabakh/", ["name"]),
}


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    text = re.sub(r"<(script|style)\b.*?</\1>", "", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text)))


def first_sentence(text: str) -> str:
    # The page renders Markdown and citation markers: compare a plain stretch of the text.
    return re.split(r"[\[“]", text)[0].strip()[:60]


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_record_pages_read_the_demos_translations(client, demo, language):
    for key, (url, fields) in PAGES.items():
        text = page_text(client, f"/{language}{url}")
        for field in fields:
            assert first_sentence(TRANSLATIONS[language][key][field]) in text, (url, field)


@pytest.mark.parametrize("language", ["az", "ru"])
def test_an_organisations_name_in_each_language_is_a_name_variant(client, demo, language):
    name = TRANSLATIONS[language][("organisation", "government-of-the-soviet-union")]["name"]
    organisation = Organisation.objects.get(slug="government-of-the-soviet-union")
    variant = organisation.names.get(language=language, name=name)
    assert variant.script == {"az": "Latn", "ru": "Cyrl"}[language]
    assert organisation.name == "Government of the Soviet Union"
    assert name in page_text(client, f"/{language}{organisation.get_absolute_url()}")
    # A name the demo already gives keeps its own kind (Советская армия is native).
    army = Organisation.objects.get(slug="soviet-army")
    assert army.names.get(name="Советская армия").kind == "native"


def test_the_vocabulary_labels_are_translated(demo):
    assert (
        SourceKind.objects.get(slug="opinion-piece").name_az
        == (TERM_TRANSLATIONS["az"][("sourcekind", "opinion-piece")])
    )
    assert Role.objects.get(slug="speaker").name_ru == TERM_TRANSLATIONS["ru"][("role", "speaker")]
    relation = RelationType.objects.get(slug="responded-to")
    key = ("relationtype", "responded-to")
    assert relation.name_az == TERM_TRANSLATIONS["az"][key]
    assert relation.inverse_name_ru == RELATION_INVERSE_TRANSLATIONS["ru"][key]
    assert Place.objects.get(slug="baku").name_en == "Baku"


def columns() -> list:
    return list(
        Event.objects.order_by("pk").values_list("title_az", "summary_ru", "description_az")
    ) + list(Role.objects.order_by("pk").values_list("name_az", "name_ru"))


def test_a_second_load_changes_nothing(demo):
    before, revisions = columns(), Revision.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert columns() == before
    assert Revision.objects.count() == revisions


def test_a_curators_translation_is_kept_and_reset_restores_the_demos(demo):
    Event.objects.filter(slug=EVENT).update(title_az="Kuratorun başlığı")
    Role.objects.filter(slug="speaker").update(name_ru="Оратор")
    call_command("load_demo", stdout=io.StringIO())
    assert Event.objects.get(slug=EVENT).title_az == "Kuratorun başlığı"
    assert Role.objects.get(slug="speaker").name_ru == "Оратор"
    call_command("reset_demo", stdout=io.StringIO())
    key = ("event", EVENT)
    assert Event.objects.get(slug=EVENT).title_az == TRANSLATIONS["az"][key]["title"]
    assert Role.objects.get(slug="speaker").name_ru == TERM_TRANSLATIONS["ru"][("role", "speaker")]


def test_each_language_cites_its_own_permalink(client, demo):
    """The record's path is reversed once per kind and language, not once per process."""
    for language in ["az", "ru", "en", "az"]:
        prefix = "" if language == "en" else f"/{language}"
        html = client.get(f"{prefix}/events/{EVENT}/").content.decode()
        assert f'rel="canonical" href="http://testserver{prefix}/events/{EVENT}/"' in html


@pytest.mark.parametrize("language", ["az", "ru"])
def test_the_search_names_the_source_kind_facet_in_the_visitors_language(client, demo, language):
    label = TERM_TRANSLATIONS[language][("sourcekind", "opinion-piece")]
    text = page_text(client, f"/{language}/search/?q=Baku")
    assert label in text and "Opinion piece" not in text
    assert "Opinion piece" in page_text(client, "/search/?q=Baku")


@pytest.mark.parametrize(("language", "decade"), [("az", "1990-cı illər"), ("ru", "1990-е")])
def test_the_search_names_a_decade_as_the_timeline_does(client, demo, language, decade):
    assert decade in page_text(client, f"/{language}/search/?q=Baku")
