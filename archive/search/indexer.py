"""Writing the index: build entries for records and keep their rows in step."""

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from archive import registry
from archive.dates import bounds
from archive.imports.sql import insert
from archive.models import Status

from . import backends, kinds
from .folding import fold_words
from .models import SearchDocument, SearchFacet, SearchTerm

# EDTF parsing is slow (pyparsing) and dates repeat: remember what each string means.
_bounds = lru_cache(maxsize=20_000)(bounds)

MAX_TEXT = 200_000  # characters of a record's text that are indexed
CHUNK = 500


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item.strip() for item in items if item and item.strip()))


def name_words(names_folded: str) -> set[str]:
    return {w for w in names_folded.split() if len(w) >= 3 and not w.isdigit() and w != "_"}


def shown_values(entry) -> dict | None:
    """The `shown` column: what a result needs in each language (see SearchDocument)."""
    shown = {}
    if entry.titles:
        shown["titles"] = {lang: title[:1000] for lang, title in entry.titles.items()}
    if entry.texts:
        shown["texts"] = dict(entry.texts)
    if entry.date_span and any(entry.date_span):
        shown["dates"] = [date or "" for date in entry.date_span]
    return shown or None


def entry_values(kind: registry.Kind, record, *, url: bool = True) -> tuple[dict, list]:
    """The index row's columns of a published record that are not folded (the folded ones
    follow from these) and its facet values; `url=False` leaves the record's URL out."""
    entry = kinds.entry(kind, record)
    title = (entry.title or str(record))[:1000]
    earliest, latest = entry.earliest, entry.latest
    if earliest is None and latest is None and entry.date:
        try:
            earliest, latest = _bounds(entry.date)
        except ValidationError:
            earliest = latest = None
    known = earliest or latest
    values = {
        "kind": kind.key,
        "title": title,
        "names": "\n".join(_unique(entry.names))[:20_000],
        "text": "\n\n".join(_unique(entry.text))[:MAX_TEXT],
        "date": (entry.date or "")[:200],
        # Words only for a record without EDTF: the page writes an EDTF date in its language.
        "date_display": ("" if entry.date else entry.date_display)[:300],
        "earliest": earliest,
        "latest": latest,
        "decade": known.year // 10 * 10 if known else None,
        "source_kind": entry.source_kind or "",
        "shown": shown_values(entry),
    }
    if url:
        values["url"] = record.get_absolute_url()
    facets = [(key, pk) for key, pks in entry.facets.items() for pk in dict.fromkeys(pks) if pk]
    return values, facets


def document_values(kind: registry.Kind, record) -> tuple[dict, list]:
    """Every column of a published record's index row but its keys, folded ones included,
    and its facet values."""
    values, facets = entry_values(kind, record)
    values["title_folded"] = fold_words(values["title"])
    values["names_folded"] = fold_words(values["names"])
    values["text_folded"] = fold_words(values["text"])
    values["word_pairs"] = backends.get().word_pairs(
        values["title_folded"], values["names_folded"], values["text_folded"]
    )
    return values, facets


def build_document(kind: registry.Kind, record, content_type):
    """The unsaved index row of a published record and its facet values."""
    values, facets = document_values(kind, record)
    document = SearchDocument(content_type=content_type, object_id=record.pk, **values)
    return document, facets


def _write(documents_and_facets, existing_ids: dict[int, int] | None = None) -> None:
    """Save built rows: update those of records already indexed, create the others."""
    existing_ids = existing_ids or {}
    new, updated = [], []
    now = timezone.now()
    for document, _ in documents_and_facets:
        document.indexed_at = now
        document.pk = existing_ids.get(document.object_id)
        (updated if document.pk else new).append(document)
    if updated:
        # Rewritten under the same keys: deleting and inserting in bulk is many times faster
        # than bulk_update's CASE per column (their facets were deleted by the caller).
        SearchDocument.objects.filter(pk__in=[d.pk for d in updated]).delete()
    # COPY on PostgreSQL (archive.imports.sql): Django's INSERT … UNNEST builds its arrays
    # in Python, slower than the database stores the rows.
    insert(SearchDocument, updated + new, batch_size=5000)
    insert(
        SearchFacet,
        [
            SearchFacet(document_id=document.pk, facet=facet, value_id=value)
            for document, facets in documents_and_facets
            for facet, value in facets
        ],
        batch_size=5000,
    )
    words = set()
    for document, _ in documents_and_facets:
        words |= name_words(document.names_folded)
    if words:
        SearchTerm.objects.bulk_create(
            [SearchTerm(word=w[:100]) for w in sorted(words)], ignore_conflicts=True
        )


