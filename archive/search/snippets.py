"""Snippets and highlighting over the original text, not the folded one: a search for
`Aliyev` marks `Əliyev` and `Алиев` as written. The folded text holds one key per original
word, so the n-th folded key is the n-th word of the original."""

from itertools import islice

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .folding import WORD_RE

SNIPPET_WORDS = 32
BEFORE = 6  # words of context before the first match


def matches(folded: str, words: set[str]) -> list[int]:
    return [i for i, key in enumerate(folded.split(" ")) if key in words] if words else []


def _densest(positions: list[int], width: int) -> int:
    best, best_count, j = positions[0], 0, 0
    for i, start in enumerate(positions[:500]):
        while j < len(positions) and positions[j] < start + width:
            j += 1
        if j - i > best_count:
            best, best_count = start, j - i
    return best


def _render(original: str, start: int, stop: int, marked: set[int], separator: str) -> str:
    """Escaped HTML of words start..stop of `original` and the text between them."""

    def text(value: str) -> str:
        return escape(value).replace("\n", separator)

    out, position = [], None
    for index, match in enumerate(islice(WORD_RE.finditer(original), start, stop), start):
        if position is None:
            out.append("… " if start > 0 else text(original[: match.start()]))
        else:
            out.append(text(original[position : match.start()]))
        word = escape(match.group())
        out.append(f"<mark>{word}</mark>" if index in marked else word)
        position = match.end()
    if position is None:
        return text(original[:300]) if start == 0 else ""
    if WORD_RE.search(original, position):
        out.append(" …")
    else:
        out.append(text(original[position:]))
    return "".join(out)


def highlight(original: str, folded: str, words: set[str]) -> SafeString:
    """All of `original` (a title), escaped, with matching words in <mark>."""
    marked = set(matches(folded, words))
    html = _render(original, 0, len(folded.split(" ")), marked, " ")
    return mark_safe(html)


def snippet(original: str, folded: str, words: set[str], separator: str = " ") -> SafeString:
    """A window of `original` around its densest run of matches, escaped, matches in <mark>."""
    positions = matches(folded, words)
    if not positions:
        return mark_safe(_render(original, 0, SNIPPET_WORDS, set(), separator))
    start = max(0, _densest(positions, SNIPPET_WORDS) - BEFORE)
    marked = {p for p in positions if start <= p < start + SNIPPET_WORDS}
    return mark_safe(_render(original, start, start + SNIPPET_WORDS, marked, separator))
