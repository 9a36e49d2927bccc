"""What every API response carries: an ETag with conditional GET (304), and CORS for reading
from any origin (the API is read-only and public, so `*` and GET only)."""

from functools import wraps

from django.middleware.http import ConditionalGetMiddleware

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Expose-Headers": "ETag, Retry-After",
}


def public(view):
    """Wrap an API view: render it, tag it (ETag, If-None-Match → 304), open it to CORS."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        def respond(request):
            response = view(request, *args, **kwargs)
            if callable(getattr(response, "render", None)):
                response = response.render()
            return response

        response = ConditionalGetMiddleware(respond)(request)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response

    return wrapped
