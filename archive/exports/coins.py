"""What reference managers pick up from a page: COinS (an OpenURL ContextObject in a span)
and Highwire `citation_*` meta tags, both written from a CSL item."""

from urllib.parse import urlencode

from .csl import year


def _date(item: dict) -> str:
    parts = (item.get("issued") or {}).get("date-parts")
    if not parts or not parts[0]:
        return ""
    return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(parts[0]))


def _authors(item: dict) -> list[str]:
    return [
        person.get("literal") or f"{person['family']}, {person['given']}"
        for person in item.get("author", [])
    ]


def coins(item: dict) -> str:
    """The `title` of a `<span class="Z3988">`: an OpenURL 1.0 KEV ContextObject."""
    kind = item.get("type", "")
    pairs = [("ctx_ver", "Z39.88-2004"), ("rfr_id", "info:sid/archive")]
    if kind.startswith("article"):
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"), ("rft.genre", "article")]
        pairs += [("rft.atitle", item["title"])]
        if item.get("container-title"):
            pairs.append(("rft.jtitle", item["container-title"]))
        for variable, key in (("volume", "rft.volume"), ("issue", "rft.issue")):
            if item.get(variable):
                pairs.append((key, item[variable]))
        pairs += [("rft.au", author) for author in _authors(item)]
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
        pairs += [("rft.au", author) for author in _authors(item)]
    else:
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.title", item["title"])]
        pairs += [("rft.type", kind)]
        pairs += [("rft.creator", author) for author in _authors(item)]
        if item.get("publisher"):
            pairs.append(("rft.publisher", item["publisher"]))
    if _date(item):
        pairs.append(("rft.date", _date(item)))
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    if item.get("DOI"):
        pairs.append(("rft_id", f"info:doi/{item['DOI']}"))
    if item.get("language"):
        pairs.append(("rft.language", item["language"]))
    return urlencode(pairs)


def meta_tags(item: dict) -> list[tuple[str, str]]:
    """Highwire Press tags (Google Scholar, Zotero): name/content pairs."""
    tags = [("citation_title", item["title"])]
    tags += [("citation_author", author) for author in _authors(item)]
    if _date(item):
        tags.append(("citation_publication_date", _date(item).replace("-", "/")))
    elif year(item):
        tags.append(("citation_publication_date", year(item)))
    container = item.get("container-title", "")
    if container:
        kind = item.get("type", "")
        if kind.startswith("article"):
            tags.append(("citation_journal_title", container))
        elif kind == "chapter":
            tags.append(("citation_inbook_title", container))
    simple = [
        ("publisher", "citation_publisher"),
        ("volume", "citation_volume"),
        ("issue", "citation_issue"),
        ("DOI", "citation_doi"),
        ("ISBN", "citation_isbn"),
        ("language", "citation_language"),
        ("URL", "citation_public_url"),
    ]
    tags += [(tag, item[variable]) for variable, tag in simple if item.get(variable)]
    return tags
