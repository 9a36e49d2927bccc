"""Read traffic to a PostgreSQL replica (`DATABASE_REPLICA_URL`), everything else to the primary.

Only a request that cannot have written and whose reader must not see their own writes goes
to the replica: a GET or HEAD without a session cookie (no signed-in curator), outside the
admin. In such a request every read goes to the replica until something asks for a write or
a transaction is open on the primary; from then on the request reads the primary too, so it
sees what it wrote. Outside a request (management commands, the shell, workers) nothing is
marked, and everything uses the primary. A replica lags its primary by a moment: visitors may
see an edit that much later; curators see it at once.
"""

from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import connections

PRIMARY = "default"
REPLICA = "replica"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PRIMARY_PATHS = ("/admin/", "/healthz")


@dataclass
class ReadState:
    may_use_replica: bool


_request_reads: ContextVar[ReadState | None] = ContextVar("request_reads", default=None)


def request_may_read_replica(request) -> bool:
    """A visitor's read-only request: safe method, nobody signed in, not the admin."""
    return (
        request.method in SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(PRIMARY_PATHS)
    )


class ReplicaRouter:
    """settings.DATABASE_ROUTERS when a replica is configured."""

    def db_for_read(self, model, **hints):
        state = _request_reads.get()
        if state is None or not state.may_use_replica:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            # Reads inside a transaction belong with its writes.
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        state = _request_reads.get()
        if state is not None:
            state.may_use_replica = False  # read-your-writes for the rest of the request
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the primary's rows: an object read from either may link to one
        # read from the other.
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA, None}

    def allow_migrate(self, db, app_label, **hints):
        # The replica copies the primary's schema through replication, never by migrating.
        return db != REPLICA


class ReplicaReadsMiddleware:
    """Marks a visitor's read-only request as one whose reads may go to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_reads.set(ReadState(request_may_read_replica(request)))
        try:
            return self.get_response(request)
        finally:
            _request_reads.reset(token)
