"""`MEDIA_STORAGE=s3` (or a bucket named) puts media in a private bucket; a wrong or
incomplete setting refuses to start, saying what to set."""

import runpy
from pathlib import Path

import pytest

import archive

SETTINGS = Path(archive.__file__).with_name("settings.py")
MEDIA_VARIABLES = (
    "MEDIA_STORAGE", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME",
    "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "MEDIA_ACCEL_REDIRECT", "AWS_LOCATION",
)  # fmt: skip


def settings_with(monkeypatch, **env) -> dict:
    """The settings module as a server started with `env` would read it (a fresh copy)."""
    for name in MEDIA_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_with_nothing_set_media_stay_on_the_filesystem(monkeypatch):
    loaded = settings_with(monkeypatch)
    assert loaded["MEDIA_STORAGE"] == "filesystem"
    assert loaded["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")


@pytest.mark.parametrize("switch", [{"MEDIA_STORAGE": "s3"}, {}])
def test_a_bucket_makes_a_private_s3_storage(monkeypatch, switch):
    loaded = settings_with(
        monkeypatch, **switch, AWS_STORAGE_BUCKET_NAME="museum-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org", AWS_S3_REGION_NAME="eu-central-1",
        AWS_ACCESS_KEY_ID="id", AWS_SECRET_ACCESS_KEY="secret",
    )  # fmt: skip
    storage = loaded["STORAGES"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "museum-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["region_name"] == "eu-central-1"
    assert (options["access_key"], options["secret_key"]) == ("id", "secret")
    assert options["default_acl"] is None  # never public-read
    assert options["querystring_auth"] is True and options["querystring_expire"] <= 300
    assert options["file_overwrite"] is False and options["gzip"] is False
    assert (
        loaded["STORAGES"]["staticfiles"] == settings_with(monkeypatch)["STORAGES"]["staticfiles"]
    )  # static files are not moved


def test_without_keys_boto3s_own_chain_is_used(monkeypatch):
    options = settings_with(monkeypatch, AWS_STORAGE_BUCKET_NAME="museum-media")["STORAGES"][
        "default"
    ]["OPTIONS"]
    assert "access_key" not in options and "secret_key" not in options


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "needs AWS_STORAGE_BUCKET_NAME"),
        ({"MEDIA_STORAGE": "ftp"}, "must be filesystem or s3, not 'ftp'"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "museum-media", "MEDIA_ACCEL_REDIRECT": "/protected/"},
            "MEDIA_ACCEL_REDIRECT",
        ),
    ],
)
def test_an_impossible_media_setting_refuses_to_start(monkeypatch, env, message):
    with pytest.raises(RuntimeError, match=message):
        settings_with(monkeypatch, **env)
