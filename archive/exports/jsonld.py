"""schema.org JSON-LD for a record's public page, written from its one description
(`archive.description.Description`); no model field is read here.

The page is an `ItemPage` (a WebPage about one item): its address, name, the site it is part
of, when it changed and the sources the record cites. Its `mainEntity` is the record itself, as
its schema.org type, with only the properties schema.org allows on that type or a supertype:
`citation`, `dateModified` and `isPartOf` belong to the page (a CreativeWork), never to an
Event, a Person or a Place. tests/exports/test_jsonld_vocabulary.py checks every page against
schema.org's own vocabulary.

A kind says which schema.org type its records are with `schema_type=` in its registration; a
work's type comes from its CSL type (or media type), as finely as schema.org can say it.
"""

import json
import re
from urllib.parse import urljoin

from archive import registry
from archive.description import Agent, Description, Link, Relation

# A work's CSL type → its schema.org CreativeWork subtype.
WORK_TYPES = {
    "article": "Article",
    "article-journal": "ScholarlyArticle",
    "article-magazine": "Article",
    "article-newspaper": "NewsArticle",
    "paper-conference": "ScholarlyArticle",
    "entry": "Article",
    "entry-dictionary": "Article",
    "entry-encyclopedia": "Article",
    "book": "Book",
    "chapter": "Chapter",
    "report": "Report",
    "thesis": "Thesis",
    "webpage": "WebPage",
    "post-weblog": "BlogPosting",
    "post": "SocialMediaPosting",
    "dataset": "Dataset",
    "motion_picture": "Movie",
    "graphic": "Photograph",
    "map": "Map",
    "song": "MusicRecording",
    "review": "Review",
    "personal_communication": "Message",
    "legislation": "Legislation",
    "manuscript": "ArchiveComponent",
}
MEDIA_TYPES = {
    "image": "ImageObject",
    "audio": "AudioObject",
    "video": "VideoObject",
    "document": "DigitalDocument",
}
OPINION_TYPE = "OpinionNewsArticle"  # a NewsArticle that states views rather than reports
WORK_CONTAINERS = {"chapter": "Book", "entry-encyclopedia": "Book", "entry-dictionary": "Book"}
# A creator's neutral role → the CreativeWork property that credits it; any other role is a
# `contributor`. schema.org's `editor` is a Person only.
CREATOR_PROPERTIES = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "creator": "creator",
    "artist": "creator",
    "photographer": "creator",
}
# A participant's role in an event → the Event property; any other role says what the event
# is about (a victim, a witness, the unit named in the source), not who made it.
PARTICIPANT_PROPERTIES = {
    "organiser": "organizer",
    "organizer": "organizer",
    "speaker": "performer",
    "performer": "performer",
}
PIXEL = "E37"  # UN/CEFACT common code for a pixel, the unit of a QuantitativeValue
EXACT_DATE = re.compile(r"-?\d{4}(-\d{2}(-\d{2})?)?")


def document(description: Description) -> dict:
    """The page's JSON-LD: an ItemPage whose `mainEntity` is the record."""
    url = description.url
    page = {
        "@context": "https://schema.org",
        "@type": "ItemPage",
        "@id": url,
        "url": url,
        "name": tagged(description, "title"),
        "isPartOf": website(description),
        "datePublished": timestamp(description.published_at),
        "dateModified": timestamp(description.modified_at),
        "citation": [reference(link) for link in description.links_of(Relation.CITES)],
        "relatedLink": [link.url for link in description.links_of(Relation.RELATED)],
        "mainEntity": entity(description),
    }
    if not (description.is_work or entity_type(description) in MEDIA_OBJECTS):
        page["license"] = description.rights_url  # the archive's licence of its description
    return compact(page)


def entity(description: Description) -> dict:
    schema_type = entity_type(description)
    data = {
        "@type": schema_type,
        "@id": entity_id(description.url),
        "name": tagged(description, "title"),
        "alternateName": description.alternate_names,
        "sameAs": same_as_urls(description),
        "identifier": [identifier_value(i) for i in description.identifiers],
        "subjectOf": [reference(link) for link in description.links_of(Relation.SUBJECT_OF)],
    }
    is_work = description.is_work or schema_type in MEDIA_OBJECTS
    if not is_work:
        data["url"] = description.url
        data["description"] = tagged(description, "summary")
    family = FAMILIES.get(schema_type) or (work_properties if is_work else None)
    if family is not None:
        data.update(family(description))
    return compact(data)


