"""The one production command, scripts/serve (`make serve`): it refuses to start on missing
settings, `check --deploy` is clean with README's documented settings, and it really serves
pages and static files through gunicorn."""

import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.production.serving import REPO, free_port, production_env

SERVE = str(REPO / "scripts" / "serve")


def run(args, env, timeout=120):
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def deploy_check(env):
    return run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)


def test_it_passes_the_deployment_check_with_the_documented_settings(tmp_path):
    result = deploy_check(production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_passes_the_deployment_check_before_migrating_and_with_the_database_down(tmp_path):
    # A server must be able to start (and answer 503) while the database is away.
    for database in ("", "postgres://archive@127.0.0.1:1/archive_h5_down?connect_timeout=2"):
        env = production_env(tmp_path, **({"DATABASE_URL": database} if database else {}))
        result = deploy_check(env)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("overrides", "warning"),
    [
        ({"SECURE_HSTS_SECONDS": None}, "security.W004"),
        ({"SECURE_SSL_REDIRECT": "false"}, "security.W008"),
        ({"SESSION_COOKIE_SECURE": "false"}, "security.W012"),
        ({"CSRF_COOKIE_SECURE": "false"}, "security.W016"),
        ({"SECURE_HSTS_PRELOAD": "false"}, "security.W021"),
        ({"SECRET_KEY": "short"}, "security.W009"),
    ],
)
def test_it_fails_the_deployment_check_without_each_security_setting(tmp_path, overrides, warning):
    result = deploy_check(production_env(tmp_path, **overrides))
    assert result.returncode != 0
    assert warning in result.stderr


def test_it_accepts_a_warning_silenced_on_purpose(tmp_path):
    env = production_env(
        tmp_path, SECURE_HSTS_PRELOAD="false", SILENCED_SYSTEM_CHECKS="security.W021"
    )
    assert deploy_check(env).returncode == 0


@pytest.mark.parametrize("variable", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_it_refuses_to_start_without_a_required_setting(tmp_path, variable):
    result = run([SERVE], production_env(tmp_path, **{variable: None}), timeout=30)
    assert result.returncode != 0
    assert f"{variable} is not set" in result.stderr
    assert "README.md" in result.stderr
    assert not (tmp_path / "static").exists()  # refused before doing anything


def test_it_refuses_to_start_when_the_deployment_check_fails(tmp_path):
    result = run([SERVE], production_env(tmp_path, SECURE_HSTS_SECONDS=None), timeout=60)
    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "deployment check" in result.stderr


def test_it_refuses_to_skip_collectstatic_when_nothing_is_collected(tmp_path):
    result = run([SERVE], production_env(tmp_path, COLLECTSTATIC="0"), timeout=60)
    assert result.returncode != 0
    assert "collectstatic" in result.stderr


# What nginx adds to a request that came over TLS (SECURE_PROXY_SSL_HEADER=true).
HTTPS = {"X-Forwarded-Proto": "https"}


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "archive.example.org", **headers})
    opener = urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # show the redirect itself


@pytest.fixture
def served(tmp_path):
    """scripts/serve started for real (migrating a new SQLite database), on a free port."""
    port = free_port()
    env = production_env(tmp_path, MIGRATE="1", BIND=f"127.0.0.1:{port}")
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen([SERVE], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, f"serve exited: {log.seek(0) or log.read()}"
            assert time.monotonic() < deadline, "serve did not answer within 120 s"
            try:
                if fetch(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        yield base, server, log
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=40)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()


def test_it_serves_pages_and_static_files_behind_a_tls_proxy(served):
    base, server, log = served
    status, headers, body = fetch(f"{base}/", **HTTPS)
    assert status == 200
    assert headers["Server"].startswith("gunicorn")
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    stylesheet = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "the page links no hashed stylesheet"

    status, headers, css = fetch(base + stylesheet.group(1).decode(), **HTTPS)
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "immutable" in headers["Cache-Control"]  # whitenoise, hashed name
    assert css == (REPO / "static" / "css" / "site.css").read_bytes()

    # Plain HTTP is sent to HTTPS; the health check is not (a load balancer probes it).
    status, headers, _ = fetch(f"{base}/")
    assert status == 301
    assert headers["Location"] == "https://archive.example.org/"
    status, _, body = fetch(f"{base}/healthz")
    assert (status, body) == (200, b'{"database": "ok", "storage": "ok"}')

    # A host not in ALLOWED_HOSTS is refused.
    assert fetch(f"{base}/", Host="evil.example", **HTTPS)[0] == 400

    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=40) == 0
    log.seek(0)
    access_log = log.read()
    assert '"GET / HTTP/1.1" 200' in access_log  # the access log goes to stdout
