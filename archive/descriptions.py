"""The one neutral description (`archive.description.Description`) of the archive's own kinds:
sources, places and media items, and the helpers the other apps' describe functions share.

Each `describe_*(record, request)` reads only what the record page already fetched (related rows
prefetched, vocabularies selected); given a record fetched bare (a download, a feed) it asks
the database for the same rows. Links name published records only. `request` makes URLs
absolute; without one they stay paths.
"""

import re

from django.conf import settings
from django.db.models import Prefetch
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import strip_tags

from archive import translations
from archive.dates import describe as date_words
from archive.description import Agent, Description, Identifier, Link, Relation
from archive.i18n import site_name
from archive.models import Citation, Place, Record
from archive.models import Identifier as IdentifierRow

MARKER = re.compile(r"\s*\[@[^\]]*\]")  # a Pandoc citation marker in Markdown text
SUMMARY_LENGTH = 500

# A media item's type in CSL's vocabulary (a document stays "document").
MEDIA_TYPES = {"image": "graphic", "audio": "song", "video": "motion_picture"}


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


# A record's path with one `reverse` per kind (and URL configuration), not one per record: a
# harvest page builds thousands. A slug of URL-safe characters is never quoted, so formatting
# it into the reversed pattern gives what `reverse` gives; any other slug goes through it.
_SLUG_MARK = "slugmark0slugmark"
_SAFE_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
_PATHS: dict = {}


def record_path(record) -> str:
    model = type(record)
    if model.get_absolute_url is not Record.get_absolute_url or not _SAFE_SLUG.fullmatch(
        record.slug or ""
    ):
        return record.get_absolute_url()
    # The language too: i18n_patterns reverse to /az/… under Azerbaijani, and this cache is
    # the process's, so an /az/ page must not give the API or an English page its paths.
    key = (model.url_name, get_urlconf(), get_script_prefix(), translations.current_language())
    pattern = _PATHS.get(key)
    if pattern is None:
        pattern = _PATHS[key] = reverse(model.url_name, kwargs={"slug": _SLUG_MARK})
    return pattern.replace(_SLUG_MARK, record.slug)


def prefetched(record, attr: str, relation: str) -> list:
    """The rows a bulk description prefetched into a list (`attr`: no queryset per record),
    else the record's relation (a record page's own prefetch, or a query)."""
    rows = getattr(record, attr, None)
    return rows if rows is not None else list(getattr(record, relation).all())


def published(records) -> list:
    return [record for record in records if record is not None and record.is_published]


def plain_text(markdown: str, length: int = SUMMARY_LENGTH) -> str:
    """Markdown text in plain words: no citation markers, no tags, at most `length` characters."""
    text = " ".join(strip_tags(MARKER.sub("", markdown or "")).split())
    text = re.sub(r"[*_`#>]+", "", text).strip()
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"


# The description's texts that may be one of the record's translated fields.
TRANSLATED_TEXTS = ("title", "summary", "caption", "alt_text")


def add_languages(record, described: Description) -> None:
    """Which language each of `described`'s own texts is in, and its every language: a
    text is a translated field's when it is that field as the page reads it (in the active
    language, else the fallback), whole or as plain words (a place's summary)."""
    deferred = record.get_deferred_fields()  # a long text the description never reads
    fields = [
        name
        for name in translations.translated_fields(type(record))
        if not deferred & {name, *translations.columns(type(record), name)}
    ]
    for name in TRANSLATED_TEXTS:
        value = getattr(described, name)
        if not value:
            continue
        for field_name in fields:
            shown = translations.localized(record, field_name)
            for transform in (str, plain_text):
                if shown and transform(shown.text) == value:
                    break
            else:
                continue
            described.text_languages[name] = shown.lang
            described.translations[name] = {
                lang: transform(text.text)
                for lang in translations.languages()
                if (text := translations.localized(record, field_name, lang)).lang == lang
            }
            break


def identifiers(record) -> list[Identifier]:
    """The record's external identifiers (`identifiers` prefetched with their schemes)."""
    rows = prefetched(record, "described_identifiers", "identifiers")
    return [Identifier(item.scheme.slug, item.value, item.url) for item in rows]


def cited_sources(record, request) -> list[Link]:
    """The published sources the record cites, once each, in citation order (`citations`
    prefetched with `source__kind`)."""
    seen, links = set(), []
    for citation in prefetched(record, "described_citations", "citations"):
        source = citation.source
        if source.is_published and source.pk not in seen:
            seen.add(source.pk)
            links.append(
                Link(
                    Relation.CITES,
                    "source",
                    source.title,
                    absolute(request, record_path(source)),
                    type=source.kind.csl_type,
                )
            )
    return links


def link(relation: str, kind: str, record, request, **extra) -> Link:
    return Link(relation, kind, str(record), absolute(request, record_path(record)), **extra)


def base(record, request, *, kind: str, kind_label: str, type: str, **fields) -> Description:
    """What every record's description has: permalink, slug, site, timestamps, and a rights
    URI: the archive's metadata licence (`METADATA_RIGHTS_URI`) unless the kind gives the
    record's own (a media item's licence, a source's)."""
    fields.setdefault("rights_url", settings.METADATA_RIGHTS_URI)
    return Description(
        kind=kind,
        kind_label=kind_label,
        type=type,
        title=str(record),
        url=absolute(request, record_path(record)),
        slug=record.slug,
        site_name=site_name(),
        published_at=record.published_at,
        modified_at=record.updated_at,
        **fields,
    )


