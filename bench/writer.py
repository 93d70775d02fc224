"""Bulk rows into a model's table, bypassing the ORM: COPY on PostgreSQL, executemany on SQLite.

The column list comes from the model, so a field another app adds later (with a default) is
filled without touching the generator.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice
from typing import Any

from django.db import connection, models, transaction

Row = tuple[Any, ...]
Convert = Callable[[Any], Any]

# Rows per transaction: big enough to be fast, small enough that PostgreSQL's deferred
# foreign-key checks (queued until commit) stay bounded in memory.
CHUNK = 100_000


def _json(value: Any) -> str:
    return "[]" if value == [] else json.dumps(value)


def _sqlite_datetime(value: Any) -> Any:
    # Django keeps naive UTC text in SQLite ("2024-05-01 10:00:00"); values arrive aware (UTC).
    return None if value is None else str(value.replace(tzinfo=None))


def _sqlite_date(value: Any) -> Any:
    return None if value is None else value.isoformat()


class Columns:
    """The full column list of a model's table, given some columns; the rest get their defaults.

    The primary key is left to the database unless given.
    """

    def __init__(self, model: type[models.Model], given: Sequence[str], now: datetime) -> None:
        fields = {field.attname: field for field in model._meta.concrete_fields}
        unknown = [name for name in given if name not in fields]
        if unknown:
            raise ValueError(f"{model.__name__} has no field {', '.join(unknown)}")
        self.model = model
        self.table = model._meta.db_table
        self.names = list(given)
        constants: list[Any] = []
        per_row: list[str] = []
        self.callables: list[Callable[[], Any]] = []
        for attname, field in fields.items():
            if attname in given or field is model._meta.pk:
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                constants.append(now)
            elif field.has_default() and callable(field.default):
                self.callables.append(field.default)  # e.g. a unique secret: one per row
                per_row.append(attname)
                continue
            else:
                value = field.get_default()
                if value is None and not field.null:
                    raise ValueError(f"{model.__name__}.{attname} needs a value: it has no default")
                constants.append(value)
            self.names.append(attname)
        self.constants = tuple(constants)
        self.names += per_row
        vendor = connection.vendor
        self.converters: list[tuple[int, Convert]] = []
        for index, name in enumerate(self.names):
            field = fields[name]
            if isinstance(field, models.JSONField):
                self.converters.append((index, _json))
            elif isinstance(field, models.DateTimeField) and vendor == "sqlite":
                self.converters.append((index, _sqlite_datetime))
            elif isinstance(field, models.DateField) and vendor == "sqlite":
                self.converters.append((index, _sqlite_date))

    def complete(self, rows: Iterable[Row]) -> Iterator[Row]:
        """Each given row with the default columns added and values in the database's form."""
        constants, callables, converters = self.constants, self.callables, self.converters
        if not callables and not converters:  # the common case, kept cheap (millions of rows)
            for row in rows:
                yield row + constants
            return
        for row in rows:
            values = [*row, *constants, *(default() for default in callables)]
            for index, convert in converters:
                values[index] = convert(values[index])
            yield tuple(values)

    def quoted(self) -> str:
        column = {field.attname: str(field.column) for field in self.model._meta.concrete_fields}
        return ", ".join(connection.ops.quote_name(column[name]) for name in self.names)


def insert_sql(columns: Columns) -> str:
    marks = ", ".join(["%s"] * len(columns.names))
    table = connection.ops.quote_name(columns.table)
    return f"INSERT INTO {table} ({columns.quoted()}) VALUES ({marks})"  # noqa: S608 (names from the model)


def write(
    model: type[models.Model], given: Sequence[str], rows: Iterable[Row], now: datetime
) -> int:
    """Insert ``rows`` (values for the ``given`` fields, by attname); returns how many."""
    columns = Columns(model, given, now)
    full = columns.complete(rows)
    written = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            table = connection.ops.quote_name(columns.table)
            copy_sql = f"COPY {table} ({columns.quoted()}) FROM STDIN"
            while chunk := list(islice(full, CHUNK)):
                with transaction.atomic(), cursor.copy(copy_sql) as copy:
                    for row in chunk:
                        copy.write_row(row)
                written += len(chunk)
        else:
            sql = insert_sql(columns)
            while chunk := list(islice(full, CHUNK)):
                with transaction.atomic():
                    cursor.executemany(sql, chunk)
                written += len(chunk)
    return written
