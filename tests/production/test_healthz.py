"""/healthz: the database and the media storage, each "ok" or "unavailable", nothing more."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.test import override_settings

pytestmark = pytest.mark.django_db


class FullDiskStorage(FileSystemStorage):
    def _save(self, name, content):
        raise OSError(28, "No space left on device", "/srv/secret-mount/media/healthz")


class ForgetfulStorage(FileSystemStorage):
    """Saves, but reads back something else (a bucket that lost the write)."""

    def _open(self, name, mode="rb"):
        file = super()._open(name, mode)
        file.file.read = lambda *args: b"other bytes"
        return file


def storage(backend: type) -> dict:
    return {
        "default": {"BACKEND": f"{__name__}.{backend.__name__}"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def test_it_answers_ok_when_the_database_and_the_storage_answer(
    client, settings, django_assert_num_queries
):
    with django_assert_num_queries(1):  # SELECT 1, whatever the archive holds
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not list((settings.MEDIA_ROOT / "healthz").iterdir())  # its probe deleted


@pytest.mark.parametrize("backend", [FullDiskStorage, ForgetfulStorage])
def test_it_says_the_storage_is_unavailable_without_saying_why(client, settings, backend):
    with override_settings(STORAGES=storage(backend)):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "storage": "unavailable"}
    body = response.content.decode()
    assert "secret-mount" not in body
    assert "space" not in body
    leftovers = settings.MEDIA_ROOT / "healthz"
    assert not leftovers.exists() or not list(leftovers.iterdir())


def test_it_answers_over_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_it_only_reads(client):
    assert client.post("/healthz").status_code == 405
    assert client.get("/healthz?database=x&format=xml").status_code == 200