def entity_type(description: Description) -> str:
    registered = kind_type(description.kind)
    if registered == "MediaObject":  # a media item: as its sniffed media type says
        return MEDIA_TYPES.get(description.media_type, registered)
    if description.is_work:
        if description.is_opinion:
            return OPINION_TYPE
        return WORK_TYPES.get(description.type, "CreativeWork")
    return registered


def kind_type(key: str) -> str:
    kind = registry.get(key)
    return (kind.schema_type if kind is not None else "") or "Thing"


def link_type(link: Link) -> str:
    if link.type in WORK_TYPES:
        return WORK_TYPES[link.type]
    return kind_type(link.kind)


def event_properties(description: Description) -> dict:
    start, end = date_range(description.date)
    people: dict[str, list] = {}
    for link in description.links_of(Relation.PARTICIPANT):
        prop = PARTICIPANT_PROPERTIES.get(link.role, "about")
        people.setdefault(prop, []).append(reference(link))
    return {
        "startDate": start,
        "endDate": end,
        "location": [reference(link) for link in description.links_of(Relation.PLACE)],
        "superEvent": first(description.links_of(Relation.PART_OF)),
        "subEvent": [reference(link) for link in description.links_of(Relation.HAS_PART)],
        "inLanguage": description.language,
        **people,
    }


def person_properties(description: Description) -> dict:
    return {
        "birthDate": exact_date(description.birth_date),
        "deathDate": exact_date(description.death_date),
        "birthPlace": first(description.links_of(Relation.BIRTH_PLACE)),
        "deathPlace": first(description.links_of(Relation.DEATH_PLACE)),
    }


def organisation_properties(description: Description) -> dict:
    founded, dissolved = date_range(description.date)
    return {
        "foundingDate": founded,
        "dissolutionDate": dissolved,
        "location": [reference(link) for link in description.links_of(Relation.PLACE)],
        "parentOrganization": first(description.links_of(Relation.PART_OF)),
        "subOrganization": [reference(link) for link in description.links_of(Relation.HAS_PART)],
    }


def place_properties(description: Description) -> dict:
    geo = ""
    if description.latitude is not None and description.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(description.latitude),
            "longitude": float(description.longitude),
        }
    return {
        "geo": geo,
        "containedInPlace": first(description.links_of(Relation.CONTAINED_IN)),
    }


def work_properties(description: Description) -> dict:
    """A source or a media item: a CreativeWork with its own bibliographic identity."""
    schema_type = entity_type(description)
    is_media = schema_type in MEDIA_OBJECTS
    data = {
        "url": description.web_url or description.url,
        "mainEntityOfPage": description.url,
        "headline": description.title[:110] if schema_type.endswith(ARTICLE_ENDINGS) else "",
        "genre": description.genre,
        "abstract": tagged(description, "summary"),
        "inLanguage": description.language,
        "keywords": description.subjects,
        "publisher": publisher(description),
        "isPartOf": container(description),
        # what a photograph or film shows; where a text was written is not recorded
        "contentLocation": [reference(link) for link in description.links_of(Relation.PLACE)],
        "isBasedOn": first(description.links_of(Relation.BASED_ON)),
        "copyrightNotice": description.rights,
        "license": description.rights_url,
        "creditText": description.credit,
        "isbn": description.identifier("isbn") if schema_type == "Book" else "",
        "pagination": description.pages if schema_type.endswith(ARTICLE_ENDINGS) else "",
    }
    if is_media:
        data.update(
            {
                "dateCreated": exact_date(description.date),
                "caption": tagged(description, "caption") if schema_type in CAPTIONED else "",
                "description": tagged(description, "alt_text"),
                "encodingFormat": description.mime_type,
                "width": pixels(description.width),
                "height": pixels(description.height),
            }
        )
    else:
        data["datePublished"] = exact_date(description.date)
    if not description.creators_unknown:  # an unknown author is a state, never a name
        for creator in description.creators:
            data.setdefault(creator_property(creator), []).append(agent(creator))
    return data


