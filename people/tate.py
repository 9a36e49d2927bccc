"""Tate's artists and artworks as rows for the people and source resources.

Tate publishes artists and artworks as JSON; these functions turn them into the same rows a
curator's spreadsheet would hold, so the Tate import goes through the same resources,
validation and preview as any other. Artists become people (birth and death places become
places, matched by name to places the archive already has: `archive.imports.tate`), artworks
become sources of the "artwork" kind with their artists as contributors.
"""

import re
from pathlib import Path

import tablib
from django.utils.text import slugify

from archive.imports import tate
from archive.imports.codec import join

ARTISTS, ARTWORKS = tate.ARTISTS, tate.ARTWORKS  # the files a Tate directory holds

PERSON_COLUMNS = [
    "slug", "name", "sort_name", "status", "summary", "birth_date_text", "birth_place",
    "death_date_text", "death_place", "identifiers",
]  # fmt: skip
ARTWORK_COLUMNS = [
    "slug", "title", "kind", "status", "contributors", "creators_text", "date", "date_text",
    "url", "repository", "call_number", "abstract", "criticism_note",
]  # fmt: skip

_LIFE = re.compile(r"^(?P<born>[^–]*?\d[^–]*?)\s*–\s*(?P<died>[^–]*\d[^–]*)$")


def life_dates(text: str) -> tuple[str, str, str]:
    """Tate's “1881–1973”, “born 1930”, “died c.1800” → (birth text, death text, remainder).

    What is not a birth or a death (“active 1840–1860”, “18th century”, collectives) is
    returned whole as the remainder, to be kept in the summary.
    """
    text = (text or "").strip()
    if not text:
        return "", "", ""
    lower = text.lower()
    if re.fullmatch(r"born\s+\S+", lower):
        return text.split(None, 1)[1], "", ""
    if re.fullmatch(r"died\s+\S+", lower):
        return "", text.split(None, 1)[1], ""
    match = _LIFE.match(text)
    if match and not re.search(r"[a-z]{3,}", lower.replace(" or ", " ")):
        return match.group("born").strip(), match.group("died").strip(), ""
    return "", "", text


def person_slug(artist: dict) -> str:
    tail = (artist.get("url") or "").rstrip("/").rsplit("/", 1)[-1]
    return slugify(tail)[:190] or f"{slugify(artist.get('fc', ''))[:180]}-{artist['id']}"


def datasets(
    directory: Path, *, status: str = "draft", existing_places=None, limit=None
) -> tuple[tablib.Dataset, tablib.Dataset, tablib.Dataset]:
    """Places, people and artworks of a Tate directory, as import rows.

    `existing_places`: the archive's places as (name, slug) pairs (or a name → slug dict)."""
    pairs = list(
        existing_places.items() if isinstance(existing_places, dict) else existing_places or []
    )
    existing = {name.casefold(): slug for name, slug in pairs}
    place_slugs = {slug for _, slug in pairs}
    places: dict = {}
    people = tablib.Dataset(headers=PERSON_COLUMNS)
    slugs: dict[int, str] = {}
    for artist in tate.limited(tate.read_jsonl(directory / tate.ARTISTS), limit):
        slug = person_slug(artist)
        slugs.setdefault(artist["id"], slug)
        born, died, remainder = life_dates(artist.get("date") or "")
        people.append(
            [
                slug,
                (artist.get("fc") or "").strip(),
                (artist.get("mda") or "").strip(),
                status,
                remainder,
                born,
                tate.place_slug(artist.get("birth"), places, existing, place_slugs),
                died,
                tate.place_slug(artist.get("death"), places, existing, place_slugs),
                join([(f"tate-artist:{artist['id']}",)]),
            ]
        )
    place_rows = tate.place_rows(places, status)
    artworks = tablib.Dataset(headers=ARTWORK_COLUMNS)
    for work in tate.limited(tate.read_jsonl(directory / tate.ARTWORKS), limit and limit * 20):
        contributors = [
            (slugs.get(c["id"], f"tate-artist-{c['id']}"), slugify(c.get("role") or "artist"))
            for c in sorted(work.get("contributors") or [], key=lambda c: c.get("displayOrder", 0))
        ]
        details = ". ".join(
            part.strip().rstrip(".")
            for part in (work.get("medium"), work.get("dimensions"))
            if part and part.strip()
        )
        artworks.append(
            [
                f"tate-{work['acno'].lower()}",
                (work.get("title") or "").strip() or f"Untitled ({work['acno']})",
                "artwork",
                status,
                join(contributors),
                (work.get("all_artists") or "").strip()[:500],
                "",
                (work.get("dateText") or "").strip(),
                work.get("url") or "",
                "Tate",
                work["acno"],
                f"{details}." if details else "",
                f"Provenance: {work['creditLine'].strip()}." if work.get("creditLine") else "",
            ]
        )
    return place_rows, people, artworks
