"""The import preview as a curator reads it: counts first, rows with errors and then changed
rows first, the columns that changed first, and long cells cut short with the full text a
click away (`<details>`, no script)."""

from dataclasses import dataclass, field
from html import unescape

from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator

# A cell longer than this is shown cut short (a biography, a transcript), whole on demand.
SHORT_CELL = 80
# Errors first, then what changes, then what is new, then what stays as it is.
ORDER = {"invalid": 0, "error": 0, "update": 1, "new": 2, "skip": 3}


@dataclass
class Cell:
    html: SafeString
    summary: str = ""  # the cell cut short, when it is long
    changed: bool = False


@dataclass
class Row:
    number: int
    import_type: str
    cells: list[Cell]
    changed_fields: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Preview:
    headers: list[str]
    rows: list[Row]
    new: int
    changed: int
    unchanged: int
    errors: int


def cell(value, changed: bool = False) -> Cell:
    html = conditional_escape("" if value is None else value)  # a diff is safe HTML already
    text = unescape(strip_tags(html)).replace("¶", " ").strip()
    summary = Truncator(text).chars(SHORT_CELL) if len(text) > SHORT_CELL else ""
    return Cell(html=html, summary=summary, changed=changed)


def build(result) -> Preview:
    """The preview of an import-export `Result`."""
    headers = list(result.diff_headers)
    valid = result.valid_rows()
    changed_anywhere = {name for row in valid for name in getattr(row, "changed_fields", [])}
    order = sorted(range(len(headers)), key=lambda i: headers[i] not in changed_anywhere)

    def cells(values, changed=()):
        values = list(values or ()) + [""] * (len(headers) - len(values or ()))
        return [cell(values[i], headers[i] in changed) for i in order]

    rows = [
        Row(
            number=row.number + 1,
            import_type="invalid",
            cells=cells(row.values),
            errors=[
                f"{name}: {message}" if name != "__all__" else message
                for name, messages in row.error_dict.items()
                for message in messages
            ],
        )
        for row in result.invalid_rows
    ]
    for row in valid:
        changed = list(getattr(row, "changed_fields", []))
        rows.append(
            Row(
                number=(getattr(row, "number", None) or 0) + 1,
                import_type=row.import_type,
                cells=cells(row.diff, changed if row.import_type == "update" else ()),
                changed_fields=changed,
                notes=list(getattr(row, "notes", [])),
                readings=list(getattr(row, "readings", [])),
            )
        )
    rows.sort(key=lambda row: (ORDER.get(row.import_type, 4), row.number))
    totals = result.totals
    return Preview(
        headers=[headers[i] for i in order],
        rows=rows,
        new=totals["new"],
        changed=totals["update"],
        unchanged=totals["skip"],
        errors=totals["invalid"] + totals["error"],
    )
