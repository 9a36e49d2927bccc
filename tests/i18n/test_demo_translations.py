"""The demo collection's own texts in Azerbaijani and Russian (events/demo_translations.py):
every archive-written text of every demo record has both, each keeps the English text's
citation markers and quotations of the article exactly, and each is written in its language."""

import re

import pytest
from django.apps import apps

from archive.citetext import find_markers
from archive.models import Term
from events import demo
from events.demo_translations import (
    RELATION_INVERSE_TRANSLATIONS,
    TERM_TRANSLATIONS,
    TRANSLATED_FIELDS,
    TRANSLATIONS,
)

LANGUAGES = ["az", "ru"]
# Keys of the demo's dicts that are not the archive's own prose to translate: keys, codes,
# numbers, dates, links to other records, a person's name (shown in the variant of the
# language: a place's and a body's name are translated), the source's creators_text (not a
# translated field of Source), and the article's own words (participants', organisations'
# and claims' quotations and values stay in the source's language).
NOT_TRANSLATED = {
    "slug", "kind", "title", "language", "date", "creators_unknown", "creators_text",
    "container_title", "latitude", "longitude", "parent", "names", "identifiers", "sort_name",
    "places", "organisation_type", "event_type", "participants", "organisations", "claims",
    "relations", "name",
}  # fmt: skip
# A source's title stays as published; its translation is a field of its own.
ENGLISH_OF = {"translated_title": "title"}
KINDS = {
    "source": [demo.SOURCE],
    "place": demo.PLACES,
    "person": demo.PEOPLE,
    "organisation": demo.ORGANISATIONS,
    "event": demo.EVENTS,
}
QUOTATION_RE = re.compile(r"“[^”]*”")
CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")


def english_texts():
    """{(kind, slug): {field: English text}} for every archive-written text the demo has."""
    texts = {}
    for kind, records in KINDS.items():
        for data in records:
            fields = {}
            for field in TRANSLATED_FIELDS[kind]:
                text = data.get(ENGLISH_OF.get(field, field))
                if text:
                    fields[field] = text
            texts[(kind, data["slug"])] = fields
    return texts


def pairs():
    return [
        pytest.param(
            language,
            text,
            TRANSLATIONS[language].get(key, {}).get(field),
            id=f"{language}-{key[1]}-{field}",
        )
        for language in LANGUAGES
        for key, fields in english_texts().items()
        for field, text in fields.items()
    ]


def prose(text):
    """The text the archive wrote in the page's language: without the article's quoted words
    and the citation markers."""
    for marker in find_markers(text):
        text = text.replace(marker.text, " ")
    return QUOTATION_RE.sub(" ", text)


def test_every_text_field_of_the_demo_is_either_translated_or_not_prose():
    for kind, records in KINDS.items():
        for data in records:
            untranslated = set(data) - set(TRANSLATED_FIELDS[kind]) - NOT_TRANSLATED
            assert not untranslated, (kind, data["slug"], untranslated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_record_and_field_has_a_translation_and_nothing_more(language):
    expected = {key: set(fields) for key, fields in english_texts().items()}
    given = {key: set(fields) for key, fields in TRANSLATIONS[language].items()}
    assert given == expected


@pytest.mark.parametrize(("language", "english", "translated"), pairs())
def test_a_translation_is_a_text_of_its_own(language, english, translated):
    assert translated and translated.strip() == translated
    assert translated != english


@pytest.mark.parametrize(("language", "english", "translated"), pairs())
def test_citation_markers_are_the_english_ones_in_the_same_order(language, english, translated):
    assert [m.text for m in find_markers(translated)] == [m.text for m in find_markers(english)]
    assert all(not marker.error for marker in find_markers(translated))


@pytest.mark.parametrize(("language", "english", "translated"), pairs())
def test_the_article_is_quoted_in_its_own_words(language, english, translated):
    assert QUOTATION_RE.findall(translated) == QUOTATION_RE.findall(english)


@pytest.mark.parametrize(("language", "english", "translated"), pairs())
def test_the_text_is_written_in_its_language(language, english, translated):
    words = prose(translated)
    letters = [ch for ch in words if ch.isalpha()]
    cyrillic = [ch for ch in letters if CYRILLIC_RE.match(ch)]
    if language == "az":
        assert not cyrillic, words
    else:
        assert len(cyrillic) >= 0.9 * len(letters), words


def english_names():
    """The display names of the demo's records, and people's surnames alone."""
    names = set()
    for records in (demo.PLACES, demo.PEOPLE, demo.ORGANISATIONS):
        names |= {data["name"] for data in records}
    names |= {data["sort_name"].split(",")[0] for data in demo.PEOPLE}
    return names


@pytest.mark.parametrize(("language", "english", "translated"), pairs())
def test_names_take_the_form_of_the_language(language, english, translated):
    """Outside the article's quoted words, a name is written as in the language (Heydər
    Əliyev, Гейдар Алиев, Bakı), never left in its English form."""
    for name in english_names():
        assert name not in prose(translated), name


def test_a_person_named_in_english_is_named_in_the_variant_of_the_language():
    az = TRANSLATIONS["az"][("event", "heydar-aliyev-moscow-statement-1990")]["description"]
    ru = TRANSLATIONS["ru"][("event", "heydar-aliyev-moscow-statement-1990")]["description"]
    assert "Heydər Əliyev" in az and "Гейдар Алиев" in ru


def terms_the_demo_uses():
    used = {("sourcekind", demo.SOURCE["kind"])}
    used |= {("organisationtype", data["organisation_type"]) for data in demo.ORGANISATIONS}
    for event in demo.EVENTS:
        used.add(("eventtype", event["event_type"]))
        for _slug, role, _locator, _quotation in event["participants"]:
            used.add(("role", role))
        for _slug, role, _locator, _quotation in event.get("organisations", []):
            used.add(("role", role))
        for attribute, _value, _locator, _quotation in event["claims"]:
            used.add(("claimattribute", attribute))
        for relation, _target in event.get("relations", []):
            used.add(("relationtype", relation))
    return used


def term_models():
    return {
        model._meta.model_name: model
        for model in apps.get_models()
        if issubclass(model, Term) and not model._meta.abstract
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_vocabulary_label_the_demo_uses_is_translated(language):
    assert set(TERM_TRANSLATIONS[language]) == terms_the_demo_uses()
    relations = {key for key in terms_the_demo_uses() if key[0] == "relationtype"}
    assert set(RELATION_INVERSE_TRANSLATIONS[language]) == relations


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_term_keys_name_the_default_vocabularies_terms(language):
    """Each key is (model name, slug) of a term the migrations make; its label translates the
    term's name (and a relation's inverse its inverse name)."""
    models = term_models()
    for (model_name, slug), label in TERM_TRANSLATIONS[language].items():
        term = models[model_name].objects.get(slug=slug)
        assert label.strip() and label != term.name, (model_name, slug)
        assert (not CYRILLIC_RE.search(label)) == (language == "az"), label
    for (model_name, slug), label in RELATION_INVERSE_TRANSLATIONS[language].items():
        term = models[model_name].objects.get(slug=slug)
        assert label.strip() and label != term.inverse_name, slug
