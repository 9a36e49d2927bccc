"""CSL-JSON items from a record's description: a work (a source) as the bibliographic item it
is, any other record as the archive's web page about it. BibTeX, RIS, COinS, the meta tags and
the formatted reference are written from these items."""

import datetime
import json
import re

from archive.dates import bounds
from archive.description import Agent, Description

SIMPLE_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)$")

# Neutral creator roles → CSL name variables (an interviewee or photographer is the author).
NAME_VARIABLES = {
    "author": "author",
    "creator": "author",
    "artist": "author",
    "editor": "editor",
    "translator": "translator",
    "interviewer": "interviewer",
    "interviewee": "author",
    "photographer": "author",
    "director": "director",
    "contributor": "contributor",
}


def name(agent: Agent) -> dict:
    """A person's name in parts when it splits, else literal (a group, a pseudonym)."""
    if agent.family and agent.given and not agent.is_organisation:
        return {"family": agent.family, "given": agent.given}
    return {"literal": agent.name}


def date_variable(edtf: str) -> dict | None:
    """An EDTF date as a CSL date: date-parts when simple, else its bounds and the raw form."""
    edtf = (edtf or "").strip()
    if not edtf:
        return None
    match = SIMPLE_DATE.match(edtf)
    if match:
        value: dict = {"date-parts": [[int(part) for part in match.groups()[:3] if part]]}
        if match.group(4):
            value["circa"] = True
        return value
    earliest, latest = bounds(edtf)
    value = {"raw": edtf}
    ends = [day for day in (earliest, latest) if day is not None]
    if ends:
        value["date-parts"] = [[day.year] for day in ends]
    return value


def day(value: datetime.date) -> dict:
    return {"date-parts": [[value.year, value.month, value.day]]}


def _names(description: Description) -> dict:
    names: dict = {}
    for agent in description.creators:
        names.setdefault(NAME_VARIABLES.get(agent.role, "author"), []).append(name(agent))
    return names


def work_item(description: Description) -> dict:
    """A work as itself. No author when its creators are unknown: never a placeholder."""
    item: dict = {"id": description.slug, "type": description.type, "title": description.title}
    item.update(_names(description))
    fields = {
        "container-title": description.container,
        "publisher": description.publisher,
        "publisher-place": description.publication_place,
        "volume": description.volume,
        "issue": description.issue,
        "page": description.pages,
        "URL": description.web_url,
        "DOI": description.identifier("doi"),
        "ISBN": description.identifier("isbn"),
        "language": description.language,
        "abstract": description.summary,
        "archive": description.archive,
        "archive_location": description.archive_location,
        "genre": description.genre,
    }
    item.update({key: value for key, value in fields.items() if value})
    issued = date_variable(description.date)
    if issued:
        item["issued"] = issued
    elif description.date_text:
        item["issued"] = {"literal": description.date_text}
    if description.accessed:
        item["accessed"] = day(description.accessed)
    return item


def page_item(description: Description, accessed: datetime.date) -> dict:
    """The archive's page about a record, as a web page: the site is its container, and not
    its publisher as well (styles print both: “The Archive, The Archive”)."""
    item = {
        "id": f"{description.kind}-{description.slug}",
        "type": "webpage",
        "title": description.title,
        "container-title": description.site_name,
        "genre": f"{description.kind_label} record",
        "URL": description.url,
        "accessed": day(accessed),
    }
    changed = description.modified_at or description.published_at
    if changed:
        item["issued"] = day(changed.date())
    return item


def item(description: Description, accessed: datetime.date) -> dict:
    """What a reference to the record describes: a work itself, else the archive's page."""
    return work_item(description) if description.is_work else page_item(description, accessed)


def dumps(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2)


def year(item: dict) -> str:
    issued = item.get("issued") or {}
    parts = issued.get("date-parts")
    if parts and parts[0]:
        return str(parts[0][0])
    return issued.get("literal", "")


def date_text(item: dict, key: str = "issued", separator: str = "-") -> str:
    """A CSL date's first date-parts as “1991-03-05” (or with another separator)."""
    parts = (item.get(key) or {}).get("date-parts")
    if not parts or not parts[0]:
        return ""
    return separator.join(f"{part:02d}" if i else str(part) for i, part in enumerate(parts[0]))
