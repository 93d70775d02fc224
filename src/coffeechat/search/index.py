"""Keeping the index in line with the data: some objects, one account, or everything.

Saves reach ``sync`` through signals (signals.py); writes that bypass signals (bulk imports, the
demo, a ``QuerySet.update`` of an indexed field) call ``sync`` or ``reindex_user`` themselves.
Deletions need nothing: every entry cascades from its source object.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import connection, models, transaction

from coffeechat.search.documents import (
    BUILDERS,
    FIELDS,
    SOURCE_MODELS,
    SOURCE_OF_MODEL,
    Document,
    source_ids,
)
from coffeechat.search.models import SearchEntry, Source, entry_id

BATCH = 1000
# Above this many rows written, SQLite's full-text index is rebuilt in one pass: about five times
# faster than its triggers updating it row by row.
BULK_ROWS = 5000
INSERT_ROWS = 200  # rows per INSERT statement: 2,400 parameters, far below either limit
T = TypeVar("T")


def _batches(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@transaction.atomic
def sync(source: str, ids: Iterable[int], *, create: bool = True) -> int:
    """Bring the entries of these objects in line with them; returns how many rows changed.

    An object that is gone, or has nothing to find (a note without text), has no entry; an entry
    whose content is unchanged is not written, so saving a stage or a date costs one read.
    ``create=False`` only updates or removes existing entries: during a deletion, an object
    about to be deleted too must not be indexed again.
    """
    wanted = sorted(set(ids))
    with _bulk_writes(len(wanted)):
        return _sync(source, wanted, create=create)


@transaction.atomic
def index_objects(objects: Iterable[models.Model]) -> int:
    """Index objects written without signals (``bulk_create``, ``bulk_update``)."""
    ids: dict[str, set[int]] = defaultdict(set)
    for obj in objects:
        ids[SOURCE_OF_MODEL[type(obj)]].add(obj.pk)
    with _bulk_writes(sum(len(pks) for pks in ids.values())):
        return sum(_sync(source, sorted(pks)) for source, pks in ids.items())


def _sync(source: str, wanted: list[int], *, create: bool = True) -> int:
    key = f"{source}_id"
    changed = 0
    for chunk in _batches(wanted):
        documents = dict(BUILDERS[source](list(chunk)))
        existing = {
            getattr(entry, key): entry
            for entry in SearchEntry.objects.filter(**{f"{key}__in": chunk})
        }
        new: list[tuple[int, Document]] = []
        updated: list[SearchEntry] = []
        gone: list[int] = []
        for pk in chunk:
            document, entry = documents.get(pk), existing.get(pk)
            if entry is None:
                if document is not None and create:
                    new.append((pk, document))
            elif document is None:
                gone.append(entry.pk)
            elif not document.same_as(entry):
                document.apply(entry)
                updated.append(entry)
        if new:
            _insert(source, new)
        if updated:
            SearchEntry.objects.bulk_update(updated, list(FIELDS))
        if gone:
            SearchEntry.objects.filter(pk__in=gone).delete()
        changed += len(new) + len(updated) + len(gone)
    return changed


def _insert(source: str, built: list[tuple[int, Document]]) -> None:
    """Plain multi-row INSERTs (a rebuild writes a hundred thousand rows: too many for model
    instances), as upserts: a concurrent save of the same object may have inserted it first."""
    columns = ["id", "source", f"{source}_id", *FIELDS]
    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datetimefield_value
    row_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    names = ", ".join(quote(column) for column in columns)
    updates = ", ".join(f"{quote(name)} = excluded.{quote(name)}" for name in FIELDS)
    for rows in _batches(built, INSERT_ROWS):
        params: list[Any] = []
        for pk, document in rows:
            params += [entry_id(document.owner_id, source, pk), source, pk]
            params += [getattr(document, name) for name in FIELDS[:-1]]
            params.append(adapt(document.dated))
        with connection.cursor() as cursor:
            cursor.execute(  # names from the model, values as parameters
                f"INSERT INTO {quote(SearchEntry._meta.db_table)} ({names}) "  # noqa: S608
                f"VALUES {', '.join([row_sql] * len(rows))} "
                f"ON CONFLICT (id) DO UPDATE SET {updates}",
                params,
            )


@contextmanager
def _bulk_writes(rows: int, everything: bool = False) -> Iterator[None]:
    """Write many rows with the full-text index out of the way, then build it in one pass.

    SQLite: without the triggers, then FTS5's own rebuild (about five times faster than row by
    row). PostgreSQL, for a rebuild of everything only (it locks the table): without the GIN
    indexes, then CREATE INDEX. Runs inside the caller's transaction, so a failure restores the
    triggers or indexes with the rest.
    """
    vendor = connection.vendor
    if rows < BULK_ROWS or (vendor == "postgresql" and not everything) or vendor not in _SETUP:
        yield
        return
    assert connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute(_SETUP[vendor])
        definitions = cursor.fetchall()
        for name, _ in definitions:
            cursor.execute(f"DROP {_OBJECT[vendor]} {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        else:  # an index cannot be built while foreign-key checks wait for the commit
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for _, sql in definitions:
            cursor.execute(sql)
        if vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


# The objects to set aside during bulk writes: what the migration created, read back as it is.
_SETUP = {
    "sqlite": "SELECT name, sql FROM sqlite_master "
    "WHERE type = 'trigger' AND tbl_name = 'search_searchentry'",
    "postgresql": "SELECT indexname, indexdef FROM pg_indexes "
    "WHERE tablename = 'search_searchentry' AND indexdef LIKE '% USING gin %'",
}
_OBJECT = {"sqlite": "TRIGGER", "postgresql": "INDEX"}


def _reindex(owner: User | None) -> int:
    ids = {source: list(source_ids(source, owner)) for source in Source}
    entries = (
        SearchEntry.objects.all() if owner is None else SearchEntry.objects.filter(owner=owner)
    )
    count = 0
    rows = entries.count() + sum(len(pks) for pks in ids.values())
    with _bulk_writes(rows, everything=owner is None):
        entries.delete()
        for source, pks in ids.items():
            for chunk in _batches(pks):
                built = list(BUILDERS[source](list(chunk)))
                _insert(source, built)
                count += len(built)
    return count


@transaction.atomic
def reindex_user(user: User) -> int:
    """Index every searchable thing of one account afresh; returns the number of entries."""
    return _reindex(user)


def rebuild() -> int:
    """Index everything afresh, for every account (``coffeechat manage reindex``)."""
    with transaction.atomic():
        count = _reindex(None)
    optimize()
    return count


def optimize() -> None:
    """After a large write: SQLite's index merged into one segment, PostgreSQL's statistics
    (the planner's guess of how rare each word is) brought up to date."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        elif connection.vendor == "postgresql":
            cursor.execute("ANALYZE search_searchentry")


def needs_filling() -> bool:
    """An empty index while there is data to find (an upgrade, or an older backup restored)."""
    existing = set(connection.introspection.table_names())
    tables: list[type[models.Model]] = [SearchEntry, *SOURCE_MODELS.values()]
    if any(model._meta.db_table not in existing for model in tables):
        return False  # migrated part of the way: the last migrate fills it
    if SearchEntry.objects.exists():
        return False
    return any(source_ids(source).exists() for source in Source)
