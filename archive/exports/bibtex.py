"""BibTeX entries from a record's description, by way of its CSL item (the entry type from the
source kind's `bibtex_type` when a curator set one)."""

import datetime
import re

from archive.description import Description

from . import csl
from .csl import year

SPECIAL = re.compile(r"([\\{}%&$#_~^])")
ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
CONTAINER_FIELD = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}
CSL_TO_BIBTEX = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "report": "techreport",
    "webpage": "online",
}


def escape(text: str) -> str:
    return SPECIAL.sub(lambda m: ESCAPES.get(m.group(1), "\\" + m.group(1)), str(text))


def _names(names: list[dict]) -> str:
    rendered = []
    for person in names:
        if "literal" in person:
            rendered.append("{" + escape(person["literal"]) + "}")
        else:
            rendered.append(f"{escape(person['family'])}, {escape(person['given'])}")
    return " and ".join(rendered)


def entry(description: Description, accessed: datetime.date) -> str:
    item = csl.item(description, accessed)
    entry_type = (description.is_work and description.bibtex_type) or CSL_TO_BIBTEX.get(
        item["type"], "misc"
    )
    key = re.sub(r"[^A-Za-z0-9_:-]", "", item["id"]) or "record"
    fields: list[tuple[str, str]] = []
    for variable in ("author", "editor", "translator"):
        if item.get(variable):
            fields.append((variable, _names(item[variable])))
    fields.append(("title", "{" + escape(item["title"]) + "}"))
    container = item.get("container-title")
    if container:
        fields.append((CONTAINER_FIELD.get(entry_type, "howpublished"), escape(container)))
    issued_year = year(item)
    if issued_year:
        fields.append(("year", escape(issued_year)))
        parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
        if len(parts) > 1:
            fields.append(("month", MONTHS[parts[1] - 1]))
        raw = (item.get("issued") or {}).get("raw")
        if raw:
            fields.append(("date", escape(raw)))
    simple = {
        "publisher": "publisher",
        "publisher-place": "address",
        "volume": "volume",
        "issue": "number",
        "page": "pages",
        "DOI": "doi",
        "ISBN": "isbn",
        "language": "language",
        "genre": "type",
        "archive": "organization",
        "archive_location": "note",
        "abstract": "abstract",
    }
    for variable, field in simple.items():
        if item.get(variable):
            fields.append((field, escape(item[variable])))
    if item.get("URL"):
        fields.append(("url", item["URL"].replace("}", "%7D").replace("{", "%7B")))
    if item.get("accessed"):
        fields.append(("urldate", csl.date_text(item, "accessed")))
    body = ",\n".join(f"  {field} = {{{value}}}" for field, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n"
