"""Two stateless app servers (gunicorn, production settings) on one database, one media
directory and one Redis cache: a curator signed in on one is signed in on the other, an edit
made through one is seen through the other, and the API's per-client throttle counts the
requests of both (with each process's own memory cache it would count each server apart)."""

import os
import re
import signal
import subprocess
import sys
import time
import uuid

import pytest
import redis
import requests

from tests.production.serving import REPO, free_port, production_env

REDIS_URL = os.getenv("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
HTTPS = {"X-Forwarded-Proto": "https", "Host": "archive.example.org"}


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr


def start_gunicorn(env, port, log):
    env = {**env, "BIND": f"127.0.0.1:{port}"}
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def wait_healthy(base, server, log):
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, f"gunicorn exited: {log.seek(0) or log.read()}"
        assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
        try:
            if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)


@pytest.fixture
def key_prefix():
    """The tests' own keys in Redis, removed afterwards (Redis must be running: no skip)."""
    prefix = f"scaleout-test-{uuid.uuid4().hex}"
    yield prefix
    store = redis.Redis.from_url(REDIS_URL)
    for key in store.scan_iter(f"{prefix}:*"):
        store.delete(key)


@pytest.fixture
def two_servers(tmp_path, key_prefix):
    env = production_env(
        tmp_path, CACHE_URL=REDIS_URL, CACHE_KEY_PREFIX=key_prefix, API_ANON_RATE="4/minute"
    )
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('curator', password='pw-for-tests-only')",
    )
    servers, logs, bases = [], [], []
    try:
        for name in ("a", "b"):
            port = free_port()
            log = (tmp_path / f"gunicorn-{name}.log").open("w+")
            logs.append(log)
            servers.append(start_gunicorn(env, port, log))
            bases.append(f"http://127.0.0.1:{port}")
        for base, server, log in zip(bases, servers, logs, strict=True):
            wait_healthy(base, server, log)
        yield bases
    finally:
        for server in servers:
            if server.poll() is None:
                server.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=40)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        for log in logs:
            log.close()


class Browser(requests.Session):
    """A curator's browser behind the TLS proxy: secure cookies go over the test's plain HTTP."""

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", 20)
        kwargs.setdefault("allow_redirects", False)
        kwargs["headers"] = {**HTTPS, **kwargs.get("headers", {})}
        response = super().request(method, url, **kwargs)
        for cookie in self.cookies:
            cookie.secure = False
        return response

    def post_form(self, url, data):
        page = self.get(url)
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        path = url.split("127.0.0.1", 1)[1].split("/", 1)[1]
        referer = f"https://archive.example.org/{path}"
        return self.post(
            url, data={"csrfmiddlewaretoken": token, **data}, headers={"Referer": referer}
        )


def test_a_curator_signed_in_on_one_server_edits_and_the_other_shows_it(two_servers):
    first, second = two_servers
    browser = Browser()
    signed_in = browser.post_form(
        f"{first}/admin/login/?next=/admin/",
        {"username": "curator", "password": "pw-for-tests-only", "next": "/admin/"},
    )
    assert signed_in.status_code == 302, signed_in.text[:500]

    # The session (kept in the database) opens the admin on the other server too.
    assert browser.get(f"{second}/admin/").status_code == 200

    added = browser.post_form(
        f"{first}/admin/archive/licence/add/",
        {"name": "Made on server A", "slug": "made-on-a", "order": "0", "uri": ""},
    )
    assert added.status_code == 302, added.text[:2000]
    listing = browser.get(f"{second}/admin/archive/licence/")
    assert listing.status_code == 200
    assert "Made on server A" in listing.text


def test_the_api_throttle_counts_a_client_across_both_servers(two_servers, key_prefix):
    first, second = two_servers
    statuses = [
        requests.get(f"{base}/api/source/", headers=HTTPS, timeout=20).status_code
        for base in (first, second, first, second, first)
    ]
    # 4/minute for one client, wherever its requests land; per-process memory would allow 5.
    assert statuses == [200, 200, 200, 200, 429]
    store = redis.Redis.from_url(REDIS_URL)
    assert any(store.scan_iter(f"{key_prefix}:*throttle*")), "the counts are not in Redis"
