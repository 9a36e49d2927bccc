"""The address django-axes counts failed logins by (settings.AXES_CLIENT_IP_CALLABLE).

Behind the documented reverse proxy every request comes from the proxy's address, which would
make the lockout one per username for everybody. With TRUST_X_FORWARDED_FOR on, the address is
the last X-Forwarded-For entry: the one the proxy itself appended (earlier entries are whatever
the client sent, so they are never believed). Without a proxy the header is ignored.
"""

from django.conf import settings


def client_address(request) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")
