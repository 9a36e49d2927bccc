"""How the archive's own kinds (sources, places, media items) appear in the search index:
their `SearchSpec`s, registered with their kinds in `ArchiveConfig.ready`, and the helpers
other apps' documents share."""

import re

from archive.citetext import GROUP_RE
from archive.models import MediaItem, Place, PlaceName, Source, SourceCreator
from archive.registry import SearchSpec

from .entry import Entry

_MARKDOWN_RE = re.compile(
    r"!?\[([^\]]*)\]\([^)]*\)"  # links and images: keep the text
    r"|^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+"  # headings, quotes, list bullets
    r"|[*_`~]{1,3}",  # emphasis, code
    re.MULTILINE,
)


_BEFORE_PUNCTUATION_RE = re.compile(r"[ \t]+(?=[.,;:!?)])")


def plain_text(markdown: str) -> str:
    """Markdown with citation markers, as plain text for the index and its snippets."""
    text = GROUP_RE.sub("", markdown or "")
    text = _MARKDOWN_RE.sub(lambda m: m.group(1) or "", text)
    return _BEFORE_PUNCTUATION_RE.sub("", text).strip()


def published_pks(records) -> list[int]:
    return [record.pk for record in records if record is not None and record.is_published]


def source_document(source: Source) -> Entry:
    return Entry(
        title=source.title,
        names=[creator.name for creator in source.creators.all()] + [source.creators_text],
        text=[
            source.abstract,
            source.transcript,
            source.container_title,
            source.publisher,
            source.publication_place,
            source.repository,
            source.call_number,
            source.criticism_note,
            source.date_text,
        ],  # fmt: skip
        date=source.date,
        earliest=source.date_earliest,
        latest=source.date_latest,
        date_display=source.date_text if not source.date else "",
        source_kind=source.kind.slug,
    )


def place_document(place: Place) -> Entry:
    parent = place.parent if place.parent_id and place.parent.is_published else None
    return Entry(
        title=place.name,
        names=[place.name] + [name.name for name in place.names.all()],
        text=[place.kind, plain_text(place.description), parent.name if parent else ""],
        facets={"place": published_pks([place, parent])},
    )


def media_document(item: MediaItem) -> Entry:
    return Entry(
        title=item.title,
        names=[item.creator],
        text=[item.caption, item.alt_text, item.credit_line, item.date_text],
        date=item.date,
        earliest=item.date_earliest,
        latest=item.date_latest,
        date_display=item.date_text if not item.date else "",
        facets={"place": published_pks(item.places.all())},
    )


SOURCE = SearchSpec(
    document=source_document,
    depends_on={SourceCreator: lambda creator: [creator.source_id]},
    prepare=lambda qs: qs.select_related("kind").prefetch_related("creators"),
)
PLACE = SearchSpec(
    document=place_document,
    depends_on={
        PlaceName: lambda name: [name.place_id],
        Place: lambda place: place.children.values_list("pk", flat=True),
    },
    prepare=lambda qs: qs.select_related("parent").prefetch_related("names"),
)
MEDIA = SearchSpec(
    document=media_document,
    depends_on={
        MediaItem.places.through: None,
        Place: lambda place: place.media_items.values_list("pk", flat=True),
    },
    prepare=lambda qs: qs.prefetch_related("places"),
)
