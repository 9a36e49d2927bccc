"""OAI identifiers and datestamps.

An identifier is ``oai:<repository id>:<kind key>:<slug>``. The repository id is the setting
`OAI_REPOSITORY_ID`, else the request's host (without a port: the oai-identifier scheme wants a
domain name). Kind keys and slugs hold no colon, so an identifier splits from the right.
"""

import datetime

from django.conf import settings

SECOND = "YYYY-MM-DDThh:mm:ssZ"
DAY = "YYYY-MM-DD"


def repository_id(request) -> str:
    if settings.OAI_REPOSITORY_ID:
        return settings.OAI_REPOSITORY_ID
    if not hasattr(request, "_oai_repository_id"):  # asked once per header: read the host once
        request._oai_repository_id = request.get_host().rsplit(":", 1)[0].strip("[]")
    return request._oai_repository_id


def make(request, kind_key: str, slug: str) -> str:
    return f"oai:{repository_id(request)}:{kind_key}:{slug}"


def parse(request, identifier: str) -> tuple[str, str] | None:
    """(kind key, slug) of one of this repository's identifiers, or None."""
    prefix = f"oai:{repository_id(request)}:"
    if not identifier.startswith(prefix):
        return None
    kind_key, _, slug = identifier[len(prefix) :].partition(":")
    if not kind_key or not slug or ":" in slug:
        return None
    return kind_key, slug


def datestamp(moment: datetime.datetime) -> str:
    """UTC, to the second: the repository's granularity."""
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_bound(value: str) -> tuple[datetime.datetime, str] | None:
    """A `from`/`until` argument as (aware UTC datetime, granularity), or None if it is neither
    a day nor a second in UTC (a finer or zoned value is refused too)."""
    try:
        if len(value) == 10:
            day = datetime.date.fromisoformat(value)
            return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC), DAY
        if len(value) == 20 and value[10] == "T" and value.endswith("Z"):
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
            return moment.replace(tzinfo=datetime.UTC), SECOND
    except ValueError:
        return None
    return None
