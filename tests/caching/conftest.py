import os

import pytest
from django.core.cache import caches

from tests import factories

# This suite's own Redis database and prefix; CI gives the SQLite and PostgreSQL runs, which run
# at once, a database each (clear() empties a whole database).
REDIS_URL = os.getenv("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")

BACKENDS = {
    "locmem": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "page-cache-tests",
    },
    "redis": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "archive-page-cache-tests",
    },
}


@pytest.fixture(params=sorted(BACKENDS))
def page_cache(request, settings):
    """Each test runs with the default set-up (local memory) and a shared cache (Redis)."""
    settings.CACHES = {"default": BACKENDS[request.param]}
    cache = caches["default"]
    cache.clear()
    yield cache
    cache.clear()


def _title_field(record) -> str:
    return "title" if hasattr(record, "title") else "name"


# Every registered kind: (maker of a published record, its displayed field).
MAKERS = {
    "source": factories.source,
    "place": factories.place,
    "media": factories.media_item,
    "person": factories.person,
    "organisation": factories.organisation,
    "event": factories.event,
}


def rename(record, text: str) -> None:
    setattr(record, _title_field(record), text)
    record.save()