def agent(name: str, role: str = "author") -> Agent:
    """A credited name: “Family, Given” splits; anything else stays whole (a group, a
    pseudonym), as credited."""
    family, comma, given = name.partition(",")
    if comma and family.strip() and given.strip():
        return Agent(name.strip(), role, family=family.strip(), given=given.strip())
    return Agent(name.strip(), role)


# A source's own rights, when no licence was chosen: the work (an article, a letter) is not the
# archive's to license, so its description must not claim the metadata licence for it.
NOT_EVALUATED = "http://rightsstatements.org/vocab/CNE/1.0/"


def source_rights_uri(source) -> str:
    licence = source.licence if source.licence_id else None
    return (licence.uri if licence else "") or NOT_EVALUATED


def describe_source(source, request=None) -> Description:
    """A source as the work it is (creators prefetched, kind selected)."""
    kind = source.kind
    creators = [agent(creator.name, creator.role) for creator in source.creators.all()]
    if not creators and source.creators_text and not source.creators_unknown:
        creators = [agent(source.creators_text)]
    ids = [Identifier("doi", source.doi, f"https://doi.org/{source.doi}")] if source.doi else []
    ids += [Identifier("isbn", source.isbn)] if source.isbn else []
    return base(
        source,
        request,
        kind="source",
        kind_label="Source",
        type=kind.csl_type,
        is_work=True,
        is_opinion=kind.is_opinion,
        genre=kind.name if kind.is_opinion else "",
        creators=creators,
        creators_unknown=source.creators_unknown and not creators,
        creators_note=source.creators_note,
        date=source.date,
        date_words=date_words(source.date),
        date_text=source.date_text,
        container=source.container_title,
        publisher=source.publisher,
        publication_place=source.publication_place,
        volume=source.volume,
        issue=source.issue,
        pages=source.pages,
        language=source.language,
        identifiers=ids + identifiers(source),
        rights=source.rights,
        rights_url=source_rights_uri(source),
        summary=source.abstract,
        web_url=source.url,
        accessed=source.accessed,
        archive=source.repository,
        archive_location=source.call_number,
        bibtex_type=kind.bibtex_type if kind.bibtex_type != "misc" else "",
        ris_type=kind.ris_type if kind.ris_type != "GEN" else "",
    )


def describe_place(place, request=None) -> Description:
    """A place (names prefetched, parent selected)."""
    links = [link(Relation.CONTAINED_IN, "place", p, request) for p in published([place.parent])]
    return base(
        place,
        request,
        kind="place",
        kind_label="Place",
        type="place",
        genre=place.kind,
        summary=plain_text(place.description),
        alternate_names=[name.name for name in prefetched(place, "described_names", "names")],
        latitude=float(place.latitude) if place.latitude is not None else None,
        longitude=float(place.longitude) if place.longitude is not None else None,
        identifiers=identifiers(place),
        links=links + cited_sources(place, request),
    )


def describe_media(item, request=None) -> Description:
    """A media item (licence and source selected; the page's published places prefetched as
    `public_places`). Cited as the archive's page about it: the work it copies is its source."""
    places = getattr(item, "public_places", None)
    if places is None:
        places = list(item.places.published())
    licence = item.licence
    links = [link(Relation.PLACE, "place", place, request) for place in places]
    links += [
        link(Relation.BASED_ON, "source", source, request) for source in published([item.source])
    ]
    return base(
        item,
        request,
        kind="media",
        kind_label="Media item",
        type=MEDIA_TYPES.get(item.media_type, "document"),
        creators=[agent(item.creator, "creator")] if item.creator else [],
        date=item.date,
        date_words=date_words(item.date),
        date_text=item.date_text,
        rights=licence.name if licence else "",
        rights_url=licence.uri if licence else "",
        media_type=item.media_type,
        mime_type=item.mime_type,
        width=item.width,
        height=item.height,
        caption=item.caption,
        alt_text=item.alt_text,
        credit=item.credit_line,
        identifiers=identifiers(item),
        links=links + cited_sources(item, request),
    )


# What describing many records at once needs (`Kind.prepare_description`: the feed, harvesting),
# the same rows the record pages prefetch.


# A linked record's row holds what its link reads: slug, status, title or name (`LINKED`), no
# long text; the rows go into lists (`to_attr`), which spares Django a queryset per record.
LINKED = ("slug", "status")
CITED_SOURCE = ("source__title", "source__kind__csl_type", *(f"source__{f}" for f in LINKED))


def linked(model, *fields: str):
    return model.objects.only(*LINKED, *fields)


def described_rows() -> list:
    identifiers = IdentifierRow.objects.select_related("scheme")
    cited = Citation.objects.select_related("source__kind").only(
        "content_type", "object_id", "source", "source__kind", *CITED_SOURCE
    )
    return [
        Prefetch("identifiers", queryset=identifiers, to_attr="described_identifiers"),
        Prefetch("citations", queryset=cited, to_attr="described_citations"),
    ]


# The long texts a description never reads (a summary is its own field or the first lines).
SOURCE_UNREAD = ("transcript", "criticism_note")


def prepare_source(queryset):
    return (
        queryset.select_related("kind", "licence")
        .defer(*SOURCE_UNREAD)
        .prefetch_related("creators", *described_rows())
    )


def prepare_place(queryset):
    names = Prefetch("names", to_attr="described_names")
    return (
        queryset.select_related("parent")
        .defer("parent__description")
        .prefetch_related(names, *described_rows())
    )


def prepare_media(queryset):
    places = linked(Place, "name").published()
    return (
        queryset.select_related("licence", "source")
        .defer("source__abstract", *(f"source__{field}" for field in SOURCE_UNREAD))
        .prefetch_related(
            Prefetch("places", queryset=places, to_attr="public_places"), *described_rows()
        )
    )
