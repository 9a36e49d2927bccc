"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser) against
pytest-django's live server with the demo collection and the public tests' own data."""

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
SCREENS = Path(__file__).resolve().parents[2] / "test-results" / "screens"  # git-ignored


@pytest.fixture(scope="session")
def browser_type_launch_args():
    # Fail, never skip, when the browser is missing: `make test` installs it.
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: run scripts/install-chromium"
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session", autouse=True)
def _migrations_data(django_db_setup, django_db_blocker):
    """The rows the data migrations made (vocabularies, groups), taken before any browser test.

    A live-server test runs in a transaction-less database that is flushed afterwards; Django's
    serialized rollback would restore these rows, but under Playwright the connection it keeps
    them on is not the one the next test sees. So the browser tests restore them themselves.
    """
    connection = connections["default"]
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        with django_db_blocker.unblock():
            contents = connection.creation.serialize_db_to_string()
    return contents


@pytest.fixture
def site(live_server, settings, tmp_path, _migrations_data):
    """The live server's address, with the demo and a disagreement and an image loaded."""
    from archive.models import SourceKind
    from tests.public.data import add_disagreement, add_image

    if not SourceKind.objects.exists():
        # The flush re-made content types and permissions (with new ids): put back the originals.
        Permission.objects.all().delete()
        ContentType.objects.all().delete()
        ContentType.objects.clear_cache()
        connections["default"].creation.deserialize_db_from_string(_migrations_data)
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=io.StringIO())
    add_disagreement()
    add_image()
    SCREENS.mkdir(parents=True, exist_ok=True)
    return live_server.url


@pytest.fixture
def no_external_requests(page, site):
    """Fail on any request that leaves the live server: no CDN, fonts or scripts elsewhere."""
    outside = []

    def check(request):
        if not request.url.startswith((site, "data:", "about:")):
            outside.append(request.url)

    page.on("request", check)
    yield outside
    assert outside == [], f"requests to other hosts: {outside}"
