"""The benchmark's own database: a fresh SQLite data directory, or a PostgreSQL database it
creates and drops itself (its name must contain "bench", so no other database is ever touched)."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

MAINTENANCE_DATABASE = "postgres"


class BenchError(Exception):
    """A problem the user can fix: printed as a message, never a traceback."""


@dataclass(frozen=True)
class Store:
    """Where one benchmark's data lives."""

    data_dir: Path
    database_url: str  # "" for SQLite in the data directory

    @property
    def vendor(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "coffeechat.sqlite3"

    def env(self) -> dict[str, str]:
        """The environment of coffeechat processes using this store (the server, the import)."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("COFFEECHAT_")
            and key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
        }
        env["COFFEECHAT_DATA_DIR"] = str(self.data_dir)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def describe(self) -> str:
        if self.database_url:
            return f"PostgreSQL {database_name(self.database_url)}"
        return f"SQLite {self.sqlite_path}"


def database_name(url: str) -> str:
    return unquote(urlsplit(url).path.lstrip("/"))


def check_postgres_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise BenchError(f"--database-url {url!r}: only postgres:// URLs are supported.")
    name = database_name(url)
    if "bench" not in name or name in ("test", MAINTENANCE_DATABASE):
        raise BenchError(
            f"--database-url names database {name!r}: the benchmark drops and recreates its "
            "database, so its name must contain 'bench' (e.g. /cc_bench)."
        )
    return name


def _maintenance_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{MAINTENANCE_DATABASE}", "", ""))


def recreate_postgres(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = check_postgres_url(url)
    try:
        with psycopg.connect(_maintenance_url(url), autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise BenchError(f"Cannot create database {name!r}: {error}") from None


def drop_postgres(url: str) -> None:
    import psycopg
    from psycopg import sql

    name = check_postgres_url(url)
    with psycopg.connect(_maintenance_url(url), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def fresh_store(database_url: str, data_dir: str | None) -> Store:
    """A new empty data directory (and database, on PostgreSQL)."""
    if database_url:
        check_postgres_url(database_url)  # before anything is created
    if data_dir:
        path = Path(data_dir).expanduser().resolve()
        if path.exists() and any(path.iterdir()):
            raise BenchError(f"--data-dir {path} is not empty: give a new or empty directory.")
        path.mkdir(parents=True, exist_ok=True)
    else:
        path = Path(tempfile.mkdtemp(prefix="coffeechat-bench-"))
    if database_url:
        recreate_postgres(database_url)
    return Store(path, database_url)


def remove_store(store: Store) -> None:
    if store.database_url:
        drop_postgres(store.database_url)
    shutil.rmtree(store.data_dir, ignore_errors=True)


def setup_django(store: Store) -> None:
    """Point this process's Django at the store and apply the migrations."""
    for key in [key for key in os.environ if key.startswith("COFFEECHAT_")]:
        del os.environ[key]
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        {key: value for key, value in store.env().items() if key.startswith("COFFEECHAT_")}
    )
    if store.database_url:
        os.environ["DATABASE_URL"] = store.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
