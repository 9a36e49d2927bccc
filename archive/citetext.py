"""Markdown with Pandoc-style citation markers: `[@source-slug]`, `[@source-slug, p. 4]`,
`[see @a, p. 2; @b]`.

One parser serves validation (admin errors name the marker), the record's `Citation` rows
(written by `Citation.objects.sync_with_text`, next to the model), renaming keys, and rendering
numbered footnotes into sanitised HTML. This module parses and renders only: it imports no
model. Sources are found through a lookup, `keys -> {key: source}`, that resolves old slugs
too (`archive.models.citations.sources_by_key`, registered with `set_source_lookup`).
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import nh3
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from markdown_it import MarkdownIt

# A bracketed group with an @ that starts a word: Pandoc's citation syntax.
GROUP_RE = re.compile(r"\[(?P<body>(?:[^\[\]]*?[\s;])?-?@[^\[\]]*)\]")
ITEM_RE = re.compile(
    r"^(?P<prefix>(?:[^@;]*\s)?)-?@(?P<key>[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*)"
    r"(?:\s*,\s*(?P<locator>[^;]+?))?\s*$"
)
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+$")
UNCLOSED_RE = re.compile(r"\[(?:[^\[\]]*?\s)?-?@[^\]]*$")
PLACEHOLDER = "\u2063CITE{}\u2063"  # invisible separators survive Markdown untouched

markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": True})
markdown.enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3",
    "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub",
}  # fmt: skip


@dataclass(frozen=True)
class Cite:
    key: str
    locator: str = ""
    prefix: str = ""


@dataclass
class Marker:
    text: str
    start: int
    end: int
    cites: list[Cite] = field(default_factory=list)
    error: str = ""


def find_markers(text: str) -> list[Marker]:
    markers = []
    for match in GROUP_RE.finditer(text or ""):
        marker = Marker(match.group(0), match.start(), match.end())
        for item in match.group("body").split(";"):
            item_match = ITEM_RE.match(item.strip())
            if not item_match or not SLUG_RE.match(item_match.group("key")):
                marker.error = gettext(
                    "The citation marker “%(marker)s” is malformed: write [@source-key] or "
                    "[@source-key, p. 4]; separate several sources with ;."
                ) % {"marker": marker.text}
                marker.cites = []
                break
            marker.cites.append(
                Cite(
                    key=item_match.group("key"),
                    locator=(item_match.group("locator") or "").strip(),
                    prefix=item_match.group("prefix").strip(),
                )
            )
        markers.append(marker)
    return markers


SourceLookup = Callable[[Iterable[str]], dict]  # keys -> {key: source}, old slugs included
_source_lookup: SourceLookup | None = None


def set_source_lookup(lookup: SourceLookup) -> None:
    """The lookup `render` uses when it is given none (set by `archive.models.citations`)."""
    global _source_lookup
    _source_lookup = lookup


def _lookup(lookup: SourceLookup | None, keys) -> dict:
    lookup = lookup or _source_lookup
    keys = set(keys)
    return lookup(keys) if lookup is not None and keys else {}


def cites_in(text: str) -> list[Cite]:
    """Every well-formed citation in `text`, in order."""
    return [cite for marker in find_markers(text) for cite in marker.cites]


KEY_RE = re.compile(r"(?<=@)(?P<key>[A-Za-z0-9_][A-Za-z0-9_:.#$%&+?<>~/-]*)")


def rename_keys(text: str, renamed: dict[str, str]) -> str:
    """`text` with each marker's keys in `renamed` (old slug -> current slug) replaced."""
    pieces, cursor = [], 0
    for marker in find_markers(text):
        if marker.error:
            continue

        def replace(match):
            key = match.group("key")
            stripped = key.rstrip(",;")  # “@old,” : the comma is the locator's
            return renamed.get(stripped, stripped) + key[len(stripped) :]

        pieces += [text[cursor : marker.start], KEY_RE.sub(replace, marker.text)]
        cursor = marker.end
    return "".join(pieces) + text[cursor:]


def validate_markers(text: str, field: str = "text", lookup: SourceLookup | None = None) -> None:
    """Raise ValidationError naming every malformed marker and every unknown source key."""
    errors = []
    for line in (text or "").splitlines():
        unclosed = UNCLOSED_RE.search(line)
        if unclosed:
            errors.append(
                gettext("The citation marker “%(marker)s” is not closed with ].")
                % {"marker": unclosed.group(0)[:60]}
            )
    markers = find_markers(text)
    errors += [marker.error for marker in markers if marker.error]
    keys = [cite.key for marker in markers for cite in marker.cites]
    known = _lookup(lookup, keys)
    for marker in markers:
        for cite in marker.cites:
            if cite.key not in known:
                errors.append(
                    gettext(
                        "The citation marker “%(marker)s” names an unknown source key "
                        "“%(key)s”: no source has that slug."
                    )
                    % {"marker": marker.text, "key": cite.key}
                )
    if errors:
        raise ValidationError({field: list(dict.fromkeys(errors))})


@dataclass
class Footnote:
    number: int
    entries: list[dict]  # each: source (or None), key, locator, prefix, quotation
    anchor: str = ""
    ref_anchor: str = ""


@dataclass
class RenderedText:
    html: SafeString
    footnotes: list[Footnote]


def render(
    text: str,
    *,
    citations=(),
    start: int = 1,
    anchor_prefix: str = "fn",
    public: bool = True,
    lookup: SourceLookup | None = None,
) -> RenderedText:
    """Render Markdown to sanitised HTML with numbered footnote references.

    `citations` (the record's Citation rows, sources selected) supply quotations and avoid a
    query; a source that is not published is named without a link on the public site.
    """
    markers = find_markers(text or "")
    by_source = {}
    for citation in citations:
        by_source.setdefault((citation.source_id, citation.locator), citation)
    sources = {citation.source.slug: citation.source for citation in citations}
    # Keys no citation row names: sources not cited by a row, or named by an old slug.
    missing = {cite.key for marker in markers for cite in marker.cites} - set(sources)
    sources.update(_lookup(lookup, missing))

    footnotes, pieces, cursor = [], [], 0
    for marker in markers:
        pieces.append(text[cursor : marker.start])
        cursor = marker.end
        if marker.error or not marker.cites:
            pieces.append(marker.text)
            continue
        number = start + len(footnotes)
        entries = []
        for cite in marker.cites:
            source = sources.get(cite.key)
            citation = None
            if source is not None:
                citation = by_source.get((source.pk, cite.locator))
            if source is not None and public and not source.is_published:
                source = None
            entries.append(
                {
                    "source": source,
                    "key": cite.key,
                    "locator": cite.locator,
                    "prefix": cite.prefix,
                    "quotation": citation.quotation if citation else "",
                }
            )
        footnotes.append(
            Footnote(
                number=number,
                entries=entries,
                anchor=f"{anchor_prefix}-{number}",
                ref_anchor=f"{anchor_prefix}-ref-{number}",
            )
        )
        pieces.append(PLACEHOLDER.format(number))
    pieces.append((text or "")[cursor:])

    html = nh3.clean(
        markdown.render("".join(pieces)),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
    for footnote in footnotes:
        ref = (
            f'<sup class="footnote-ref"><a href="#{footnote.anchor}" id="{footnote.ref_anchor}" '
            f'aria-describedby="footnotes-label">{footnote.number}</a></sup>'
        )
        html = html.replace(escape(PLACEHOLDER.format(footnote.number)), ref)
        html = html.replace(PLACEHOLDER.format(footnote.number), ref)
    return RenderedText(html=mark_safe(html), footnotes=footnotes)
