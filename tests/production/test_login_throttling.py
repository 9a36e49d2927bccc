"""Logins are throttled (django-axes): after 5 wrong passwords for a username from one address,
that username cannot sign in from that address for 15 minutes, even with the right password,
and is told so. Other users, and the same user elsewhere, are not held up."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-only"  # tests/conftest.py's staff users
LOCKOUT = "Too many failed logins; try again in 15 minutes or ask a curator"


def sign_in(client: Client, username: str, password: str):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )


def signed_in(client: Client) -> bool:
    return SESSION_KEY in client.session


def fail(client: Client, username: str, times: int = 5):
    for _ in range(times):
        sign_in(client, username, "wrong-password")


def test_five_wrong_passwords_lock_the_right_one_out_with_a_clear_message(client, curator):
    for attempt in range(4):
        response = sign_in(client, "curator", "wrong-password")
        assert response.status_code == 200, attempt  # the login form again, with its error
        assert "Please enter the correct username and password" in response.content.decode()
    response = sign_in(client, "curator", "wrong-password")
    assert response.status_code == 429
    response = sign_in(client, "curator", PASSWORD)
    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()
    assert not signed_in(client)
    assert response["Content-Security-Policy"]


def test_other_users_and_other_addresses_are_not_held_up(client, curator, cataloguer):
    fail(client, "curator")
    assert sign_in(client, "curator", PASSWORD).status_code == 429

    response = sign_in(client, "cataloguer", PASSWORD)
    assert response.status_code == 302 and signed_in(client)

    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert sign_in(elsewhere, "curator", PASSWORD).status_code == 302
    assert signed_in(elsewhere)


def test_the_right_password_works_again_after_the_cool_off(client, curator):
    fail(client, "curator")
    assert sign_in(client, "curator", PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    response = sign_in(client, "curator", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_a_reset_lifts_the_lockout_at_once(client, curator):
    fail(client, "curator")
    assert sign_in(client, "curator", PASSWORD).status_code == 429
    reset(username="curator")
    response = sign_in(client, "curator", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_a_successful_login_clears_earlier_failures(client, curator):
    fail(client, "curator", times=4)
    assert sign_in(client, "curator", PASSWORD).status_code == 302
    client.logout()
    fail(client, "curator", times=4)
    assert sign_in(client, "curator", PASSWORD).status_code == 302


def test_an_unknown_username_is_throttled_too(client, db):
    fail(client, "nobody")
    response = sign_in(client, "nobody", "anything")
    assert response.status_code == 429
    assert LOCKOUT in response.content.decode()


def test_behind_a_proxy_it_counts_the_address_the_proxy_appended(client, curator, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    attacker = Client(REMOTE_ADDR="127.0.0.1", headers={"x-forwarded-for": "198.51.100.1"})
    fail(attacker, "curator")
    assert sign_in(attacker, "curator", PASSWORD).status_code == 429
    # A spoofed first entry changes nothing: the proxy's own entry comes last.
    spoofing = Client(headers={"x-forwarded-for": "203.0.113.9, 198.51.100.1"})
    assert sign_in(spoofing, "curator", PASSWORD).status_code == 429
    # The curator, at another address behind the same proxy, signs in.
    colleague = Client(REMOTE_ADDR="127.0.0.1", headers={"x-forwarded-for": "198.51.100.2"})
    assert sign_in(colleague, "curator", PASSWORD).status_code == 302


def test_without_a_proxy_the_header_is_not_believed(client, curator):
    fail(Client(headers={"x-forwarded-for": "198.51.100.1"}), "curator")
    rotated = Client(headers={"x-forwarded-for": "198.51.100.77"})
    assert sign_in(rotated, "curator", PASSWORD).status_code == 429


def test_the_lockout_page_is_valid_html(client, curator, tmp_path):
    from tests.public.test_html_valid import nu_html_check

    fail(client, "curator")
    page = sign_in(client, "curator", PASSWORD)
    (tmp_path / "lockout.html").write_bytes(page.content)
    assert nu_html_check(tmp_path, {"lockout.html": "the lockout page"}) == []
