"""Text folding: one function, applied identically before indexing and before querying.

Stock `unaccent` and SQLite's `remove_diacritics` neither fold the Azerbaijani schwa nor
transliterate Cyrillic, so we fold ourselves, word by word, into plain ASCII keys:

1. lower-case; Azerbaijani and Cyrillic letters through our own table (Ə→a, ı→i, ş→s,
   Ш→sh, Х→kh, Ы→i as Azerbaijani ı...);
2. NFKD and drop combining marks (é→e, ñ→n), then Unidecode for every other script;
3. keep only [a-z0-9], then a few spelling rules that make common romanisations meet:
   sh→s, ch→c, zh→z, kh→h, iy→i (Aliyev, Əliyev, Алиев, Aliev → "aliev";
   Şuşa, Шуша, Shusha → "susa"; Горбачёв, Gorbachev → "gorbacev").

`fold_words()` keeps one folded key per original word (a placeholder where nothing is left),
so that a match in the folded text maps back to the original word for highlighting.
"""

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

# Words as the index sees them: runs of letters and digits (any script).
WORD_RE = re.compile(r"[^\W_]+")
EMPTY = "_"  # stands for a word that folds to nothing; never matches a query word
MAX_WORD = 60

_LETTERS = {
    # Azerbaijani (Latin) letters beside their plain Latin twins.
    "ə": "a", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ß": "ss",
    # Cyrillic (Russian, Azerbaijani, Ukrainian, Kazakh letters), Latin-script like.
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e",
    "є": "ye", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "y",
    "к": "k", "ҝ": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u", "ұ": "u", "ў": "u", "ф": "f",
    "х": "kh", "һ": "h", "ц": "ts", "ч": "ch", "ҹ": "c", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a",
}  # fmt: skip
_TABLE = str.maketrans(_LETTERS)
_NOT_KEY = re.compile(r"[^a-z0-9]+")
# Romanisation variants that should meet, applied in this order.
_RULES = [
    (re.compile(r"shch"), "s"),
    (re.compile(r"sh"), "s"),
    (re.compile(r"ch"), "c"),
    (re.compile(r"zh"), "z"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"iy"), "i"),
    (re.compile(r"ii\b"), "i"),
]


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The search key of one word: ASCII letters and digits, or "" if nothing is left."""
    text = word[:MAX_WORD].lower().translate(_TABLE)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if not text.isascii():
        text = unidecode(text).lower()
    text = _NOT_KEY.sub("", text)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def words(text: str) -> list[str]:
    return WORD_RE.findall(text or "")


@lru_cache(maxsize=200_000)
def _folded_or_empty(word: str) -> str:
    return fold_word(word) or EMPTY


def fold_words(text: str) -> str:
    """The folded text, one key per original word, joined by single spaces."""
    return " ".join(map(_folded_or_empty, WORD_RE.findall(text or "")))


def fold(text: str) -> str:
    """Folded keys of the words in `text`, without placeholders: for queries and comparison."""
    return " ".join(key for key in (fold_word(w) for w in WORD_RE.findall(text or "")) if key)
