"""Stateless resumption tokens: the request and a keyset position, signed with Django's
signing (so any app server, after any restart, reads them) and time-stamped (so they expire
after `OAI_TOKEN_LIFETIME` seconds). Nothing is stored on the server."""

import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

SALT = "archive.oai.resumption"


class BadToken(Exception):
    pass


def dump(state: dict) -> str:
    return signing.dumps(state, salt=SALT, compress=True)


def load(token: str) -> dict:
    try:
        state = signing.loads(token, salt=SALT, max_age=settings.OAI_TOKEN_LIFETIME)
    except signing.SignatureExpired as error:
        raise BadToken("The resumptionToken has expired; start the list again.") from error
    except signing.BadSignature as error:
        raise BadToken("The resumptionToken is not one this repository issued.") from error
    if not isinstance(state, dict):
        raise BadToken("The resumptionToken is not one this repository issued.")
    return state


def expiration() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.OAI_TOKEN_LIFETIME)
