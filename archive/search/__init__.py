"""One full-text search across the archive: a denormalised index of published records.

A kind is searched when its registration (`archive.registry.register`) carries a
`SearchSpec`; another app adds to a kind it does not own with `registry.extend(key,
search=SearchExtension(...))`. `document(record)` returns an `Entry`; the index keeps one row
per published record in step through signals (`archive.search.signals`, connected once) and
`manage.py rebuild_search_index` rebuilds it.
"""

from .entry import Entry

__all__ = ["Entry"]