def index_records(model, pks: Iterable[int]) -> set[int]:
    """Bring the rows of these records in step: index the published, drop the rest.

    Returns the primary keys whose title, names or presence changed (their dependents, such
    as the events that show a person's name, need re-indexing too).
    """
    kind = kinds.searched_kind(model)
    pks = list(dict.fromkeys(pks))
    if kind is None or not pks:
        return set()
    content_type = ContentType.objects.get_for_model(model)
    changed: set[int] = set()
    with transaction.atomic():
        for start in range(0, len(pks), CHUNK):
            chunk = pks[start : start + CHUNK]
            existing = {
                object_id: (pk, title, names)
                for pk, object_id, title, names in SearchDocument.objects.filter(
                    content_type=content_type, object_id__in=chunk
                ).values_list("pk", "object_id", "title_folded", "names_folded")
            }
            before = {object_id: row[1:] for object_id, row in existing.items()}
            records = kinds.queryset(kind).filter(pk__in=chunk, status=Status.PUBLISHED)
            built = [build_document(kind, r, content_type) for r in records]
            after = {doc.object_id: (doc.title_folded, doc.names_folded) for doc, _ in built}
            changed |= {pk for pk in set(before) | set(after) if before.get(pk) != after.get(pk)}
            if existing:
                SearchFacet.objects.filter(
                    document_id__in=[r[0] for r in existing.values()]
                ).delete()
                gone = [row[0] for object_id, row in existing.items() if object_id not in after]
                if gone:
                    SearchDocument.objects.filter(pk__in=gone).delete()
            _write(built, {object_id: row[0] for object_id, row in existing.items()})
            old_words = set().union(*(name_words(names) for _, names in before.values()))
            new_words = set().union(*(name_words(names) for _, names in after.values()))
            prune_terms(old_words - new_words)
    return changed


def remove_records(model, pks: Iterable[int]) -> None:
    content_type = ContentType.objects.get_for_model(model)
    existing = SearchDocument.objects.filter(content_type=content_type, object_id__in=list(pks))
    words = set().union(*(name_words(n) for n in existing.values_list("names_folded", flat=True)))
    SearchFacet.objects.filter(document__in=existing).delete()
    existing.delete()
    prune_terms(words)


def prune_terms(words: set[str]) -> None:
    """Forget lexicon words no indexed record names any more."""
    if not words:
        return
    backend = backends.get()
    unused = [word for word in words if not backend.names_contain(word)]
    if unused:
        SearchTerm.objects.filter(word__in=unused).delete()


def dependents(instance) -> dict[type, set[int]]:
    """Records of registered kinds whose entries show `instance`: {model: pks}."""
    found: dict[type, set[int]] = defaultdict(set)
    model = type(instance)._meta.concrete_model
    for kind in kinds.searched():
        for find in kinds.dependencies(kind).get(model, ()):
            if find is None:
                continue  # a many-to-many table: m2m_changed says which rows
            for item in find(instance) or ():
                found[kind.model].add(getattr(item, "pk", item))
    return found


def reindex(model, pks: Iterable[int], cascade: bool = True) -> None:
    """Index records and, where their title or names changed, the records that show them."""
    changed = index_records(model, pks)
    if not changed or not cascade:
        return
    for target, target_pks in cascade_targets(model, changed).items():
        index_records(target, target_pks)


def cascade_targets(model, pks) -> dict[type, set[int]]:
    found: dict[type, set[int]] = defaultdict(set)
    for instance in model._default_manager.filter(pk__in=list(pks)):
        for target, target_pks in dependents(instance).items():
            found[target] |= target_pks
    return found


def published_count() -> int:
    return sum(kind.model._default_manager.published().count() for kind in kinds.searched())
