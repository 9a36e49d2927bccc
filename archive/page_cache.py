"""Whole-page cache for visitors' record pages, keyed by the publication generation.

A visitor (no session cookie) asking for a published record's page gets the stored page: no
view, no template, one primary-key read of the generation. Every write that can change a public
page moves the generation (`bump()`): the save and delete signals of every model of the apps
that own a registered kind (records and their rows: names, citations, claims, participations…)
and their many-to-many changes, plus the bulk writes (`archive.changes.log_bulk_writes`, which
the imports and batch edits call). The key holds the generation, so a change made by any app
server or management command is visible on the very next request, with any cache backend
(`caches["default"]`: local memory per process by default, Redis for several app servers).

The trade-off: one generation for the whole site, so any write empties the cache (its old
entries are never read again and expire). A page is then rendered once more per URL. Cheap to
keep correct ("edit a linked record" needs no dependency graph); an archive is read far more
than written. Per-record versions would keep more pages but must know every page that shows a
record (cited by, linked records, roles in events), which is the error-prone part.

Never stored: anything but a 200 GET without a query string of a record page; a request with a
session or messages cookie (staff, a signed-in visitor, a pending message); a response that
sets a cookie (a CSRF token in its body) or varies on more than cookies. Staff and previews get
`Cache-Control: private, no-store`; visitors get `public` with a strong ETag (the body's hash)
and a Last-Modified, answered with 304. Cached headers include the Content-Security-Policy,
which uses no nonces (archive/csp.py), so a stored page and its policy stay valid together.

`max-age` is PAGE_CACHE_MAX_AGE seconds (0 by default: a CDN or browser keeps the page but asks
again each time, a cheap 304, so a change is visible at once; a larger value lets a CDN serve a
page that old, with the same stale-while-revalidate).
"""

import hashlib
import math
from datetime import UTC, datetime
from functools import partial

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag

from archive import i18n, registry

KEY_PREFIX = "page:"
# Rows written beside the ones they derive from, or for the change log itself.
NOT_PUBLIC = {
    "archive.publicationgeneration",
    "archive.recordchange",
    "archive.searchdocument",
    "archive.searchfacet",
    "archive.searchterm",
}


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE", True)


def max_age() -> int:
    return int(getattr(settings, "PAGE_CACHE_MAX_AGE", 0))


def timeout() -> int:
    # Entries of an old generation are never read again; this only bounds how long they stay.
    return int(getattr(settings, "PAGE_CACHE_TIMEOUT", 24 * 60 * 60))


# The generation ------------------------------------------------------------------------------


GENERATION_KEY = "page-generation"
# How long a shared cache's copy of the generation is believed without the database: only
# matters if a writer dies between its commit and telling the cache (see `_publish`).
GENERATION_TTL = 60


def shared(cache) -> bool:
    """A cache every app server sees (Redis, Memcached, the database): it can hold the
    generation too. A process's own memory cannot, so there it is read from the database."""
    return not isinstance(cache, LocMemCache | DummyCache)


def _from_database(using: str = DEFAULT_DB_ALIAS) -> tuple[int, datetime | None]:
    from archive.models import PublicationGeneration

    return PublicationGeneration.objects.using(using).current()


def generation() -> tuple[int, datetime | None]:
    """The current generation: from a shared cache when it holds it (no query), else one
    primary-key read. A reader only `add`s what it read, so it never overwrites a newer value
    a writer has just set."""
    cache = caches["default"]
    if not shared(cache):
        return _from_database()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = _from_database()
        cache.add(GENERATION_KEY, token, GENERATION_TTL)
    return token


def _publish(using: str) -> None:
    cache = caches["default"]
    if shared(cache):
        cache.set(GENERATION_KEY, _from_database(using), GENERATION_TTL)


def _bump_after_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    from archive.models import PublicationGeneration

    PublicationGeneration.objects.using(using).bump()
    _publish(using)


def bump(using: str = DEFAULT_DB_ALIAS) -> None:
    """Move the generation now (the writer's own transaction sees it; others when it commits)
    and once more after the commit, so that its time is no earlier than the data it announces
    (Last-Modified is honest) and a page rendered from the old data in between is never read
    again."""
    from archive.models import PublicationGeneration

    PublicationGeneration.objects.using(using).bump()
    _publish(using)
    connection = connections[using]
    if connection.in_atomic_block and not any(
        getattr(func, "func", None) is _bump_after_commit
        for _sids, func, _robust in connection.run_on_commit
    ):
        transaction.on_commit(partial(_bump_after_commit, using), using=using)


