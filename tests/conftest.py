import io
import os

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.db import connection
from django.test import Client

from archive.groups import CATALOGUERS, CURATORS

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _database_order(item) -> int:
    """pytest-django's order: tests in a rolled-back transaction, then transactional tests,
    then tests without the database."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if (
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    ):
        return 1
    return 0 if marker or "db" in fixtures else 2


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests after every test in a transaction: their flush empties the tables, the
    migrations' vocabularies included. pytest-django sorts them so, but pytest may regroup
    items by parametrized fixtures afterwards (a test parametrizing `page`, Playwright's
    fixture, once put the browser tests before half the suite)."""
    items.sort(key=_database_order)


@pytest.fixture(autouse=True, scope="session")
def _database_is_what_ci_asked_for(django_db_setup, django_db_blocker):
    # CI sets REQUIRE_POSTGRES=1 for its PostgreSQL run: never fall back to SQLite silently.
    if os.environ.get("REQUIRE_POSTGRES"):
        assert connection.vendor == "postgresql", f"expected PostgreSQL, got {connection.vendor}"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Each test rolls the database back, the generation row included: a page one test cached
    # must not be served to the next (tests/caching/ runs the cache on purpose).
    caches["default"].clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness costs half a second a user; tests need no such safety.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _staff(username: str, group: str) -> User:
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def curator(db) -> User:
    return _staff("curator", CURATORS)


@pytest.fixture
def cataloguer(db) -> User:
    return _staff("cataloguer", CATALOGUERS)


@pytest.fixture
def visitor(db) -> User:
    return User.objects.create_user("visitor", password="pw-for-tests-only")


@pytest.fixture
def curator_client(curator):
    client = Client()  # its own client, so a test can hold a curator's and a cataloguer's
    client.force_login(curator)
    return client


@pytest.fixture
def cataloguer_client(cataloguer):
    client = Client()
    client.force_login(cataloguer)
    return client


@pytest.fixture
def demo(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
