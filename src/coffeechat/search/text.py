"""Words as the index sees them, and highlighted snippets: the same for both databases.

Text is folded before either database sees it (accents removed, case folded, split into words of
letters and digits), so SQLite's FTS5 and PostgreSQL's 'simple' configuration match exactly the same
words, and no character of a query can reach a query syntax: a query is only ever a list of words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

# Longer "words" are noise (a pasted key, a data URL): cut in pieces of this length.
MAX_WORD_LENGTH = 60
# Letters and digits; an underscore, a hyphen or an apostrophe separates words, as in FTS5.
_WORD = re.compile(rf"[^\W_]{{1,{MAX_WORD_LENGTH}}}")
MAX_QUERY_WORDS = 4
# A one-letter word would match most of the index as a prefix: it matches whole words only.
MIN_PREFIX_LENGTH = 2
SNIPPET_LENGTH = 180
_SEPARATORS = " ·,;"
# Letters that lose their accent without decomposing (as FTS5's remove_diacritics does), and the
# combining accents of the Basic Multilingual Plane, to delete after decomposing.
_UNACCENT = {
    **{ord(letter): base for letter, base in zip("øØłŁđĐħĦıŧŦ", "oOlLdDhHitT", strict=True)},
    **{code: None for code in range(0x10000) if unicodedata.combining(chr(code))},
}


def fold(text: str) -> str:
    """Lower case without accents: “Amélie Øster” → “amelie oster”."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).translate(_UNACCENT).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def indexed(*parts: str) -> str:
    """The folded words of some texts, as stored for the index."""
    return " ".join(words(" ".join(parts)))


@dataclass(frozen=True)
class Term:
    """A word to look for: as a whole word, or as the start of one (the word being typed)."""

    word: str
    prefix: bool = False


def query_terms(query: str) -> list[Term]:
    """The first MAX_QUERY_WORDS distinct words of what was typed.

    The last one is still being typed, unless a space follows it: it matches as the start of a
    word (``acm`` finds Acme), if it has at least two letters. The others match whole words,
    which keeps a query of common words fast on PostgreSQL (a prefix there reads every word it
    starts, for each group of hits).
    """
    typed = words(query)
    if not typed:
        return []
    last = len(typed) - 1 if not query[-1:].isspace() else -1
    terms: dict[str, bool] = {}
    for position, word in enumerate(typed):
        prefix = position == last and len(word) >= MIN_PREFIX_LENGTH
        terms[word] = terms.get(word, False) or prefix
    return [Term(word, prefix) for word, prefix in terms.items()][:MAX_QUERY_WORDS]


def _pattern(wanted: Sequence[Term]) -> re.Pattern[str]:
    """Where the terms match in folded text: a word that starts with one (or is one)."""
    alternatives = [
        re.escape(term.word) + (r"[^\W_]*" if term.prefix else r"(?![^\W_])")
        for term in sorted(wanted, key=lambda term: len(term.word), reverse=True)
    ]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")


_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def _folded(text: str) -> tuple[str, list[int] | None]:
    """The folded text, and where each of its characters comes from (None: the same place)."""
    if text.isascii():
        return text.lower(), None
    pieces: list[str] = []
    origins: list[int] = []
    for run in _RUNS.finditer(text):  # ASCII runs keep their length; the rest char by char
        if run.group().isascii():
            pieces.append(run.group().lower())
            origins.extend(range(run.start(), run.end()))
            continue
        for position in range(run.start(), run.end()):
            folded = fold(text[position])
            pieces.append(folded)
            origins.extend([position] * len(folded))
    origins.append(len(text))
    return "".join(pieces), origins


def _spans(text: str, wanted: Sequence[Term]) -> list[tuple[int, int]]:
    folded, origins = _folded(text)
    spans = []
    for match in _pattern(wanted).finditer(folded):
        start, end = match.span()
        if origins is not None:
            start, end = origins[start], origins[end - 1] + 1
        spans.append((start, end))
    return spans


def _window(text: str, spans: list[tuple[int, int]], length: int) -> tuple[int, int]:
    """About ``length`` characters from a little before the first match, cut between words."""
    if len(text) <= length:
        return 0, len(text)
    start = 0
    if spans:
        first = spans[0][0]
        start = max(0, first - length // 4)
        space = text.find(" ", start, first)
        if start and space >= 0:
            start = space + 1
    end = min(len(text), start + length)
    space = text.rfind(" ", start, end)
    if end < len(text) and space > start + length // 2:
        end = space
    # No separator left dangling next to the "…".
    while 0 < start < end and text[start] in _SEPARATORS:
        start += 1
    while start < end < len(text) and text[end - 1] in _SEPARATORS:
        end -= 1
    return start, end


def highlight(text: str, wanted: Sequence[Term], length: int = SNIPPET_LENGTH) -> str:
    """HTML: a window of ``text`` around the first match, escaped, each match in ``<mark>``."""
    flat = " ".join(text.split())
    spans = _spans(flat, wanted)
    start, end = _window(flat, spans, length)
    pieces: list[str] = ["…" if start > 0 else ""]
    position = start
    for span_start, span_end in spans:
        if span_end <= position or span_start >= end:
            continue
        span_start, span_end = max(span_start, position), min(span_end, end)
        pieces.append(escape(flat[position:span_start]))
        pieces.append(f"<mark>{escape(flat[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(flat[position:end]))
    pieces.append("…" if end < len(flat) else "")
    return "".join(pieces)


def joined(parts: Iterable[str], separator: str = " · ") -> str:
    return separator.join(part.strip() for part in parts if part and part.strip())
