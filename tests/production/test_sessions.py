"""Admin sessions expire: after SESSION_COOKIE_AGE (8 hours unless the environment says
otherwise) and when the browser closes (the cookie has no expiry date)."""

import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.production.test_login_throttling import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_a_session_lasts_eight_hours_and_ends_with_the_browser(client, curator):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    response = sign_in(client, "curator", PASSWORD)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # gone when the browser closes
    session = Session.objects.get()
    expected = timezone.now() + timedelta(hours=8)
    assert abs(session.expire_date - expected) < timedelta(minutes=1)


def test_an_expired_session_is_sent_back_to_the_login_page(client, curator):
    sign_in(client, "curator", PASSWORD)
    assert client.get(reverse("admin:index")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_environment_sets_the_session_length():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'archive.settings'; "
        "from django.conf import settings; "
        "print(settings.SESSION_COOKIE_AGE, settings.SESSION_EXPIRE_AT_BROWSER_CLOSE)"
    )
    env = {"SESSION_COOKIE_AGE": "3600", "SESSION_EXPIRE_AT_BROWSER_CLOSE": "false"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert done.stdout.split() == ["3600", "False"]
