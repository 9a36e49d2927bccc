"""A record's description as a formatted reference, in a plain author–title–container–date
style, by way of its CSL item, in the page's language: its words and dates are the visitor's
(“20 yanvar 1990”, “по состоянию на 1 мая 2025”), the record's own names and titles as they are."""

import datetime

from django.utils.translation import gettext, pgettext

from archive.dates.words import single_words
from archive.description import Description

from . import csl
from .csl import year


def _names(names: list[dict]) -> str:
    rendered = [
        person.get("literal") or f"{person['family']}, {person['given']}" for person in names
    ]
    if len(rendered) > 1:
        return gettext("%(some)s and %(last)s") % {
            "some": ", ".join(rendered[:-1]),
            "last": rendered[-1],
        }
    return rendered[0] if rendered else ""


def _day(item: dict, key: str) -> str:
    parts = (item.get(key) or {}).get("date-parts")
    if not parts or len(parts[0]) < 3:
        return year(item) if key == "issued" else ""
    y, m, d = parts[0]
    return single_words(f"{y:04d}-{m:02d}-{d:02d}")


def formatted(description: Description, accessed: datetime.date) -> str:
    """“Author. ‘Title.’ Container 3 (2), 1990, pp. Publisher. URL (accessed 1 May 2025).”

    A source is cited as itself, any other record as the archive's page about it."""
    item = csl.item(description, accessed)
    pieces = []
    authors = _names(item.get("author", []))
    if authors:
        pieces.append(authors.rstrip(".") + ".")
    title = item["title"].rstrip(".")
    pieces.append(f"“{title}.”")
    container = item.get("container-title", "")
    volume = item.get("volume", "")
    if item.get("issue"):
        volume = (
            f"{volume} ({item['issue']})"
            if volume
            else pgettext("an issue of a periodical", "no. %(issue)s") % {"issue": item["issue"]}
        )
    where = ", ".join(filter(None, [container, volume, _day(item, "issued")]))
    if item.get("page"):
        where = f"{where}: {item['page']}" if where else item["page"]
    if where:
        pieces.append(where + ".")
    publisher = item.get("publisher", "")
    if publisher and publisher != container:
        place = item.get("publisher-place", "")
        pieces.append(f"{place}: {publisher}." if place else f"{publisher}.")
    if item.get("archive"):
        location = ", ".join(filter(None, [item["archive"], item.get("archive_location", "")]))
        pieces.append(location + ".")
    if item.get("DOI"):
        pieces.append(f"https://doi.org/{item['DOI']}.")
    elif item.get("URL"):
        accessed = _day(item, "accessed")
        if accessed:
            accessed = gettext("accessed %(date)s") % {"date": accessed}
            pieces.append(f"{item['URL']} ({accessed}).")
        else:
            pieces.append(f"{item['URL']}.")
    return " ".join(pieces)
