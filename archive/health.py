"""`/healthz`: can this server reach its database and its media storage?

200 `{"database": "ok", "storage": "ok"}` when both answer, else 503 with the part that failed
marked "unavailable". The reason goes to the log only: an error's text can name a host, a
user, a password or a path.
"""

import logging
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PROBE = b"healthz"


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure is "unavailable"; the log keeps the reason
        logger.exception("Health check: the database does not answer")
        return False


def storage_answers() -> bool:
    """Write, read back and delete a tiny file: a full disk or a lost bucket fails here."""
    name = None
    try:
        name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(PROBE))
        with default_storage.open(name, "rb") as probe:
            return probe.read() == PROBE
    except Exception:  # as above
        logger.exception("Health check: the media storage does not answer")
        return False
    finally:
        if name is not None:
            try:
                default_storage.delete(name)
            except Exception:
                logger.exception("Health check: could not delete its probe file")


@require_safe
@never_cache
def healthz(request):
    checks = {
        "database": "ok" if database_answers() else "unavailable",
        "storage": "ok" if storage_answers() else "unavailable",
    }
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
