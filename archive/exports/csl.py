"""CSL-JSON items: a source as the bibliographic item it is, any other record as a web page of
the archive. The other formats are written from these items."""

import datetime
import json
import re

from django.conf import settings

from archive.dates import bounds

SIMPLE_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)$")

# SourceCreator roles → CSL name variables (an interviewee or photographer is the author).
NAME_VARIABLES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "interviewer": "interviewer",
    "interviewee": "author",
    "photographer": "author",
    "director": "director",
    "contributor": "contributor",
}


def name(text: str) -> dict:
    """“Family, Given” → family and given; anything else stays a literal name."""
    family, comma, given = text.partition(",")
    if comma and family.strip() and given.strip():
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": text.strip()}


def date_variable(edtf: str) -> dict | None:
    """An EDTF date as a CSL date: date-parts when simple, else its bounds and the raw form."""
    edtf = (edtf or "").strip()
    if not edtf:
        return None
    match = SIMPLE_DATE.match(edtf)
    if match:
        parts = [int(part) for part in match.groups()[:3] if part]
        value = {"date-parts": [parts]}
        if match.group(4):
            value["circa"] = True
        return value
    earliest, latest = bounds(edtf)
    value: dict = {"raw": edtf}
    ends = [day for day in (earliest, latest) if day is not None]
    if ends:
        value["date-parts"] = [[day.year] for day in ends]
    return value


def _day(day: datetime.date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def source_item(source) -> dict:
    """A source as CSL-JSON. Creators must be prefetched (or cost one query)."""
    item: dict = {"id": source.slug, "type": source.kind.csl_type, "title": source.title}
    creators = list(source.creators.all())
    if creators:
        for creator in creators:
            variable = NAME_VARIABLES.get(creator.role, "author")
            item.setdefault(variable, []).append(name(creator.name))
    elif source.creators_text:
        item["author"] = [{"literal": source.creators_text}]
    fields = {
        "container-title": source.container_title,
        "publisher": source.publisher,
        "publisher-place": source.publication_place,
        "volume": source.volume,
        "issue": source.issue,
        "page": source.pages,
        "URL": source.url,
        "DOI": source.doi,
        "ISBN": source.isbn,
        "language": source.language,
        "abstract": source.abstract,
        "archive": source.repository,
        "archive_location": source.call_number,
        "genre": source.kind.name if source.kind.is_opinion else "",
    }
    item.update({key: value for key, value in fields.items() if value})
    issued = date_variable(source.date)
    if issued:
        item["issued"] = issued
    elif source.date_text:
        item["issued"] = {"literal": source.date_text}
    if source.accessed:
        item["accessed"] = _day(source.accessed)
    return item


def page_item(record, url: str, accessed: datetime.date, *, kind_label: str = "") -> dict:
    """The archive's page about a record, as a web page to cite (permalink, access date)."""
    item = {
        "id": f"{record._meta.model_name}-{record.slug}",
        "type": "webpage",
        "title": str(record),
        "container-title": settings.SITE_NAME,
        "publisher": settings.SITE_NAME,
        "URL": url,
        "accessed": _day(accessed),
    }
    if kind_label:
        item["genre"] = f"{kind_label} record"
    changed = record.updated_at or record.published_at
    if changed:
        item["issued"] = _day(changed.date())
    return item


def dumps(items: list[dict]) -> str:
    return json.dumps(items, ensure_ascii=False, indent=2)


def year(item: dict) -> str:
    issued = item.get("issued") or {}
    parts = issued.get("date-parts")
    if parts and parts[0]:
        return str(parts[0][0])
    return issued.get("literal", "")
