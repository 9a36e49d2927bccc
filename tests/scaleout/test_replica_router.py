"""DATABASE_REPLICA_URL: visitors' reads go to the replica; writes, curators, the admin, reads
in a transaction and reads after a write in the same request go to the primary.

The "replica" here is a second connection to the test database (what Django's test MIRROR
makes of it), so the tests are transactional: each connection sees what the other committed.
"""

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from archive import db_routers
from archive.db_routers import PRIMARY, REPLICA, ReplicaRouter
from archive.models import Place
from tests import factories

needs_replica = pytest.mark.django_db(transaction=True, databases=[PRIMARY, REPLICA])


@pytest.fixture
def replica(settings):
    """The router installed, as the settings do when DATABASE_REPLICA_URL is set (the alias
    comes from conftest.py)."""
    settings.DATABASE_ROUTERS = ["archive.db_routers.ReplicaRouter"]
    return connections[REPLICA]


def captured(alias):
    return CaptureQueriesContext(connections[alias])


def record_queries(queries):
    """Queries of records' tables (not sessions, not the search's settings)."""
    return [q["sql"] for q in queries if "archive_place" in q["sql"]]


@needs_replica
def test_a_visitors_page_reads_the_replica_only(replica, client):
    place = factories.place(name="Read from the replica")
    with captured(PRIMARY) as primary, captured(REPLICA) as secondary:
        response = client.get(place.get_absolute_url())
    assert response.status_code == 200
    assert "Read from the replica" in response.text
    assert record_queries(secondary)
    assert not record_queries(primary)


@needs_replica
def test_a_signed_in_curators_page_reads_the_primary(replica, client, django_user_model):
    place = factories.place()
    curator = django_user_model.objects.create_user("curator", is_staff=True)
    client.force_login(curator)
    with captured(PRIMARY) as primary, captured(REPLICA) as secondary:
        assert client.get(place.get_absolute_url()).status_code == 200
    assert record_queries(primary)
    assert not secondary.captured_queries


@needs_replica
def test_the_admin_and_posts_never_touch_the_replica(replica, client):
    with captured(REPLICA) as secondary:
        client.get("/admin/login/")
        client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert not secondary.captured_queries


def run_in_visitor_request(reads):
    """What the middleware does for a visitor's GET, around `reads`."""
    middleware = db_routers.ReplicaReadsMiddleware(lambda request: reads())

    class Request:
        method = "GET"
        path = "/places/"
        COOKIES = {}

    return middleware(Request())


@needs_replica
def test_reads_after_a_write_in_the_same_request_go_to_the_primary(replica):
    router = ReplicaRouter()

    def reads():
        before = router.db_for_read(Place)
        factories.place()  # a write
        after = router.db_for_read(Place)
        return before, after

    assert run_in_visitor_request(reads) == (REPLICA, PRIMARY)


@needs_replica
def test_reads_inside_a_transaction_go_to_the_primary(replica):
    router = ReplicaRouter()

    def reads():
        with transaction.atomic():
            inside = router.db_for_read(Place)
        return inside, router.db_for_read(Place)

    assert run_in_visitor_request(reads) == (PRIMARY, REPLICA)


@needs_replica
def test_outside_a_request_everything_uses_the_primary(replica):
    assert ReplicaRouter().db_for_read(Place) == PRIMARY
    factories.place(slug="written-outside")
    assert Place.objects.get(slug="written-outside")._state.db == PRIMARY


def test_the_replica_is_never_migrated():
    router = ReplicaRouter()
    assert router.allow_migrate(PRIMARY, "archive") is not False
    assert router.allow_migrate(REPLICA, "archive") is False


@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("GET", "/places/", {}, True),
        ("HEAD", "/search/?q=x", {}, True),
        ("POST", "/places/", {}, False),
        ("GET", "/places/", {"sessionid": "x"}, False),
        ("GET", "/admin/", {}, False),
        ("GET", "/healthz", {}, False),
    ],
)
def test_which_requests_may_read_the_replica(method, path, cookies, expected):
    class Request:
        pass

    request = Request()
    request.method, request.path, request.COOKIES = method, path, cookies
    assert db_routers.request_may_read_replica(request) is expected
