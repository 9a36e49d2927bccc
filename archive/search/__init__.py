"""One full-text search across the archive: a denormalised index of published records.

Apps register their record models in `AppConfig.ready()`:

    from archive import search
    search.register(Person, document=person_document, depends_on={PersonName: lambda n: [n.person]})

`document(record)` returns an `Entry`; the index keeps one row per published record in step
through signals and `manage.py rebuild_search_index` rebuilds it. `search.extend(Source, ...)`
lets an app add names (people credited on a source, say) to a kind it does not own.
"""

from .registry import Entry, Registration, extend, register, registration_for, registrations

__all__ = ["Entry", "Registration", "extend", "register", "registration_for", "registrations"]
