"""How several values share one spreadsheet cell.

A cell holds a list of values separated by ``;``; a value made of parts (a name variant's name,
language, script and kind) separates its parts with ``|``. A literal ``;``, ``|`` or ``\\`` inside a
value is written ``\\;``, ``\\|`` or ``\\\\``. Trailing empty parts may be left out. Examples::

    Heydər Əliyev|az|Latn|native; Гейдар Алиев|ru|Cyrl|transliteration
    wikidata:Q151580; viaf:52482096
"""

from django.utils.translation import gettext_lazy

VALUE_SEPARATOR = ";"
PART_SEPARATOR = "|"
ESCAPE = "\\"

HELP = gettext_lazy(
    "Several values in one cell are separated by “;”, the parts of one value by “|” "
    "(a name variant is name|language|script|kind: “Heydər Əliyev|az|Latn|native”); "
    "identifiers are scheme:value (“wikidata:Q151580”); write a literal ; or | as \\; or \\|."
)


def _escape(text: str) -> str:
    return (
        text.replace(ESCAPE, ESCAPE * 2)
        .replace(VALUE_SEPARATOR, ESCAPE + VALUE_SEPARATOR)
        .replace(PART_SEPARATOR, ESCAPE + PART_SEPARATOR)
    )


def join(values: list[tuple[str, ...]]) -> str:
    """Write values (each a tuple of parts) into one cell."""
    cells = []
    for parts in values:
        parts = [str(part or "") for part in parts]
        while len(parts) > 1 and not parts[-1]:
            parts.pop()
        cells.append(PART_SEPARATOR.join(_escape(part) for part in parts))
    return f"{VALUE_SEPARATOR} ".join(cells)


def split(cell) -> list[list[str]]:
    """Read one cell into values, each a list of stripped parts; empty values are dropped."""
    text = "" if cell is None else str(cell)
    values, parts, current, escaped = [], [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == ESCAPE:
            escaped = True
        elif char == PART_SEPARATOR:
            parts.append("".join(current).strip())
            current = []
        elif char == VALUE_SEPARATOR:
            parts.append("".join(current).strip())
            values.append(parts)
            parts, current = [], []
        else:
            current.append(char)
    if escaped:
        current.append(ESCAPE)
    parts.append("".join(current).strip())
    values.append(parts)
    return [value for value in values if any(value)]
