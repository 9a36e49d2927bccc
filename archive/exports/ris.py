"""RIS records from a record's description, by way of its CSL item (the type from the source
kind's `ris_type` when a curator set one)."""

import datetime

from archive.description import Description

from . import csl
from .csl import year

CSL_TO_RIS = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "report": "RPRT",
    "webpage": "ELEC",
    "dataset": "DATA",
}


def _line(tag: str, value) -> str:
    return f"{tag}  - {' '.join(str(value).split())}"


def _date(item: dict, key: str) -> str:
    parts = (item.get(key) or {}).get("date-parts")
    if not parts or not parts[0]:
        return ""
    padded = [str(parts[0][0])] + [f"{part:02d}" for part in parts[0][1:]]
    padded += [""] * (3 - len(padded))
    return "/".join(padded) + "/"


def record(description: Description, accessed: datetime.date) -> str:
    item = csl.item(description, accessed)
    ris_type = (description.is_work and description.ris_type) or CSL_TO_RIS.get(item["type"], "GEN")
    lines = [_line("TY", ris_type)]
    # Editors are secondary authors (A2): ED is no editor tag in RIS (rispy reads it as unknown).
    for variable, tag in (("author", "AU"), ("editor", "A2"), ("translator", "A4")):
        for person in item.get(variable, []):
            text = person.get("literal") or f"{person['family']}, {person['given']}"
            lines.append(_line(tag, text))
    lines.append(_line("TI", item["title"]))
    simple = [
        ("container-title", "T2"),
        ("publisher", "PB"),
        ("publisher-place", "CY"),
        ("volume", "VL"),
        ("issue", "IS"),
        ("page", "SP"),
        ("URL", "UR"),
        ("DOI", "DO"),
        ("ISBN", "SN"),
        ("language", "LA"),
        ("abstract", "AB"),
        ("archive", "AN"),
        ("archive_location", "CN"),
        ("genre", "M3"),
    ]
    if year(item):
        lines.append(_line("PY", year(item)))
    if _date(item, "issued"):
        lines.append(_line("DA", _date(item, "issued")))
    for variable, tag in simple:
        if item.get(variable):
            lines.append(_line(tag, item[variable]))
    if _date(item, "accessed"):
        lines.append(_line("Y2", _date(item, "accessed")))
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"
