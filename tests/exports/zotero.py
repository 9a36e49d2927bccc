"""A faithful Python port of the decisions Zotero's Embedded Metadata translator makes about a
page: which item type it saves and which creators, from the page's meta tags.

Ported from zotero/translators (commit 2814370161d05d799086825fac8d499db3a33aa3):
`Embedded Metadata.js` (init, addHighwireMetadata, processHighwireCreators,
addLowQualityMetadata, getAuthorFromByline) and `RDF.js` (detectType, importItem's creators),
which the first loads for its `DC.*`, `og:*` and `prism.*` statements; and `cleanAuthor` from
zotero/zotero `chrome/content/zotero/xpcom/utilities.js`. The JavaScript each part ports is
quoted beside it. What the translator does with fields we never write (bib/bibo types,
eprints, PMIDs, PDFs) is left out.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# var _prefixes = { bib: ..., dc: "http://purl.org/dc/elements/1.1/", ... }
PREFIXES = {
    "bib": "http://purl.org/net/biblio#",
    "bibo": "http://purl.org/ontology/bibo/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "prism": "http://prismstandard.org/namespaces/1.2/basic/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://nwalsh.com/rdf/vCard#",
    "link": "http://purl.org/rss/1.0/modules/link/",
    "z": "http://www.zotero.org/namespaces/export#",
    "eprint": "http://purl.org/eprint/terms/",
    "eprints": "http://purl.org/eprint/terms/",
    "og": "http://ogp.me/ns#",
    "article": "http://ogp.me/ns/article#",
    "book": "http://ogp.me/ns/book#",
    "music": "http://ogp.me/ns/music#",
    "video": "http://ogp.me/ns/video#",
    "so": "http://schema.org/",
    "codemeta": "https://codemeta.github.io/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
DC, DCTERMS, OG, PRISM = PREFIXES["dc"], PREFIXES["dcterms"], PREFIXES["og"], PREFIXES["prism"]

# ZU.itemTypeExists(type): Zotero's item types (its schema), by exact name.
ZOTERO_ITEM_TYPES = {
    "artwork", "attachment", "audioRecording", "bill", "blogPost", "book", "bookSection", "case",
    "computerProgram", "conferencePaper", "dataset", "dictionaryEntry", "document", "email",
    "encyclopediaArticle", "film", "forumPost", "hearing", "instantMessage", "interview",
    "journalArticle", "letter", "magazineArticle", "manuscript", "map", "newspaperArticle",
    "note", "patent", "podcast", "preprint", "presentation", "radioBroadcast", "report",
    "standard", "statute", "thesis", "tvBroadcast", "videoRecording", "webpage",
}  # fmt: skip


@dataclass
class Page:
    metas: list[tuple[str, str]] = field(default_factory=list)  # (name or property, content)
    classes: list[tuple[str, list[str]]] = field(default_factory=list)  # (class, its text)
    ids: set[str] = field(default_factory=set)
    author_links: int = 0  # non-empty a[rel="author"]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.open: list[tuple[str, list[str] | None]] = []  # elements and their text, if kept

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, text in self.open:
            if text is not None:
                text.append(data)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            # var tags = metaTag.getAttribute("name"); if (!tags) tags = ...("property");
            name = attrs.get("name") or attrs.get("property")
            if name and attrs.get("content"):
                self.page.metas.append((name, attrs["content"]))
        text = None
        if attrs.get("class"):
            text = []
            self.page.classes.append((attrs["class"], text))
        if tag not in VOID:
            self.open.append((tag, text))
        if attrs.get("id"):
            self.page.ids.add(attrs["id"])
        if tag == "a" and attrs.get("rel") == "author":
            self.page.author_links += 1


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    return reader.page


def clean_author(author: str, creator_type: str, use_comma: bool) -> dict:
    """ZU.cleanAuthor(author, type, useComma): first and last name of a credited name."""
    # author = author.replace(/^[\s\u00A0\.\,\/\[\]\:]+/, '')
    #   .replace(/[\s\u00A0\.\,\/\[\]\:]+$/, '').replace(/[\s\u00A0]+/, ' ');
    author = re.sub(r"^[\s\u00a0.,/\[\]:]+", "", author)
    author = re.sub(r"[\s\u00a0.,/\[\]:]+$", "", author)
    author = re.sub(r"[\s\u00a0]+", " ", author, count=1)
    first = ""
    if use_comma:
        # author = author.replace(/\.([^ ])/, ". $1"); var splitNames = author.split(/[,،] ?/);
        author = re.sub(r"\.([^ ])", r". \1", author, count=1)
        names = re.split(r"[,،] ?", author)
        last, first = (names[0], names[1]) if len(names) > 1 else (author, "")
    else:
        # do { spaceIndex = author.lastIndexOf(" ", spaceIndex-1); lastName = ...substring(
        #   spaceIndex + 1); firstName = ...substring(0, spaceIndex);
        # } while (!XRegExp('\\pL').test(lastName[0]) && spaceIndex > 0)
        space = len(author)
        while True:
            space = author.rfind(" ", 0, space)  # lastIndexOf(" ", spaceIndex - 1)
            last, first = author[space + 1 :], author[:space] if space > 0 else ""
            if last[:1].isalpha() or space <= 0:
                break
    # (initials get periods: not needed for the names the archive writes)
    return {"firstName": first.strip(), "lastName": last, "creatorType": creator_type}


def _content(page: Page, name: str, strict: bool = False) -> list[str]:
    # getContent: meta[substring(@name, string-length(@name)-n)="name"] (a suffix match)
    return [value for key, value in page.metas if (key == name if strict else key.endswith(name))]


def highwire_creators(values: list[str], role: str, page: Page) -> list[dict]:
    """processHighwireCreators(creatorNodes, role, doc)."""
    creators, last_creator = [], None
    for value in values:
        names = re.split(r"\s*;\s*", value)  # creatorNode.nodeValue.split(/\s*;\s*/)
        if len(names) == 1 and len(values) == 1:
            by_comma = re.split(r"\s*,\s*", names[0])
            # (the Spanish-name exception needs citation_language es: not ours)
            spanish = len(by_comma) == 2 and _first(page, "citation_language") in (
                "es",
                "spa",
                "Spanish",
                "español",
            )
            if len(by_comma) > 1 and " " in by_comma[0] and " " in by_comma[1] and not spanish:
                names = by_comma
        for name in names:
            name = name.strip()
            # if (!creator || !creator.match(/[^\s,-.;]/)) continue;
            if not name or not re.search(r"[^\s,\-.;]", name):
                continue
            if last_creator and name == last_creator:
                continue
            last_creator = name
            creators.append(clean_author(name, role, "," in name))
    return creators


def _first(page: Page, name: str) -> str:
    found = _content(page, name)
    return found[0] if found else ""


def statements(page: Page) -> tuple[list[tuple[str, str]], str, str]:
    """init(): the RDF statements the meta tags make, and the Highwire type and guess."""
    found, hw_type, hw_guess = [], "", ""
    for tags, value in page.metas:
        for tag in tags.split():
            parts = re.split(r"[.:_]", tag)
            prefix, length = "", 0
            if len(parts) > 2:  # e.g. og:video:release_date
                prefix, length = parts[1].lower(), len(parts[0]) + len(parts[1]) + 1
            if not prefix or prefix not in PREFIXES:
                prefix, length = parts[0].lower(), len(parts[0])
            if prefix in PREFIXES:
                prop = tag[length + 1 :]
                prop = prop[:1].lower() + prop[1:]
                found.append((PREFIXES[prefix] + prop, value))
                continue
            # var shortTag = tag.slice(tag.lastIndexOf('citation_'));  (-1 slices the last char)
            short = tag[tag.rfind("citation_") :] if "citation_" in tag else tag[-1:]
            if short == "citation_journal_title":
                hw_type = "journalArticle"
            elif short == "citation_technical_report_institution":
                hw_type = "report"
            elif short in ("citation_conference_title", "citation_conference"):
                hw_type = "conferencePaper"
            elif short in ("citation_book_title", "citation_inbook_title"):
                hw_type = "bookSection"
            elif short == "citation_dissertation_institution":
                hw_type = "thesis"
            elif short in ("citation_title", "citation_series_title"):
                hw_guess = hw_guess or "journalArticle"
            elif short == "citation_isbn":
                hw_guess = "book"
    return found, hw_type, hw_guess


def _targets(found, prop: str) -> list[str]:
    return [value for key, value in found if key == prop]


DC_TYPES = {  # RDF.js detectType: the dc:type values that are not Zotero item types
    "book": "book", "patent": "patent", "report": "report", "thesis": "thesis",
    "bookitem": "bookSection", "conferenceitem": "conferencePaper",
    "conferencepaper": "conferencePaper", "conferenceposter": "conferencePaper",
    "dataset": "dataset", "article": "journalArticle", "journalitem": "journalArticle",
    "journalarticle": "journalArticle", "submittedjournalarticle": "journalArticle",
    "text.serial.journal": "journalArticle", "newsitem": "newspaperArticle",
    "scholarlytext": "journalArticle", "workingpaper": "report", "authoredbook": "book",
    "bookchapter": "bookSection", "bachelorthesis": "thesis", "masterthesis": "thesis",
    "doctoralthesis": "thesis", "electronicbook": "book", "homepage": "webpage",
    "webpage": "webpage", "illustration": "artwork", "map": "map",
}  # fmt: skip
DC_GUESSES = {
    "musicitem": "audioRecording", "event": "presentation", "image": "artwork",
    "movingimage": "videoRecording", "software": "computerProgram", "sound": "audioRecording",
    "stillimage": "artwork", "text": "journalArticle",
}  # fmt: skip
OG_TYPES = {
    "video.movie": "videoRecording", "video.episode": "videoRecording",
    "video.tv_show": "videoRecording", "video.other": "videoRecording", "book": "book",
    "music.song": "audioRecording", "music.album": "audioRecording", "website": "webpage",
}  # fmt: skip
PRISM_AGGREGATION = {
    "book": "bookSection", "journal": "journalArticle", "magazine": "magazineArticle",
    "newsletter": "newspaperArticle",
}  # fmt: skip


def detect_type(found, default_unknown: str) -> str:
    """RDF.js detectType(newItem, node, ret) for the statements our tags can make."""
    t: dict[str, str] = {}
    # type = getFirstResults(node, [n.dc + "type", n.dc1_0 + "type", n.dcterms + "type"], true);
    types = _targets(found, DC + "type") or _targets(found, DCTERMS + "type")
    if types:
        dc_type = types[0]
        # if (isNaN(parseInt(type)) && ZU.itemTypeExists(type)) t.dc = type;
        if not re.match(r"\s*[+-]?\d", dc_type) and dc_type in ZOTERO_ITEM_TYPES:
            t["dc"] = dc_type
        else:
            key = re.sub(r"\s", "", dc_type.lower())
            if key in DC_TYPES:
                t["dc"] = DC_TYPES[key]
            elif key in DC_GUESSES:
                t["dcGuess"] = DC_GUESSES[key]
    og = (_targets(found, OG + "type") or [""])[0]
    if og in OG_TYPES:
        t["og"] = OG_TYPES[og]
    elif og == "article":
        t["ogGuess"] = "journalArticle"
    aggregation = (_targets(found, PRISM + "aggregationtype") or [""])[0]
    if aggregation in PRISM_AGGREGATION:
        t["prism"] = PRISM_AGGREGATION[aggregation]
    # var itemType = t.zotero || t.bib || t.prism || t.eprints || t.og || t.dc || t.so
    #   || exports.defaultUnknownType || t.zoteroGuess || t.bibGuess || t.prismGuess
    #   || t.ogGuess || t.dcGuess || t.soGuess;
    for key in ("prism", "og", "dc"):
        if t.get(key):
            return t[key]
    return default_unknown or t.get("ogGuess") or t.get("dcGuess") or ""


@dataclass
class Saved:
    item_type: str
    title: str
    creators: list[dict]
    publication_title: str


def save(html: str) -> Saved:
    """What Zotero saves from the page: its item type, title, creators, publication."""
    page = read(html)
    found, hw_type, hw_guess = statements(page)
    heuristic = (
        "blogPost" if page.ids & {"wp-block-library-css", "wp-block-library-inline-css"} else ""
    )
    if found:
        # rdf.defaultUnknownType = hwTypeGuess || generatorType || heuristicType
        #   || (nodes.length ? "webpage" : false);
        default_unknown = hw_guess or heuristic or "webpage"
        # else if (hwType) _itemType = hwType; else _itemType = rdf.detectType(...)
        item_type = hw_type or detect_type(found, default_unknown)
    else:
        item_type = hw_type or hw_guess
    # RDF importItem: creators from [so:author, so:creator, dc:creator, ..., dc:contributor]
    rdf_authors = next(
        (values for prop in ("creator", "contributor") if (values := _targets(found, DC + prop))),
        [],
    )
    rdf_creators = [clean_author(name, "author", "," in name) for name in rdf_authors]
    # addHighwireMetadata: highwire authors and editors replace the RDF creators
    authors = _content(page, "citation_author") or _content(page, "citation_authors")
    editors = _content(page, "citation_editor") or _content(page, "citation_editors")
    creators = highwire_creators(authors, "author", page) + highwire_creators(
        editors, "editor", page
    )
    creators = creators or rdf_creators
    if not creators:
        creators = low_quality_creators(page)
    title = _first(page, "citation_title") or next(iter(_targets(found, DC + "title")), "")
    publication = (
        _first(page, "citation_journal_title")
        or _first(page, "citation_inbook_title")
        or next(iter(_targets(found, PRISM + "publicationName")), "")
        or next(iter(_targets(found, DC + "source")), "")
    )
    return Saved(item_type, title, creators, publication)


BYLINE_CLASSES = ("byline", "bylines", "vcard", "article-byline")


def low_quality_creators(page: Page) -> list[dict]:
    """addLowQualityMetadata: meta author, then og authors, then a byline on the page."""
    # doc.querySelectorAll('meta[name="author" i], meta[property="author" i]')
    named = [value for key, value in page.metas if key.lower() == "author"]
    named = [value for value in named if re.search(r"[^\s,\-.;]", value)]
    if named and named != ["Condé Nast"]:
        return [clean_author(name, "author", False) for name in dict.fromkeys(named)]
    og_authors = [value for key, value in page.metas if key == "article:author"]
    if og_authors:
        return [clean_author(name, "author", False) for name in og_authors]
    # getAuthorFromByline: elements whose class contains "byline", "vcard"... (any case), or
    # exactly one non-empty a[rel="author"]; the byline's text becomes the author.
    # if (!bylineElement.innerText?.trim()) continue;
    bylined = [
        "".join(text).strip()
        for value, text in page.classes
        if any(name in value.lower() for name in BYLINE_CLASSES) and "".join(text).strip()
    ]
    if bylined or page.author_links == 1:
        return [{"byline": bylined[0] if bylined else "a[rel=author]", "creatorType": "author"}]
    return []
