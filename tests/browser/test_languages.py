"""The demo in Azerbaijani and Russian, as a visitor reads it in the browser: the switcher
takes the visitor from English to each language; on the home, an event and the search page no
English is left, neither the interface's (a string of the catalogue that has a translation)
nor the demo records' own (their English texts, vocabulary labels and names); axe-core finds
no violation. Screenshots of home, event, person and search go to $SCREENSHOTS_DIR (default:
archive-screens in the system's temporary directory, outside the repository) to be looked at.

Visible text is read node by node from the rendered page (hidden elements skipped), so a
word is judged as the visitor sees it, not as the template writes it."""

import os
import re
import tempfile
from pathlib import Path

import polib
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from events import demo
from events.demo_translations import TERM_TRANSLATIONS, TRANSLATIONS
from tests.public.data import EVENT_SLUG

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENS = Path(os.environ.get("SCREENSHOTS_DIR") or Path(tempfile.gettempdir()) / "archive-screens")
LANGUAGES = ["az", "ru"]
SEARCH = "/search/?q=1990"  # in every language's text: each page's snippets can be its own
PAGES = {"home": "/", "event": f"/events/{EVENT_SLUG}/", "search": SEARCH}
SCREENSHOTS = {**PAGES, "person": "/people/heydar-aliyev/"}

# What may stay as it is in every language. The source's own words: its title (a source keeps
# the title it was published under), its creators line and the article's words quoted in
# claims and citations (the archive quotes, it does not translate); names that are spelt
# alike; formats and identifiers; the languages' own names in the switcher.
ALLOWED = {
    "Azerbaijan remembers January 20",
    "Wikidata",
    "EDTF",
    "BibTeX",
    "RIS",
    "CSL-JSON",
    "JSON",
    "CSV",
    "Atom",
    "English",
    "Azərbaycanca",
    "Русский",
    "OK",
}
# The article's words, in quotation marks or as a claim's quoted value: the demo's quotations.
QUOTED = {
    str(text)
    for text in (
        *(q for data in demo.EVENTS for *_, q in data["participants"]),
        *(q for data in demo.EVENTS for *_, q in data.get("organisations", [])),
        *(q for data in demo.EVENTS for *_, q in data["claims"]),
        *(value for data in demo.EVENTS for _, value, _, _ in data["claims"]),
        *(q for *_, q in demo.PERSON_CITATIONS),
    )
}

# Collects each visible text node's text (elements hidden by CSS or `hidden` skipped).
VISIBLE_TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!parent || parent.closest("script, style, nav.language-switcher")) continue;
    if (!parent.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (text) out.push(text);
  }
  return out;
}"""


def catalogue_english(language: str) -> set[str]:
    """The English msgids that have a translation in `language` (not the same text)."""
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    found = set()
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            continue
        if entry.msgstr and entry.msgstr != entry.msgid and "%" not in entry.msgid:
            found.add(entry.msgid)
    return found


def demo_english(language: str) -> set[str]:
    """The demo records' English texts that have a translation in `language`: the
    translated fields, the vocabulary labels and the names given in that language."""
    kinds = {
        "source": [demo.SOURCE],
        "place": demo.PLACES,
        "person": demo.PEOPLE,
        "organisation": demo.ORGANISATIONS,
        "event": demo.EVENTS,
    }
    texts = set()
    for kind, records in kinds.items():
        for data in records:
            translated = TRANSLATIONS[language].get((kind, data["slug"]), {})
            for field in translated:
                english = data.get("title" if field == "translated_title" else field)
                if english and english != translated[field]:
                    texts.add(english)
            if any(lang == language for _, lang, *_ in data.get("names", [])):
                texts.add(data.get("name") or data["display_name"])
    for model_name, slug in TERM_TRANSLATIONS[language]:
        texts.add(TERM_ENGLISH[(model_name, slug)])
    return texts


def term_english() -> dict:
    from django.apps import apps

    from archive.models import Term

    names = {}
    for model in apps.get_models():
        if issubclass(model, Term):
            for slug, name in model.objects.values_list("slug", "name_en"):
                names[(model._meta.model_name, slug)] = name
    return names


TERM_ENGLISH: dict = {}


def translated_texts(language: str) -> str:
    """Every demo translation in `language`, one text: the article's English words they
    quote are allowed where the translation quotes them."""
    return "\n".join(text for fields in TRANSLATIONS[language].values() for text in fields.values())


def english_left(nodes: list[str], language: str, records: bool = True) -> list[str]:
    """The nodes that are English: an interface string of the catalogue, or (with
    `records`) a demo record's English text."""
    interface = catalogue_english(language)
    texts = demo_english(language) if records else set()
    own = translated_texts(language)
    left = []
    for text in nodes:
        bare = text.strip(" :;,.·—–()“”\"'")
        if not bare or bare in ALLOWED or not re.search(r"[A-Za-z]{2}", bare):
            continue
        if any(bare in quoted for quoted in QUOTED) or bare in own:
            continue
        if bare in interface or text in interface:
            left.append(f"interface: {text!r}")
        elif bare in texts or (len(bare) >= 20 and any(bare in t for t in texts)):
            left.append(f"record: {text!r}")
    return left


def visible_text(page) -> list[str]:
    return page.evaluate(VISIBLE_TEXT)


@pytest.fixture
def terms(site):
    TERM_ENGLISH.clear()
    TERM_ENGLISH.update(term_english())
    return site


def test_the_switcher_takes_the_visitor_to_each_language(page, terms, no_external_requests):
    page.goto(terms + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    for language, word in (("az", "Azərbaycanca"), ("ru", "Русский")):
        page.locator("nav.language-switcher").get_by_role("link", name=word).click()
        page.wait_for_load_state()
        assert page.url == f"{terms}/{language}/"
        assert page.locator("html").get_attribute("lang") == language
        current = page.locator("nav.language-switcher [aria-current]")
        assert current.inner_text() == word


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_no_english_is_left_and_axe_finds_nothing(page, terms, language, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(f"{terms}/{language}{PAGES[name]}")
    assert response.status == 200
    nodes = visible_text(page)
    if name == "search":
        assert page.locator(".result-list li").count() > 0  # the query finds demo records
    left = english_left(nodes, language)
    assert left == [], "\n".join(left)
    violations = Axe().run(page).response["violations"]
    found = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in violations]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_shows_the_records_in_the_visitors_language(page, terms, language):
    page.goto(f"{terms}/{language}{SEARCH}")
    left = english_left(visible_text(page), language)
    assert left == [], "\n".join(left)


def test_english_text_on_a_page_is_found(page, terms):
    """The check itself: the English home page is all English."""
    page.goto(terms + "/")
    left = english_left(visible_text(page), "az")
    assert any(item.startswith("interface:") for item in left)
    page.goto(f"{terms}/events/{EVENT_SLUG}/")
    assert any(item.startswith("record:") for item in english_left(visible_text(page), "ru"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_of_each_page(page, terms, language):
    SCREENS.mkdir(parents=True, exist_ok=True)
    for width, suffix in ((1280, ""), (390, "-phone")):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in SCREENSHOTS.items():
            assert page.goto(f"{terms}/{language}{url}").status == 200
            page.screenshot(path=SCREENS / f"{language}-{name}{suffix}.png", full_page=True)
