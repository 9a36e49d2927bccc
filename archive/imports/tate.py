"""Tate's collection metadata (JSON Lines): the files and the places they name.

What is about the archive's own kinds lives here: reading Tate's files, and turning the places
Tate names (“Philadelphia, United States”) into place rows matched to the archive's places.
Artists (people) and artworks with their artists are `people/tate.py`'s.
"""

import gzip
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import tablib
from django.utils.text import slugify

ARTISTS = "tate_artists.jsonl.gz"
ARTWORKS = "tate_artworks.jsonl.gz"

PLACE_COLUMNS = ["slug", "name", "kind", "parent", "status"]


def read_jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def place_slug(info: dict | None, places: dict, existing: dict, slugs: set[str]) -> str:
    """The slug of a Tate place (“Philadelphia, United States”), adding rows as needed.

    `existing` maps case-folded names of the archive's places to a slug, `slugs` holds every
    slug the archive has (two places may share a name: Tate's “Solothurn” and “Solothurn,
    Schweiz” are two rows named Solothurn; a re-import must find each by its slug)."""
    place = (info or {}).get("place") or {}
    full = (place.get("name") or "").strip()
    if not full:
        return ""
    name = (place.get("placeName") or full.split(",")[0]).strip()
    country = full.rsplit(",", 1)[1].strip() if "," in full else ""
    parent = ""
    if country and country != name:
        parent = slugify(country) if slugify(country) in slugs else None
        parent = parent or existing.get(country.casefold()) or slugify(country)
        if parent not in places.values() and country.casefold() not in existing:
            places[country] = parent
            rows = places.setdefault("__rows__", [])
            rows.append([parent, country, "country", "", None])
    if full in places:
        return places[full]
    if slugify(full)[:190] in slugs:  # made by an earlier import: the same place again
        places[full] = slugify(full)[:190]
        return places[full]
    slug = existing.get(full.casefold()) or (existing.get(name.casefold()) if not country else None)
    if slug:
        places[full] = slug
        return slug
    slug = slugify(full)[:190]
    places[full] = slug
    if any(row[0] == slug for row in places.get("__rows__", [])):
        return slug  # another spelling of a place already added (Montreal / Montréal)
    kind = (place.get("placeType") or "").replace("_", " ")
    places.setdefault("__rows__", []).append([slug, name, kind, parent, None])
    return slug


def place_rows(places: dict, status: str) -> tablib.Dataset:
    """The place rows `place_slug()` added to `places`, as an import dataset."""
    rows = tablib.Dataset(headers=PLACE_COLUMNS)
    for slug, name, kind, parent, _ in places.get("__rows__", []):
        rows.append([slug, name, kind, parent, status])
    return rows


def limited(items: Iterable, limit) -> Iterable:
    for n, item in enumerate(items):
        if limit and n >= limit:
            return
        yield item
