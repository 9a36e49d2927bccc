"""What reference managers read in a page: COinS (an OpenURL ContextObject in a span), Highwire
`citation_*` meta tags and Dublin Core `DC.*` meta tags, all from the record's description (by
way of its CSL item, so that every format says the same).

Zotero's Embedded Metadata translator (zotero/translators, `Embedded Metadata.js`) takes the
item type from the Highwire tags when they name a container (`citation_journal_title` makes a
journal article, `citation_inbook_title` a book section), else from `DC.type` when it is one
of Zotero's item types. So a work's tags name a journal only for a journal article and give
every work its Zotero type in `DC.type`; the archive's pages about other records carry no
Highwire tags (they are web pages, not scholarly articles) and say `DC.type` "webpage".
Creators are written "Family, Given", which the translator splits at the comma; a name that
does not split is written as credited, and an unknown creator is not written at all.
"""

import datetime
from urllib.parse import urlencode

from archive.description import Agent, Description

from . import csl

# CSL item types → Zotero item types (Zotero's own CSL mapping, read the other way).
ZOTERO_TYPES = {
    "article": "preprint",
    "article-journal": "journalArticle",
    "article-magazine": "magazineArticle",
    "article-newspaper": "newspaperArticle",
    "bill": "bill",
    "book": "book",
    "broadcast": "tvBroadcast",
    "chapter": "bookSection",
    "dataset": "dataset",
    "document": "document",
    "entry-dictionary": "dictionaryEntry",
    "entry-encyclopedia": "encyclopediaArticle",
    "graphic": "artwork",
    "interview": "interview",
    "legal_case": "case",
    "legislation": "statute",
    "manuscript": "manuscript",
    "map": "map",
    "motion_picture": "film",
    "paper-conference": "conferencePaper",
    "patent": "patent",
    "personal_communication": "letter",
    "post": "forumPost",
    "post-weblog": "blogPost",
    "report": "report",
    "software": "computerProgram",
    "song": "audioRecording",
    "speech": "presentation",
    "standard": "standard",
    "thesis": "thesis",
    "webpage": "webpage",
}
AUTHOR_ROLES = {"author", "creator", "artist", "interviewee", "photographer"}


def zotero_type(item: dict) -> str:
    return ZOTERO_TYPES.get(item["type"], "document")


def credited(agent: Agent) -> str:
    """“Family, Given” when the name splits, else the name as credited."""
    if agent.family and agent.given and not agent.is_organisation:
        return f"{agent.family}, {agent.given}"
    return agent.name


def _authors(description: Description) -> list[str]:
    if not description.is_work:
        return []
    return [credited(agent) for agent in description.creators if agent.role in AUTHOR_ROLES]


def coins(description: Description, accessed: datetime.date) -> str:
    """The `title` of a `<span class="Z3988">`: an OpenURL 1.0 KEV ContextObject."""
    item = csl.item(description, accessed)
    kind = item["type"]
    authors = _authors(description)
    pairs = [("ctx_ver", "Z39.88-2004"), ("rfr_id", "info:sid/archive")]
    if kind.startswith("article"):
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article")]
        pairs += [("rft.atitle", item["title"])]
        if item.get("container-title"):
            pairs.append(("rft.jtitle", item["container-title"]))
        for variable, key in (("volume", "rft.volume"), ("issue", "rft.issue")):
            if item.get(variable):
                pairs.append((key, item[variable]))
        pairs += [("rft.au", author) for author in authors]
    elif kind in ("book", "chapter"):
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:book")]
        if kind == "chapter":
            pairs += [("rft.genre", "bookitem"), ("rft.atitle", item["title"])]
            pairs += [("rft.btitle", item.get("container-title", ""))]
        else:
            pairs += [("rft.genre", "book"), ("rft.btitle", item["title"])]
        if item.get("publisher"):
            pairs.append(("rft.pub", item["publisher"]))
        if item.get("ISBN"):
            pairs.append(("rft.isbn", item["ISBN"]))
        pairs += [("rft.au", author) for author in authors]
    else:
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.title", item["title"])]
        pairs += [("rft.type", kind)]
        pairs += [("rft.creator", author) for author in authors]
        publisher = item.get("publisher") or ("" if description.is_work else description.site_name)
        if publisher:
            pairs.append(("rft.publisher", publisher))
    if csl.date_text(item):
        pairs.append(("rft.date", csl.date_text(item)))
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    if item.get("DOI"):
        pairs.append(("rft_id", f"info:doi/{item['DOI']}"))
    if item.get("language"):
        pairs.append(("rft.language", item["language"]))
    return urlencode(pairs)


def highwire_tags(description: Description, item: dict) -> list[tuple[str, str]]:
    """Highwire Press tags (Google Scholar, Zotero) for a work: name/content pairs."""
    tags = [("citation_title", item["title"])]
    tags += [("citation_author", author) for author in _authors(description)]
    tags += [
        ("citation_editor", credited(agent))
        for agent in description.creators
        if agent.role == "editor"
    ]
    if csl.date_text(item):
        tags.append(("citation_publication_date", csl.date_text(item, separator="/")))
    elif csl.year(item):
        tags.append(("citation_publication_date", csl.year(item)))
    container = item.get("container-title", "")
    if container and item["type"] == "article-journal":
        tags.append(("citation_journal_title", container))  # makes it a journal article
    elif container and item["type"] == "chapter":
        tags.append(("citation_inbook_title", container))  # makes it a book section
    simple = [
        ("publisher", "citation_publisher"),
        ("volume", "citation_volume"),
        ("issue", "citation_issue"),
        ("DOI", "citation_doi"),
        ("ISBN", "citation_isbn"),
        ("language", "citation_language"),
        ("URL", "citation_public_url"),
    ]
    return tags + [(tag, item[variable]) for variable, tag in simple if item.get(variable)]


def dublin_core_tags(description: Description, item: dict) -> list[tuple[str, str]]:
    """Dublin Core elements (`DC.*`) for the work or the page the item describes."""
    is_work = description.is_work
    tags = [("DC.title", item["title"])]
    if is_work:
        tags += [
            ("DC.creator" if agent.role in AUTHOR_ROLES else "DC.contributor", credited(agent))
            for agent in description.creators
        ]
        date = description.date if csl.date_variable(description.date) else ""
    else:
        date = csl.date_text(item)
    if date:
        tags.append(("DC.date", date))
    tags.append(("DC.type", zotero_type(item)))
    publisher = item.get("publisher", "") if is_work else description.site_name
    if publisher:
        tags.append(("DC.publisher", publisher))
    if item.get("container-title") and item["type"] not in ("article-journal", "chapter"):
        # The publication a magazine or newspaper article, or a page, is part of.
        tags.append(("prism.publicationName", item["container-title"]))
    if description.language:
        tags.append(("DC.language", description.language))
    tags.append(("DC.identifier", description.url))
    if item.get("DOI"):
        tags.append(("DC.identifier", f"DOI {item['DOI']}"))
    if item.get("ISBN"):
        tags.append(("DC.identifier", f"ISBN {item['ISBN']}"))
    rights = description.rights_url or description.rights
    if rights:
        tags.append(("DC.rights", rights))
    return tags


def meta_tags(description: Description, accessed: datetime.date) -> list[tuple[str, str]]:
    """The page's citation meta tags: Highwire for a work, then Dublin Core."""
    item = csl.item(description, accessed)
    highwire = highwire_tags(description, item) if description.is_work else []
    return highwire + dublin_core_tags(description, item)
