import pytest
from django.core.cache import cache

from archive.models import Licence
from tests import factories

KINDS = ["event", "person", "source", "place", "media", "organisation"]


@pytest.fixture(autouse=True)
def _generous_throttle(settings):
    # Throttling has its own test; the others must never meet it (its counts live in the cache).
    settings.API_ANON_RATE = "100000/minute"
    cache.clear()
    yield
    cache.clear()


def make(kind: str, **kwargs):
    if kind == "media":
        kwargs.setdefault("width", 800)
        kwargs.setdefault("height", 600)
        kwargs.setdefault("alt_text", "A test picture")
        kwargs.setdefault("credit_line", "Test credit")
        kwargs.setdefault("licence", Licence.objects.get(slug="cc0"))
    maker = {"event": factories.event, "person": factories.person, "source": factories.source,
             "place": factories.place, "media": factories.media_item,
             "organisation": factories.organisation}[kind]  # fmt: skip
    return maker(**kwargs)