ARTICLE_ENDINGS = ("Article", "Chapter")  # headline and pagination are an Article's
CAPTIONED = {"ImageObject", "AudioObject", "VideoObject"}
MEDIA_OBJECTS = {"MediaObject", *MEDIA_TYPES.values()}
FAMILIES = {
    "Event": event_properties,
    "Person": person_properties,
    "Organization": organisation_properties,
    "Place": place_properties,
}


def creator_property(creator: Agent) -> str:
    prop = CREATOR_PROPERTIES.get(creator.role, "contributor")
    return "contributor" if prop == "editor" and creator.is_organisation else prop


def agent(creator: Agent) -> dict:
    data = {"@type": "Organization" if creator.is_organisation else "Person", "name": creator.name}
    if creator.url:
        data.update({"@id": entity_id(creator.url), "url": creator.url})
    if creator.family and not creator.is_organisation:
        data.update({"familyName": creator.family, "givenName": creator.given})
    return compact(data)


def publisher(description: Description) -> dict | str:
    link = first_link(description.links_of(Relation.PUBLISHER))
    if link is not None:
        return reference(link)
    if description.publisher:
        return {"@type": "Organization", "name": description.publisher}
    return ""


def container(description: Description) -> dict | str:
    if not description.container:
        return ""
    container_type = WORK_CONTAINERS.get(description.type, "Periodical")
    parts = {"@type": container_type, "name": description.container}
    return parts


def website(description: Description) -> dict:
    return compact(
        {
            "@type": "WebSite",
            "name": description.site_name,
            "url": urljoin(description.url, "/") if "://" in description.url else "",
        }
    )


def reference(link: Link) -> dict:
    """A short reference to another published record: the entity its page is about."""
    return {
        "@type": link_type(link),
        "@id": entity_id(link.url),
        "name": link.title,
        "url": link.url,
    }


def first(links: list[Link]) -> dict | str:
    link = first_link(links)
    return reference(link) if link is not None else ""


def first_link(links: list[Link]) -> Link | None:
    return links[0] if links else None


def entity_id(page_url: str) -> str:
    """The record's own identifier: its page's address with a fragment, so the page (an
    ItemPage) and the person, event or place it is about are two things, as they are."""
    return f"{page_url}#record" if page_url else ""


def same_as_urls(description: Description) -> list[str]:
    urls = [i.url for i in description.identifiers if i.url]
    if description.is_work and description.web_url and description.web_url not in urls:
        urls.append(description.web_url)
    return urls


def identifier_value(identifier) -> dict:
    return compact(
        {
            "@type": "PropertyValue",
            "propertyID": identifier.scheme,
            "value": identifier.value,
            "url": identifier.url,
        }
    )


def pixels(value: int | None) -> dict | str:
    if not value:
        return ""
    return {"@type": "QuantitativeValue", "value": value, "unitCode": PIXEL}


def exact_date(edtf: str) -> str:
    """An ISO 8601 date, month or year when the EDTF date is that exactly; else nothing: an
    approximate or uncertain date is left out, never made precise."""
    edtf = (edtf or "").strip()
    return edtf if EXACT_DATE.fullmatch(edtf) else ""


def date_range(edtf: str) -> tuple[str, str]:
    """Start and end of an EDTF date or interval, each only where it is exact."""
    edtf = (edtf or "").strip()
    if "/" in edtf:
        start, _, end = edtf.partition("/")
        return exact_date(start), exact_date(end)
    return exact_date(edtf), ""


def timestamp(value) -> str:
    return value.isoformat() if value else ""


def tagged(description: Description, name: str) -> dict | str:
    """One of the record's texts as a language-tagged value ({"@value", "@language"}): the
    text the page shows, in the language it is in (the visitor's, else the fallback's).

    One value, not every language: each language's page has its own URL (hreflang in the
    page and the sitemap), and a search engine reads a page's structured data as a statement
    about that page's visible content; three `name`s on every page would be three names to
    choose from. A JSON-LD processor (rdflib, Google's) reads the value object as a literal
    with its language. A work's title with no translation is in the work's own language."""
    text = getattr(description, name)
    lang = description.language_of(name)
    if not text or not lang:
        return text
    return {"@value": text, "@language": lang}


def compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def script(data: dict) -> str:
    """JSON for a `<script type="application/ld+json">`: no `</script>` can close it early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
