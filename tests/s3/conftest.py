"""A real S3 server (moto's, in a thread of the test process, on a free loopback port) and a
fresh private bucket per test, made the default storage through the settings' own
`s3_media_storage`, as `MEDIA_STORAGE=s3` would make it."""

import logging
import uuid

import boto3
import pytest
from botocore import UNSIGNED
from botocore.config import Config
from moto.server import ThreadedMotoServer

from archive.settings import s3_media_storage
from tests.media.conftest import licence, make_item  # noqa: F401 (fixtures used here)

REGION = "eu-central-1"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="session")
def s3_endpoint():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint):
    """A client with the archive's own keys (the bucket's owner)."""
    return boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, **KEYS)


@pytest.fixture
def anonymous_s3(s3_endpoint):
    """A client that signs nothing: anyone on the internet."""
    return boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name=REGION,
        config=Config(signature_version=UNSIGNED),
    )  # fmt: skip


def s3_environment(endpoint: str, bucket: str) -> dict:
    return {
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
    }


def use_bucket(settings, endpoint: str, bucket: str) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_media_storage(s3_environment(endpoint, bucket)),
    }


@pytest.fixture
def new_bucket(s3, s3_endpoint):
    """Make an empty bucket, as an operator would (private: the default); returns its name."""

    def make() -> str:
        name = f"archive-{uuid.uuid4().hex[:16]}"
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        return name

    return make


@pytest.fixture
def bucket(settings, s3_endpoint, new_bucket) -> str:
    """A new bucket, the default storage for this test."""
    name = new_bucket()
    use_bucket(settings, s3_endpoint, name)
    return name


def keys(s3, bucket: str) -> set[str]:
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
    return {obj["Key"] for page in pages for obj in page.get("Contents", [])}


def read(s3, bucket: str, key: str) -> bytes:
    return s3.get_object(Bucket=bucket, Key=key)["Body"].read()
