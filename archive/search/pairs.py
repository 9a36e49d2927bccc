"""Adjacent word pairs, for narrowing a phrase search on PostgreSQL (its `word_pairs` column).

GIN keeps no word positions, so `"martial law"` alone finds every record holding both words
and rechecks each one's long vector. Each record's row therefore keeps a key for every pair
of neighbouring words (a GIN-indexed integer array), and a phrase asks the index for its pairs
first; the phrase itself (`<->`) is still checked on the few rows left.

The pairs are made here, in Python, while a record is indexed: computing them in PostgreSQL
(a generated column) was most of the server's share of a rebuild, and integer keys make a
smaller, faster index than text lexemes. They must be a *superset* of what `<->` can match in
the record's `search_vector` (title, names and text, folded, joined with `||`), or a phrase
would be missed; where PostgreSQL's positions are not simply the words' order, more pairs are
added rather than fewer:

- a word of letters and digits mixed may be read as several tokens (`5e5e` is `5e5` and `e`):
  its runs of letters and of digits pair with each other and with its neighbours;
- a word found more than 256 times in the title, or in title and names, loses positions, and
  what follows is shifted to the highest one kept: the next part's first word then pairs with
  every word before it;
- positions stop at 16,383: every word from there on shares it, and pairs with the word
  before it (whose place is known only within the extra tokens mixed words may make).
"""

import re
import zlib
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from .folding import EMPTY

LAST_POSITION = 16383  # tsvector positions stop here
POSITIONS_KEPT = 250  # per word (PostgreSQL keeps 256; fewer here, to be safe)
_RUNS = re.compile(r"[a-z]+|[0-9]+")
_PLAIN = re.compile(r"[a-z]+|[0-9]+")  # a word PostgreSQL's parser reads as one token


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode())


def pair_key(first: str, second: str) -> int:
    """The same integer in every process and for every client (crc32, not `hash()`)."""
    return _combine(_word_hash(first), _word_hash(second))


def _combine(first: int, second: int) -> int:
    return ((first * 0x9E3779B1) ^ second) & 0x7FFFFFFF


def one_token(word: str) -> bool:
    return word.isalpha() or word.isdigit()  # folded words are [a-z0-9]+


def phrase_keys(words: list[str]) -> list[int] | None:
    """The keys of a phrase's pairs, or None if a word is not read as one token for certain."""
    if len(words) < 2 or not all(_PLAIN.fullmatch(word) for word in words):
        return None
    return list(dict.fromkeys(pair_key(a, b) for a, b in pairwise(words)))


def document_keys(title_folded: str, names_folded: str, text_folded: str) -> str:
    """The keys of every pair `<->` could match in a record's folded title, names and text,
    as PostgreSQL writes an integer array (`{1,2,3}`: COPY and a parameter take it as it is;
    psycopg's own list adapter was a fifth of a rebuild)."""
    parts = [
        [w for w in (part or "").split() if w != EMPTY]
        for part in (title_folded, names_folded, text_folded)
    ]
    words = [word for part in parts for word in part]
    hashes = list(map(_word_hash, words))
    keys = {_combine(a, b) for a, b in pairwise(hashes)}
    pairs: set[tuple[str, str]] = set()
    extra = 0  # tokens mixed words may add
    for i, word in enumerate(words):
        if one_token(word):
            continue
        runs = _RUNS.findall(word)
        extra += len(runs) - 1
        pairs.update(pairwise(runs))
        if i:
            pairs.add((words[i - 1], runs[0]))
        if i + 1 < len(words):
            pairs.add((runs[-1], words[i + 1]))
    before: list[str] = []
    for i, part in enumerate(parts[:-1]):
        before += part
        first = next((later[0] for later in parts[i + 1 :] if later), None)
        crowded = len(before) > POSITIONS_KEPT and max(Counter(before).values()) > POSITIONS_KEPT
        if first and crowded:
            pairs.update((word, first) for word in set(before))
    if len(words) + extra >= LAST_POSITION - 1:
        # The word at the next-to-last position is one of these (0-based, mixed words' tokens
        # counted or not); each pairs with every word after it.
        low = max(0, LAST_POSITION - 2 - extra)
        later = set(words[low:])
        later.update(run for word in later.copy() for run in _RUNS.findall(word))
        for word in set(words[low : LAST_POSITION - 1]):
            for token in {word, *_RUNS.findall(word)}:
                pairs.update((token, other) for other in later)
    keys.update(pair_key(a, b) for a, b in pairs)
    return "{" + ",".join(map(str, sorted(keys))) + "}"
