"""One ranked search over everything a user has: SQLite FTS5 or PostgreSQL full-text search.

The last word typed matches the start of words (``acm`` finds Acme), the others whole words
(see text.query_terms); the words are ORed. Hits come in the same order on both databases:

1. those matching more of the words;
2. then those with a word in their title (a name, an organization, a question);
3. then by kind: people, organizations, interviews, notes, debriefs, resources;
4. then the most recently added first.

So "acme data" lists Acme itself, the people at Acme, then the notes that mention data.
Recency stands where a relevance score (bm25, ts_rank) could: a score is computed for every
match before the best twenty are known (measured: a quarter of a second for a word in most of
130,000 notes), and the two databases score differently. Here each group of steps 1-2 is one
full-text query that reads one user's ids from the highest down (ids put kinds in the order of
step 3, see models.entry_id) and stops at the page size; the groups are chained in one
statement that stops as soon as the page is full, so a common word costs about what a rare
one does.

Two queries per search whatever the number of hits: the ranking, then the hits' links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.urls import NoReverseMatch, reverse

from coffeechat.interviews.models import Interview
from coffeechat.people.models import Person
from coffeechat.search.models import (
    KIND_OF_SOURCE,
    OBJECT_BITS,
    SOURCE_BITS,
    SOURCE_CODES,
    Kind,
    SearchEntry,
    Source,
    owner_range,
)
from coffeechat.search.text import Term, highlight, query_terms

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


@dataclass(frozen=True)
class Hit:
    kind: Kind
    id: int  # the id of the person, organization, note… itself
    title: str
    url: str
    snippet_html: str  # escaped text around the first match, matches in <mark>
    rank: int  # 1 for the best hit
    context: str = ""  # whom, or which conversation, it is about
    dated: datetime | None = None


# ----------------------------------------------------------------------- query expressions


@dataclass(frozen=True)
class _Syntax:
    """How a full-text query language says a word (as a prefix), and, or, but not."""

    term: Callable[[Term], str]
    both: str
    either: str
    but_not: Callable[[str, str], str]

    def all_of(self, parts: Sequence[str]) -> str:
        return parts[0] if len(parts) == 1 else "(" + self.both.join(parts) + ")"

    def any_of(self, parts: Sequence[str]) -> str:
        return parts[0] if len(parts) == 1 else "(" + self.either.join(parts) + ")"

    def at_least(self, count: int, parts: Sequence[str]) -> str:
        return self.any_of([self.all_of(chosen) for chosen in combinations(parts, count)])

    def matching(self, count: int, wanted: Sequence[Term], title: str = "", but: str = "") -> str:
        """Rows with exactly ``count`` of the words, and ``title`` too, and not ``but``."""
        terms = [self.term(term) for term in wanted]
        positive = self.at_least(count, terms)
        if title:
            positive = self.all_of([positive, title])
        negative = [self.at_least(count + 1, terms)] if count < len(wanted) else []
        if but:
            negative.append(but)
        return self.but_not(positive, self.any_of(negative)) if negative else positive


def _fts5_term(term: Term) -> str:
    return f'"{term.word}"*' if term.prefix else f'"{term.word}"'


def _tsquery_term(term: Term) -> str:
    return f"'{term.word}':*" if term.prefix else f"'{term.word}'"


FTS5 = _Syntax(_fts5_term, " AND ", " OR ", lambda yes, no: f"({yes}) NOT ({no})")
TSQUERY = _Syntax(_tsquery_term, " & ", " | ", lambda yes, no: f"({yes}) & !({no})")

# Each group lists one user's matching ids from the highest down and stops at the page size.
_SQLITE_GROUP = """SELECT * FROM (
    SELECT rowid AS id FROM search_fts
    WHERE search_fts MATCH %s AND rowid >= %s AND rowid <= %s {only}
    ORDER BY rowid DESC LIMIT %s)"""
_POSTGRESQL_GROUP = """(
    SELECT id FROM search_searchentry
    WHERE id >= %s AND id <= %s AND document @@ %s::tsquery
    AND {negation} title_document @@ %s::tsquery {only}
    ORDER BY id DESC LIMIT %s)"""


def _groups(wanted: Sequence[Term]) -> list[tuple[int, bool]]:
    """(how many of the words, one of them in the title?), best group first."""
    return [(count, in_title) for count in range(len(wanted), 0, -1) for in_title in (True, False)]


def _ranking(
    user: User, wanted: Sequence[Term], codes: list[int], limit: int
) -> tuple[str, list[Any]]:
    low, high = owner_range(user.pk)
    postgresql = connection.vendor == "postgresql"
    only = ""
    if codes:  # the source code sits above the object id (models.entry_id)
        column = "id" if postgresql else "rowid"
        listed = ", ".join(str(code) for code in codes)
        only = f"AND (({column} >> {OBJECT_BITS}) & {2**SOURCE_BITS - 1}) IN ({listed})"
    arms: list[str] = []
    params: list[Any] = []
    if postgresql:
        in_titles = TSQUERY.any_of([_tsquery_term(term) for term in wanted])
        for count, in_title in _groups(wanted):
            arms.append(_POSTGRESQL_GROUP.format(negation="" if in_title else "NOT", only=only))
            params += [low, high, TSQUERY.matching(count, wanted), in_titles, limit]
    else:
        in_titles = FTS5.any_of([f"title_words : {_fts5_term(term)}" for term in wanted])
        for count, in_title in _groups(wanted):
            expression = (
                FTS5.matching(count, wanted, title=in_titles)
                if in_title
                else FTS5.matching(count, wanted, but=in_titles)
            )
            arms.append(_SQLITE_GROUP.format(only=only))
            params += [expression, low, high, limit]
    return " UNION ALL ".join(arms) + " LIMIT %s", [*params, limit]


# ----------------------------------------------------------------------------------- links


def _url(entry: SearchEntry) -> str:
    source = entry.source
    if source == Source.PERSON:
        return reverse("person", args=[entry.person_id])
    if source == Source.ORGANIZATION:
        return reverse("organization", args=[entry.organization_id])
    if source == Source.INTERVIEW:
        return reverse("interview", args=[entry.interview_id])
    debrief_shows_it = source in {Source.PLAN_ENTRY, Source.DEBRIEF, Source.RESOURCE}
    if debrief_shows_it and entry.about_interview_id:
        # The debrief page lists the notes taken on each question and the resources too.
        return reverse("interview_debrief", args=[entry.about_interview_id])
    if entry.about_interview_id:
        return reverse("interview", args=[entry.about_interview_id])
    if entry.about_person_id:
        return reverse("person", args=[entry.about_person_id])
    if source == Source.RESOURCE:
        try:
            return reverse("resource_list")
        except NoReverseMatch:  # the resources library is an optional page
            return ""
    return ""


def _context(entry: SearchEntry) -> str:
    if entry.source in {Source.PERSON, Source.ORGANIZATION}:
        return ""
    person = entry.about_person
    interview = entry.about_interview
    if person is None and interview is not None:
        person = interview.person
    parts = [person.name if person else ""]
    if interview is not None and entry.source != Source.INTERVIEW:
        parts.append(interview.topic)
    return " · ".join(part for part in parts if part)


def _hit(entry: SearchEntry, wanted: Sequence[Term], rank: int) -> Hit:
    return Hit(
        kind=KIND_OF_SOURCE[entry.source],
        id=entry.object_id,
        title=entry.title,
        url=_url(entry),
        snippet_html=highlight(entry.body, wanted),
        rank=rank,
        context=_context(entry),
        dated=entry.dated,
    )


# ---------------------------------------------------------------------------------- search


# What the hits' links do not show: only names and topics are read from the linked rows.
_UNUSED_LINK_FIELDS = [
    f"{link}__{field.name}"
    for link, model in (("about_person", Person), ("about_interview", Interview))
    for field in model._meta.concrete_fields
    if field.name not in {"id", "name", "topic", "person"}
] + [
    f"about_interview__person__{field.name}"
    for field in Person._meta.concrete_fields
    if field.name not in {"id", "name"}
]


def _codes_of(kinds: Iterable[str]) -> list[int]:
    wanted = set(kinds)
    return [SOURCE_CODES[source] for source in Source if KIND_OF_SOURCE[source] in wanted]


def search(
    user: User, q: str, limit: int = DEFAULT_LIMIT, kinds: Iterable[str] | None = None
) -> list[Hit]:
    """The user's best hits for what was typed; none for a query without a word."""
    wanted = query_terms(q)
    codes = _codes_of(kinds) if kinds is not None else []
    if not wanted or (kinds is not None and not codes):
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    sql, params = _ranking(user, wanted, codes, limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [row[0] for row in cursor.fetchall()]
    entries = (
        SearchEntry.objects.filter(pk__in=ids)
        .select_related("about_person", "about_interview__person")
        .defer("title_words", "body_words", *_UNUSED_LINK_FIELDS)
    )
    by_id = {entry.pk: entry for entry in entries}
    found = [by_id[pk] for pk in ids if pk in by_id]  # one deleted in between is left out
    return [_hit(entry, wanted, rank) for rank, entry in enumerate(found, start=1)]
