"""A database that is down: visitors get a 503 page in the site's look with Retry-After, JSON
clients get JSON, nobody sees the error (it can name a host, a user or a password)."""

import json
import subprocess
import sys

import pytest
from django.db import InterfaceError, OperationalError, ProgrammingError
from django.test import Client, RequestFactory, override_settings
from django.urls import path

import archive.urls
from archive.middleware import server_error
from tests.production.serving import REPO, production_env

SECRET = 'connection to server at "db.internal" (10.0.0.5), port 5432 failed: password=hunter2'


def database_down(request):
    raise OperationalError(SECRET)


def connection_lost(request):
    raise InterfaceError(SECRET)


def broken_query(request):
    raise ProgrammingError("relation does not exist")


urlpatterns = [
    path("down/", database_down),
    path("api/down/", database_down),
    path("lost/", connection_lost),
    path("bug/", broken_query),
    *archive.urls.urlpatterns,  # the site's own, for the page's links
]
handler500 = archive.urls.handler500


@pytest.fixture
def client():
    with override_settings(ROOT_URLCONF=__name__):
        yield Client(raise_request_exception=False)


def assert_no_secret(response):
    body = response.content.decode()
    for fragment in ("hunter2", "db.internal", "10.0.0.5", "5432"):
        assert fragment not in body


def test_it_shows_visitors_a_503_page_with_retry_after(client):
    response = client.get("/down/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "briefly unavailable" in body
    assert 'class="site-header"' in body  # the site's look
    assert_no_secret(response)


@pytest.mark.parametrize(
    ("url", "accept"),
    [
        ("/down/?format=json", "*/*"),
        ("/down/", "application/json"),
        ("/api/down/", "*/*"),
        ("/lost/?format=json", "*/*"),
    ],
)
def test_it_answers_json_clients_in_json(client, url, accept):
    response = client.get(url, HTTP_ACCEPT=accept)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json()["error"] == "unavailable"
    assert_no_secret(response)


def test_it_leaves_other_database_errors_a_500(client):
    assert client.get("/bug/").status_code == 500


def test_it_turns_a_database_error_outside_a_view_into_a_503_too():
    request = RequestFactory().get("/", HTTP_ACCEPT="application/json")
    try:
        raise OperationalError(SECRET)  # as in a middleware saving the session
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert json.loads(response.content)["error"] == "unavailable"
    request = RequestFactory().get("/")
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500


# A database that is really down: the settings point at a port where nothing listens (the
# shared PostgreSQL is never touched), in a process of its own, with the static files
# collected as scripts/serve does.
DOWN = """
import json, django
from django.test import Client
django.setup()
client = Client(raise_request_exception=False)
answers = {}
for name, url, accept in [
    ("home", "/", "text/html"),
    ("search_json", "/search/?q=baku&format=json", "*/*"),
    ("accept_json", "/search/?q=baku", "application/json"),
    ("healthz", "/healthz", "*/*"),
]:
    response = client.get(url, HTTP_ACCEPT=accept)
    answers[name] = {
        "status": response.status_code,
        "type": response["Content-Type"],
        "retry_after": response.get("Retry-After"),
        "body": response.content.decode(),
    }
print(json.dumps(answers))
"""


@pytest.fixture(scope="module")
def answers_with_the_database_down(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("down")
    env = production_env(
        tmp_path,
        DATABASE_URL="postgres://archive:hunter2@127.0.0.1:1/archive_h5_down",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        DJANGO_SETTINGS_MODULE="archive.settings",
    )
    collect = [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
    subprocess.run(collect, cwd=REPO, env=env, check=True, timeout=120)
    result = subprocess.run(
        [sys.executable, "-c", DOWN],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_it_serves_the_503_page_when_the_database_is_really_down(answers_with_the_database_down):
    home = answers_with_the_database_down["home"]
    assert (home["status"], home["retry_after"]) == (503, "30")
    assert home["type"].startswith("text/html")
    assert "briefly unavailable" in home["body"]


@pytest.mark.parametrize("name", ["search_json", "accept_json"])
def test_it_answers_search_in_json_when_the_database_is_really_down(
    answers_with_the_database_down, name
):
    answer = answers_with_the_database_down[name]
    assert (answer["status"], answer["retry_after"]) == (503, "30")
    assert answer["type"] == "application/json"
    assert json.loads(answer["body"])["error"] == "unavailable"


def test_it_says_which_part_is_down_without_revealing_secrets(answers_with_the_database_down):
    health = answers_with_the_database_down["healthz"]
    assert health["status"] == 503
    assert json.loads(health["body"]) == {"database": "unavailable", "storage": "ok"}
    for answer in answers_with_the_database_down.values():
        for fragment in ("hunter2", "archive_h5_down", "127.0.0.1", "Traceback"):
            assert fragment not in answer["body"]
