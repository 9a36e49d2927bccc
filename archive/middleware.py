"""A database that is down answers 503 with Retry-After, not 500.

Visitors get the site's look (templates/503.html, rendered without the database); JSON
clients (`?format=json`, `Accept: application/json`, `/api/`) get JSON. Neither shows the
error: its text can hold a host, a user or a password.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from archive.i18n import site_name

logger = logging.getLogger(__name__)

# Raised by every backend when it cannot connect, loses the connection or times out (and by
# SQLite when the file is locked or cannot be opened): all of them pass by themselves.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def wants_json(request: HttpRequest) -> bool:
    if request.GET.get("format") == "json" or request.path.startswith("/api/"):
        return True
    # A browser's (or curl's) */* prefers the page; an API client asking for JSON gets it.
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def unavailable_response(request: HttpRequest) -> HttpResponse:
    if wants_json(request):
        response = JsonResponse(
            {"error": "unavailable", "detail": "The archive is briefly unavailable; retry."},
            status=503,
        )
    else:
        # request=None: no context processor runs, so nothing touches the database.
        response = render(None, "503.html", {"SITE_NAME": site_name()}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a database that cannot be reached, met in a view or its template, into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None  # a real bug: the 500 page, and the error reported as usual
        logger.error("Database unavailable: %s %s", request.method, request.path, exc_info=True)
        return unavailable_response(request)


def server_error(request):
    """handler500: a database that is down met outside a view (a middleware saving the
    session) is a 503 too; anything else is the friendly 500 page."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return unavailable_response(request)
    from archive.views import server_error as friendly_500  # the views need the app registry

    return friendly_500(request)
