"""The registry as the search index reads it: which kinds are searched, how an entry is built
from a kind's `SearchSpec` and the `SearchExtension`s other apps add, what each depends on.

Read at call time, never copied: the registry is filled by every app's `ready()`, after this
app's own.
"""

import functools
import re
from collections.abc import Callable

from django.utils import translation

from archive import registry, translations

from .documents import plain_text
from .entry import Entry

# URL parameters of the search page: a facet kind's key may not be one of them.
RESERVED_PARAMETERS = {
    "q", "kind", "source_kind", "decade", "from", "to", "sort", "page", "format", "results_only",
}  # fmt: skip
_FACET_KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,29}$")


def searched() -> list[registry.Kind]:
    """Every kind in the index, in registry order."""
    return [kind for kind in registry.kinds() if kind.search is not None]


def searched_kind(model) -> registry.Kind | None:
    kind = registry.kind_for_model(model)
    return kind if kind is not None and kind.search is not None else None


def keys() -> list[str]:
    return [kind.key for kind in searched()]


def facet_kinds() -> list[registry.Kind]:
    """Kinds registered with `facet=True` that are searched (a facet value is labelled by
    its record's own index row). Their keys are URL parameters and SQL literals."""
    found = []
    for kind in searched():
        if not kind.facet:
            continue
        if kind.key in RESERVED_PARAMETERS or not _FACET_KEY_RE.match(kind.key):
            raise ValueError(f"“{kind.key}” cannot be the key of a search facet.")
        found.append(kind)
    return found


def facet_keys() -> list[str]:
    return [kind.key for kind in facet_kinds()]


def entry(kind: registry.Kind, record) -> Entry:
    """The kind's document of `record`, with what other apps add to it.

    Built in the default language, whichever page saved the record (the index stores one
    title: English, else the fallback); the text of every other language is added, so that
    a record is found by its Azerbaijani or Russian words too."""
    with translation.override(translations.default_language()):
        built = _entry(kind, record)
    # Each language's column of each translated field, as plain text (each made once).
    own = {
        name: {
            lang: plain_text(text) if (text := getattr(record, column) or "") else ""
            for lang, column in zip(translations.languages(), columns, strict=True)
        }
        for name, columns in _columns(type(record)).items()
    }
    shown = {*built.text, built.title}
    for texts in own.values():
        for text in texts.values():
            if text and text not in shown:
                shown.add(text)
                built.text.append(text)
    built.titles, built.texts = _in_languages(record, built.title, own)
    return built


@functools.cache
def _columns(model) -> dict[str, list[str]]:
    return {
        name: translations.columns(model, name) for name in translations.translated_fields(model)
    }


TEXT_SHOWN = 10_000  # characters of a language's own words kept for its results' snippets


def _in_languages(
    record, title: str, own: dict[str, dict[str, str]]
) -> tuple[dict[str, str], dict[str, str]]:
    """The record's title, and its own words, in each language they are written in (never a
    fallback: a page falls back when it shows them, in the one order). `own` holds each
    translated field's plain text in each language ("" where it is not written).

    The title's language: a record with name variants is named by `name_in`; otherwise the
    title is the translated field whose English text it is (an event's `title`), and a title
    that is no translated field (a source's, as published) has none."""
    default = translations.default_language()
    titles: dict[str, str] = {}
    title_field = next(
        (name for name in own if translations.localized(record, name, default).text == title),
        None,
    )
    for lang in translations.languages():
        if hasattr(record, "name_in"):
            named = record.name_in(lang)
            if named.lang == lang:
                titles[lang] = named.text
        elif title_field is not None:
            text = getattr(record, _columns(type(record))[title_field][_index(lang)])
            if text:
                titles[lang] = text
    texts: dict[str, str] = {}
    for lang in translations.languages():
        joined = "\n\n".join(
            texts_of[lang]
            for name, texts_of in own.items()
            if texts_of[lang] and name not in (title_field, "name")
        )[:TEXT_SHOWN]
        if joined:
            texts[lang] = joined
    return titles, texts


def _index(lang: str) -> int:
    return translations.languages().index(lang)


def _entry(kind: registry.Kind, record) -> Entry:
    built = kind.search.document(record)
    for extension in kind.search_extensions:
        if extension.names is not None:
            built.names.extend(extension.names(record))
        if extension.text is not None:
            built.text.extend(extension.text(record))
        if extension.facets is not None:
            for key, pks in extension.facets(record).items():
                built.facets.setdefault(key, []).extend(pks)
    return built


def queryset(kind: registry.Kind):
    """The kind's records, prepared for building entries in bulk."""
    records = kind.model._default_manager.all()
    for prepare in (kind.search.prepare, *(e.prepare for e in kind.search_extensions)):
        if prepare is not None:
            records = prepare(records)
    return records


def dependencies(kind: registry.Kind) -> dict[type, list[Callable | None]]:
    """{model: [fn(instance) -> records of the kind to re-index, ...]} from the spec and its
    extensions; a many-to-many through model maps to [None] (the changed rows say which)."""
    found: dict[type, list[Callable | None]] = {}
    for depends_on in (kind.search.depends_on, *(e.depends_on for e in kind.search_extensions)):
        for model, find in depends_on.items():
            found.setdefault(model, []).append(find)
    return found
