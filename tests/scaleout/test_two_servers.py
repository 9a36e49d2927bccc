"""Two stateless app servers (gunicorn, production settings) on one database, one media
directory (or one S3 bucket) and one Redis cache: a curator signed in on one is signed in on
the other, an edit made through one is seen through the other, and the API's per-client
throttle counts the requests of both (with each process's own memory cache it would count
each server apart)."""

import contextlib
import io
import os
import re
import signal
import subprocess
import sys
import time
import uuid

import lxml.html
import pytest
import redis
import requests
from PIL import Image

from tests.media import files
from tests.production.serving import REPO, free_port, production_env
from tests.s3.conftest import keys, read, s3_environment

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


def prepare(env):
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "User.objects.create_superuser('curator', password='pw-for-tests-only')",
    )


@contextlib.contextmanager
def running_two(env, tmp_path):
    """Two gunicorns with the same settings, on free loopback ports; ended on exit."""
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


@pytest.fixture
def two_servers(tmp_path, key_prefix):
    env = production_env(
        tmp_path, CACHE_URL=REDIS_URL, CACHE_KEY_PREFIX=key_prefix, API_ANON_RATE="4/minute"
    )
    prepare(env)
    with running_two(env, tmp_path) as bases:
        yield bases


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

    def submit(self, url, form_id, data, files=None):
        """What a browser sends from the page's form (its CSRF token, management forms and
        every field as shown), with `data` typed in and `files` chosen."""
        page = self.get(url)
        assert page.status_code == 200, page.status_code
        form = lxml.html.fromstring(page.content).xpath(f"//form[@id='{form_id}']")[0]
        path = url.split("127.0.0.1", 1)[1].split("/", 1)[1]
        return self.post(
            url,
            data={**dict(form.form_values()), **data},
            files=files,
            headers={"Referer": f"https://archive.example.org/{path}"},
        )

    def sign_in(self, base):
        signed_in = self.post_form(
            f"{base}/admin/login/?next=/admin/",
            {"username": "curator", "password": "pw-for-tests-only", "next": "/admin/"},
        )
        assert signed_in.status_code == 302, signed_in.text[:500]


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


@pytest.fixture
def two_servers_on_a_bucket(tmp_path, key_prefix, s3, s3_endpoint, new_bucket):
    """Media in one private bucket of a real S3 server (moto's, on loopback), nothing under
    MEDIA_ROOT; yields the two base URLs and the bucket's name."""
    bucket = new_bucket()
    env = production_env(
        tmp_path, CACHE_URL=REDIS_URL, CACHE_KEY_PREFIX=key_prefix,
        **s3_environment(s3_endpoint, bucket),
    )  # fmt: skip
    prepare(env)
    with running_two(env, tmp_path) as bases:
        yield *bases, bucket
    assert not (tmp_path / "media").exists(), "a server wrote media to its own disk"


def test_an_image_uploaded_on_one_server_is_served_by_the_other_from_the_bucket(
    two_servers_on_a_bucket, s3
):
    first, second, bucket = two_servers_on_a_bucket
    curator = Browser()
    curator.sign_in(first)
    add = f"{first}/admin/archive/mediaitem/add/"
    page = lxml.html.fromstring(curator.get(add).content)
    licence = page.xpath("//select[@name='licence']/option[starts-with(., 'CC BY 4.0')]/@value")
    assert licence, "no CC BY 4.0 licence to choose"
    original = files.image_bytes(size=(1200, 800))
    fields = {
        "title": "Barricade on server A",
        "slug": "barricade-a",
        "status": "published",
        "alt_text": "A red square with a blue corner",
        "credit_line": "Photo: Test Archive",
        "licence": licence[0],
        "_save": "Save",
    }
    upload = {"file": ("barricade.jpg", original, "image/jpeg")}
    saved = curator.submit(add, "mediaitem_form", fields, files=upload)
    assert saved.status_code == 302, saved.text[:3000]
    stored = keys(s3, bucket)
    originals = [name for name in stored if name.startswith("originals/")]
    assert len(originals) == 1, stored
    assert read(s3, bucket, originals[0]) == original  # in the bucket, as uploaded

    visitor = requests.Session()
    medium = "/media-files/barricade-a/medium.jpg"
    derivative = visitor.get(f"{second}{medium}", headers=HTTPS, timeout=20)
    assert derivative.status_code == 200, derivative.text[:500]
    assert derivative.headers["Content-Type"] == "image/jpeg"
    in_bucket = [name for name in stored if "/medium" in name and name.endswith(".jpg")]
    assert len(in_bucket) == 1, stored
    assert derivative.content == read(s3, bucket, in_bucket[0])  # made by A, served by B
    image = Image.open(io.BytesIO(derivative.content))
    assert image.format == "JPEG" and 0 < image.width < 1200
    on_first = requests.get(f"{first}{medium}", headers=HTTPS, timeout=20)
    assert on_first.content == derivative.content  # the same bytes through either server

    # The record edited on A: the visitor's page on B shows it.
    listing = curator.get(f"{first}/admin/archive/mediaitem/").text
    pk = re.search(r"/admin/archive/mediaitem/(\d+)/change/", listing).group(1)
    edit = f"{first}/admin/archive/mediaitem/{pk}/change/"
    new_title = {"title": "Barricade, edited on A", "_save": "Save"}
    edited = curator.submit(edit, "mediaitem_form", new_title)
    assert edited.status_code == 302, edited.text[:3000]
    public = visitor.get(f"{second}/media/barricade-a/", headers=HTTPS, timeout=20)
    assert public.status_code == 200
    assert "Barricade, edited on A" in public.text
