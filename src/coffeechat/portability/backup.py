"""Backup and restore of the whole database, safe to run while the server is serving.

SQLite: a copy through SQLite's online backup API (a consistent snapshot, even mid-write).
PostgreSQL: ``pg_dump`` in its custom format when the program is installed; otherwise (or with
``as_json``) the JSON of every account, which also moves data between SQLite and PostgreSQL.
Restoring refuses a database that already holds accounts unless forced; a forced SQLite restore
first keeps a copy of what it replaces next to it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone

BackupKind = Literal["sqlite", "pg_dump", "json"]
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
JSON_FORMAT = "coffeechat-backup"
JSON_VERSION = 1


class BackupError(Exception):
    """Something the user must fix; the message says what."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: BackupKind
    size: int
    note: str = ""


def engine_of(database: Mapping[str, Any]) -> str:
    engine = str(database.get("ENGINE", ""))
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups of {engine} databases are not supported.")


def _partial(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.partial-{secrets.token_hex(4)}")


def _is_uri(name: str) -> bool:
    return name.startswith("file:")


def _sqlite_connect(name: str, *, must_exist: bool) -> sqlite3.Connection:
    if _is_uri(name):
        return sqlite3.connect(name, uri=True, timeout=20)
    if must_exist and not Path(name).exists():
        raise BackupError(f"There is no database at {name}.")
    return sqlite3.connect(name, timeout=20)


def _sqlite_copy(source: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy of ``source`` into a new single file (no WAL) at ``dest``."""
    partial = _partial(dest)
    try:
        target = sqlite3.connect(partial)
        try:
            source.backup(target)  # all pages in one step: one snapshot
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------- backup


def backup(dest: Path, database: Mapping[str, Any], *, as_json: bool = False) -> BackupResult:
    """Write a consistent backup of ``database`` (a DATABASES entry) to ``dest``."""
    dest = dest.expanduser()
    if dest.is_dir():
        raise BackupError(f"{dest} is a folder; name the backup file to write.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    engine = engine_of(database)
    if as_json:
        return _backup_json(dest)
    if engine == "sqlite":
        source = _sqlite_connect(str(database["NAME"]), must_exist=True)
        try:
            _sqlite_copy(source, dest)
        finally:
            source.close()
        return BackupResult(dest, "sqlite", dest.stat().st_size)
    if shutil.which("pg_dump") is None:
        result = _backup_json(dest)
        return BackupResult(result.path, "json", result.size, "pg_dump is not installed")
    partial = _partial(dest)
    try:
        done = subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", partial],
            env=_pg_env(database),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise BackupError(f"pg_dump failed: {done.stderr.strip()} (try --json instead)")
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(dest, "pg_dump", dest.stat().st_size)


def _pg_env(database: Mapping[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
        "PGSSLMODE": (database.get("OPTIONS") or {}).get("sslmode"),
    }
    env.update({key: str(value) for key, value in values.items() if value})
    return env


def _pg_conninfo(database: Mapping[str, Any]) -> str:
    import psycopg.conninfo

    return psycopg.conninfo.make_conninfo(
        **{
            key: str(database[name])
            for key, name in (
                ("host", "HOST"),
                ("port", "PORT"),
                ("user", "USER"),
                ("password", "PASSWORD"),
                ("dbname", "NAME"),
            )
            if database.get(name)
        }
    )


def all_accounts() -> dict[str, Any]:
    """Every account with its data and login details, for the JSON backup."""
    from coffeechat.accounts.models import ApiToken
    from coffeechat.accounts.services import profile_of
    from coffeechat.portability.json_format import export_document, to_json

    users = []
    for user in User.objects.order_by("id"):
        tokens = ApiToken.objects.filter(user=user).order_by("id")
        users.append(
            {
                "username": user.username,
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "password": user.password,
                "is_active": user.is_active,
                "is_staff": user.is_staff,
                "is_superuser": user.is_superuser,
                "date_joined": to_json(user.date_joined),
                "last_login": to_json(user.last_login) if user.last_login else None,
                "feed_secret": profile_of(user).feed_secret,
                "api_tokens": [
                    {
                        "name": t.name,
                        "prefix": t.prefix,
                        "token_hash": t.token_hash,
                        "created_at": to_json(t.created_at),
                        "last_used_at": to_json(t.last_used_at) if t.last_used_at else None,
                    }
                    for t in tokens
                ],
                "data": export_document(user),
            }
        )
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "created_at": to_json(timezone.now()),
        "users": users,
    }


def _backup_json(dest: Path) -> BackupResult:
    with transaction.atomic():
        if connection.vendor == "postgresql":  # one snapshot for every query that follows
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        document = all_accounts()
    partial = _partial(dest)
    try:
        partial.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(dest, "json", dest.stat().st_size)


# ---------------------------------------------------------------------------------- restore


def kind_of(path: Path) -> BackupKind:
    try:
        with path.open("rb") as file:
            head = file.read(64)
    except FileNotFoundError:
        raise BackupError(f"There is no file {path}.") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_MAGIC):
        return "pg_dump"
    if head.lstrip().startswith(b"{"):
        return "json"
    raise BackupError(f"{path} is not a coffeechat backup (SQLite, pg_dump or JSON).")


def accounts_in(database: Mapping[str, Any]) -> int:
    """How many accounts the database holds (0 when it does not exist yet)."""
    if engine_of(database) == "sqlite":
        name = str(database["NAME"])
        if not _is_uri(name) and not Path(name).exists():
            return 0
        db = _sqlite_connect(name, must_exist=False)
        try:
            return int(db.execute("SELECT count(*) FROM auth_user").fetchone()[0])
        except sqlite3.OperationalError:  # no tables yet
            return 0
        finally:
            db.close()
    import psycopg

    with psycopg.connect(_pg_conninfo(database)) as server:
        try:
            row = server.execute("SELECT count(*) FROM auth_user").fetchone()
        except psycopg.errors.UndefinedTable:
            return 0
    return int(row[0]) if row else 0


def restore(source: Path, database: Mapping[str, Any], *, force: bool = False) -> str:
    """Restore ``source`` into ``database``; answers what was done. Raises ``BackupError``."""
    source = source.expanduser()
    kind = kind_of(source)
    engine = engine_of(database)
    if kind == "sqlite" and engine != "sqlite":
        raise BackupError(
            "This is a SQLite backup but the database is PostgreSQL: restore it with SQLite "
            "(no DATABASE_URL), then move it with `coffeechat backup --json`."
        )
    if kind == "pg_dump" and engine != "postgresql":
        raise BackupError("This is a PostgreSQL dump: set DATABASE_URL to restore it.")
    held = accounts_in(database)
    if held and not force:
        raise BackupError(
            f"The database ({_describe(database)}) already holds {held} account(s); restoring "
            "would replace them. Restore into an empty data directory, or add --force."
        )
    if kind == "sqlite":
        return _restore_sqlite(source, str(database["NAME"]), keep_old=bool(held))
    if kind == "pg_dump":
        return _restore_pg(source, database)
    return _restore_json(source, replace=bool(held))


def _describe(database: Mapping[str, Any]) -> str:
    if engine_of(database) == "sqlite":
        return str(database["NAME"])
    return f"PostgreSQL database {database.get('NAME')}"


def _check_sqlite_backup(source: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        db.close()
        raise BackupError(f"{source} is damaged: {error}.") from None
    if ok != "ok" or not {"auth_user", "django_migrations"} <= tables:
        db.close()
        raise BackupError(f"{source} is not a coffeechat database ({ok}).")
    return db


def _restore_sqlite(source: Path, name: str, *, keep_old: bool) -> str:
    backup_db = _check_sqlite_backup(source)
    note = ""
    try:
        if not _is_uri(name):
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        target = _sqlite_connect(name, must_exist=False)
        try:
            if keep_old and not _is_uri(name):
                kept = Path(f"{name}.before-restore-{timezone.now():%Y%m%d%H%M%S}")
                _sqlite_copy(target, kept)
                note = f" The database it replaced is kept as {kept}."
            backup_db.backup(target)
        finally:
            target.close()
    finally:
        backup_db.close()
    return f"Restored {source} into {name}.{note}"


def _restore_pg(source: Path, database: Mapping[str, Any]) -> str:
    if shutil.which("pg_restore") is None:
        raise BackupError("pg_restore is not installed; it is needed to restore a pg_dump file.")
    done = subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--dbname",
            str(database.get("NAME")),
            str(source),
        ],
        env=_pg_env(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()}")
    return f"Restored {source} into the PostgreSQL database {database.get('NAME')}."


def _restore_json(source: Path, *, replace: bool) -> str:
    from coffeechat.portability.json_restore import restore_accounts

    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{source} is not valid JSON: {error}.") from None
    count = restore_accounts(document, str(source), replace=replace)
    return f"Restored {count} account(s) from {source}."