def _public_apps() -> set[str]:
    return {kind.model._meta.app_label for kind in registry.kinds()}


def _changes_public_pages(sender) -> bool:
    meta = sender._meta
    if meta.apps is not global_apps:
        return False  # a migration's historical model: the generation's table may not exist yet
    return meta.app_label in _public_apps() and meta.label_lower not in NOT_PUBLIC


def on_write(sender, raw=False, using=DEFAULT_DB_ALIAS, **kwargs):
    if not raw and _changes_public_pages(sender):
        bump(using)


def on_m2m_changed(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and _changes_public_pages(kwargs["model"]):
        bump(using)


def connect() -> None:
    post_save.connect(on_write, dispatch_uid="page-cache-saved")
    post_delete.connect(on_write, dispatch_uid="page-cache-deleted")
    m2m_changed.connect(on_m2m_changed, dispatch_uid="page-cache-m2m")


# The pages -----------------------------------------------------------------------------------


def is_record_page(path: str) -> bool:
    from archive.views.records import RecordDetailView

    # The language prefix matches only under its own language, and the locale middleware has
    # not run yet: resolve as the URL's language.
    try:
        with translation.override(i18n.language_of(path)):
            match = resolve(path)
    except Resolver404:
        return False
    view_class = getattr(match.func, "view_class", None)
    return view_class is not None and issubclass(view_class, RecordDetailView)


def is_visitor(request) -> bool:
    """No session (staff, signed-in visitors) and no pending message: the page every visitor
    without them sees."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cache_key(request, token: tuple[int, datetime | None]) -> str:
    value, at = token
    # The time too: a database restored (or a test rolled back) can repeat a value.
    stamp = at.timestamp() if at else 0
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"{KEY_PREFIX}{value}.{stamp}:{url}"


def last_modified(at: datetime | None, now: datetime) -> int | None:
    """The first whole second after the generation moved, once that second has begun: a page
    rendered then cannot predate the change, so an If-Modified-Since at or after it is fresh
    (two changes within one second would otherwise share a Last-Modified)."""
    if at is None:
        return None
    second = math.floor(at.timestamp()) + 1
    return second if now.timestamp() >= second else None


def storable(request, response) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and vary <= {"cookie"}
        and not (user is not None and user.is_authenticated)
        and "no-store" not in response.get("Cache-Control", "")
    )


def public_cache_control(response) -> None:
    seconds = max_age()
    if seconds:
        patch_cache_control(response, public=True, max_age=seconds, stale_while_revalidate=seconds)
    else:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)


def entry_for(response, token) -> dict:
    body = response.content
    public_cache_control(response)
    response["ETag"] = quote_etag(hashlib.sha256(body).hexdigest()[:32])
    stamp = last_modified(token[1], datetime.now(UTC))
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    return {"headers": list(response.items()), "body": body}


def response_from(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["body"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def not_modified(request, response) -> bool:
    etag = response.get("ETag")
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:  # it wins over If-Modified-Since (RFC 9110 13.2.2)
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag is not None and (etag in tags or "*" in tags)
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return since is not None and modified is not None and modified <= since


def answer(request, response) -> HttpResponse:
    if not_modified(request, response):
        short = HttpResponseNotModified()
        for name in ("ETag", "Last-Modified", "Cache-Control", "Vary", "Link"):
            if name in response:
                short[name] = response[name]
        return short
    if request.method == "HEAD":
        response.content = b""
    return response


class PageCacheMiddleware:
    """Serves and stores visitors' record pages (see the module's docstring). Placed before the
    session and authentication middleware, so a stored page costs none of them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            enabled() and request.method in ("GET", "HEAD") and is_record_page(request.path_info)
        ):
            return self.get_response(request)
        if request.META.get("QUERY_STRING") or not is_visitor(request):
            return self.private(self.get_response(request))
        cache = caches["default"]
        token = generation()
        key = cache_key(request, token)
        entry = cache.get(key)
        if entry is not None:
            return answer(request, response_from(entry))
        response = self.get_response(request)
        if request.method != "GET" or not storable(request, response):
            return self.private(response)
        cache.set(key, entry_for(response, token), timeout())
        return answer(request, response)

    @staticmethod
    def private(response):
        # Staff, previews and anything personal: neither a CDN nor a browser keeps it.
        response["Cache-Control"] = "private, no-store"
        return response
