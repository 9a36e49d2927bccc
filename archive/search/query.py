"""Web-search syntax, parsed once in Python for both databases.

`Aliyev "January tragedy" or Baku -Moscow` means: aliyev AND ("january tragedy" OR baku) AND
NOT moscow. `or` binds two neighbours, as in web search engines (PostgreSQL's own
`websearch_to_tsquery` reads `a b or c` as `(a AND b) OR c`, so we build the tsquery
ourselves). Every word is folded (archive.search.folding), so what reaches a database is only
[a-z0-9] words and operators we write: no input can produce a syntax error there.
"""

import re
from dataclasses import dataclass, field

from .folding import WORD_RE, fold_word

MAX_INPUT = 1000  # characters of a query that are read
MAX_WORDS = 32
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|([^\s"]+)')


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]

    def tsquery(self) -> str:
        return " <-> ".join(self.words)

    def fts5(self) -> str:
        return '"' + " ".join(self.words) + '"'


@dataclass
class ParsedQuery:
    text: str = ""
    clauses: list[list[Phrase]] = field(default_factory=list)  # AND of ORs
    excluded: list[Phrase] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def words(self) -> set[str]:
        return {w for clause in self.clauses for phrase in clause for w in phrase.words}

    def tsquery(self) -> str:
        """For PostgreSQL's to_tsquery('simple', ...)."""
        parts = [
            "(" + " | ".join(p.tsquery() for p in clause) + ")" if len(clause) > 1 else
            clause[0].tsquery()
            for clause in self.clauses
        ]  # fmt: skip
        parts += [f"!({p.tsquery()})" for p in self.excluded]
        return " & ".join(parts)

    def fts5(self) -> str:
        """For SQLite's FTS5 MATCH."""
        expr = " AND ".join("(" + " OR ".join(p.fts5() for p in c) + ")" for c in self.clauses)
        if self.excluded:
            expr = f"({expr}) NOT (" + " OR ".join(p.fts5() for p in self.excluded) + ")"
        return expr

    def positive(self) -> "ParsedQuery":
        """The query without its exclusions."""
        return ParsedQuery(self.text, self.clauses, [])

    def excluded_fts5(self) -> str:
        return " OR ".join(p.fts5() for p in self.excluded)

    def with_alternatives(self, alternatives: dict[str, list[str]]) -> "ParsedQuery":
        """The same query where single words may also be any of their `alternatives`."""
        clauses = []
        for clause in self.clauses:
            extended = list(clause)
            for phrase in clause:
                if len(phrase.words) == 1:
                    for word in alternatives.get(phrase.words[0], ()):
                        if Phrase((word,)) not in extended:
                            extended.append(Phrase((word,)))
            clauses.append(extended)
        return ParsedQuery(self.text, clauses, list(self.excluded))


def _phrase(text: str) -> Phrase | None:
    keys = [k for k in (fold_word(w) for w in WORD_RE.findall(text)) if k]
    return Phrase(tuple(keys[:MAX_WORDS])) if keys else None


def parse(text: str) -> ParsedQuery:
    """Any string to a query; what cannot be understood is left out, never an error."""
    text = _CONTROL_RE.sub(" ", (text or "")[:MAX_INPUT])
    parsed = ParsedQuery(text=text.strip())
    pending_or = False
    budget = MAX_WORDS
    for match in _TOKEN_RE.finditer(text):
        negated, quoted, bare = match.groups()
        if bare is not None:
            if bare.lower() == "or":
                pending_or = bool(parsed.clauses)
                continue
            negated = "-" if bare.startswith("-") else ""
            quoted = bare[1:] if negated else bare
        phrase = _phrase(quoted)
        if phrase is None or budget <= 0:
            continue
        budget -= len(phrase.words)
        if negated:
            if phrase not in parsed.excluded:
                parsed.excluded.append(phrase)
        elif pending_or:
            if phrase not in parsed.clauses[-1]:
                parsed.clauses[-1].append(phrase)
        elif [phrase] not in parsed.clauses:
            parsed.clauses.append([phrase])
        pending_or = False
    return parsed
