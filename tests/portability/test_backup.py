"""`coffeechat backup` and `coffeechat restore`.

SQLite backups are tested on a real database file in a temporary data directory (made by the
installed command, as a user would), with Django's settings pointed at it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User

from coffeechat.cli import main
from coffeechat.portability.json_format import export_document
from tests.cli.conftest import run_cli
from tests.factories import PASSWORD
from tests.portability.conftest import FIXTURES

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore:Overriding setting DATABASES"),
]


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A coffeechat SQLite database with user alice and six people from LinkedIn."""
    env = {
        "COFFEECHAT_DATA_DIR": str(tmp_path_factory.mktemp("source")),
        "COFFEECHAT_PASSWORD": "correct-horse-battery-9",
    }
    assert run_cli("createuser", "alice", env=env).returncode == 0
    imported = run_cli(
        "import", "linkedin", str(FIXTURES / "Connections.csv"), "--user", "alice", env=env
    )
    assert imported.returncode == 0, imported.stderr
    return Path(env["COFFEECHAT_DATA_DIR"]) / "coffeechat.sqlite3"


def use_sqlite_file(settings: Any, path: Path) -> None:
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)},
    }


def people_in(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM people_person").fetchone()[0])


@pytest.fixture
def live(populated: Path, tmp_path: Path, settings: Any) -> Path:
    """A copy of the populated database, as the running install's database."""
    data = tmp_path / "live"
    data.mkdir()
    path = data / "coffeechat.sqlite3"
    shutil.copy(populated, path)
    use_sqlite_file(settings, path)
    return path


def test_backup_copies_the_sqlite_database_to_one_file(live: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 0, result.output
    assert "sqlite" in result.stdout
    assert people_in(tmp_path / "b.sqlite3") == 6
    assert not (tmp_path / "b.sqlite3-wal").exists()


def test_backup_while_the_server_writes_is_a_consistent_snapshot(
    live: Path, tmp_path: Path
) -> None:
    server = sqlite3.connect(live, isolation_level=None)
    server.execute("PRAGMA journal_mode=WAL")
    server.execute("BEGIN IMMEDIATE")
    server.execute("UPDATE people_person SET title = 'half-written'")
    try:
        result = CliRunner().invoke(main, ["backup", str(tmp_path / "b.sqlite3")])
    finally:
        server.execute("ROLLBACK")
        server.close()
    assert result.exit_code == 0, result.output
    with sqlite3.connect(tmp_path / "b.sqlite3") as copy:
        titles = {row[0] for row in copy.execute("SELECT title FROM people_person")}
    assert "half-written" not in titles


def test_restore_fills_an_empty_data_directory(live: Path, tmp_path: Path, settings: Any) -> None:
    CliRunner().invoke(main, ["backup", str(tmp_path / "b.sqlite3")])
    fresh = tmp_path / "fresh" / "coffeechat.sqlite3"
    use_sqlite_file(settings, fresh)
    result = CliRunner().invoke(main, ["restore", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 0, result.output
    assert people_in(fresh) == 6


def test_restore_refuses_a_database_that_holds_accounts(live: Path, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["backup", str(tmp_path / "b.sqlite3")])
    with sqlite3.connect(live) as db:
        db.execute("DELETE FROM people_person WHERE name = 'Daniel Chen'")
    result = CliRunner().invoke(main, ["restore", str(tmp_path / "b.sqlite3")])
    assert result.exit_code == 1
    assert "already holds 1 account(s)" in result.stderr
    assert "--force" in result.stderr
    assert people_in(live) == 5


def test_restore_with_force_replaces_and_keeps_the_old_database(live: Path, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["backup", str(tmp_path / "b.sqlite3")])
    with sqlite3.connect(live) as db:
        db.execute("DELETE FROM people_person WHERE name = 'Daniel Chen'")
    result = CliRunner().invoke(main, ["restore", str(tmp_path / "b.sqlite3"), "--force"])
    assert result.exit_code == 0, result.output
    assert people_in(live) == 6
    (kept,) = live.parent.glob("coffeechat.sqlite3.before-restore-*")
    assert people_in(kept) == 5


def test_restore_refuses_a_file_that_is_no_backup(live: Path) -> None:
    result = CliRunner().invoke(main, ["restore", str(FIXTURES / "Connections.csv")])
    assert result.exit_code == 1
    assert "not a coffeechat backup" in result.stderr


def test_json_backup_and_restore_bring_every_account_back(full_owner: User, tmp_path: Path) -> None:
    before = export_document(full_owner)
    backup = CliRunner().invoke(main, ["backup", str(tmp_path / "all.json"), "--json"])
    assert backup.exit_code == 0, backup.output
    User.objects.all().delete()
    result = CliRunner().invoke(main, ["restore", str(tmp_path / "all.json")])
    assert result.exit_code == 0, result.output
    alice = User.objects.get(username="alice")
    after = export_document(alice)
    before.pop("exported_at"), after.pop("exported_at")
    assert after == before


def test_a_restored_account_keeps_its_password(full_owner: User, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["backup", str(tmp_path / "all.json"), "--json"])
    User.objects.all().delete()
    CliRunner().invoke(main, ["restore", str(tmp_path / "all.json")])
    assert User.objects.get(username="alice").check_password(PASSWORD)


def test_json_restore_refuses_when_accounts_exist(owner: User, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["backup", str(tmp_path / "all.json"), "--json"])
    result = CliRunner().invoke(main, ["restore", str(tmp_path / "all.json")])
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert User.objects.count() == 1


def test_json_restore_with_force_replaces_the_accounts(owner: User, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["backup", str(tmp_path / "all.json"), "--json"])
    User.objects.create(username="latecomer")
    result = CliRunner().invoke(main, ["restore", str(tmp_path / "all.json"), "--force"])
    assert result.exit_code == 0, result.output
    assert list(User.objects.values_list("username", flat=True)) == ["alice"]


def _postgres(settings: Any) -> dict[str, Any]:
    database: dict[str, Any] = settings.DATABASES["default"]
    if "postgresql" not in database["ENGINE"] or shutil.which("pg_dump") is None:
        pytest.skip("needs PostgreSQL and pg_dump")
    return database


def test_on_postgresql_backup_uses_pg_dump(owner: User, tmp_path: Path, settings: Any) -> None:
    _postgres(settings)
    result = CliRunner().invoke(main, ["backup", str(tmp_path / "db.dump")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "db.dump").read_bytes().startswith(b"PGDMP")


def test_on_postgresql_a_dump_restores_into_an_empty_database(
    owner: User, tmp_path: Path, settings: Any
) -> None:
    import psycopg

    from coffeechat.portability.backup import _pg_conninfo, backup, restore

    database = _postgres(settings)
    backup(tmp_path / "db.dump", database)
    scratch = {**database, "NAME": f"{database['NAME']}_restore"}
    admin = psycopg.connect(_pg_conninfo(database), autocommit=True)
    admin.execute(f'DROP DATABASE IF EXISTS "{scratch["NAME"]}"')
    admin.execute(f'CREATE DATABASE "{scratch["NAME"]}"')
    try:
        restore(tmp_path / "db.dump", scratch)
        with psycopg.connect(_pg_conninfo(scratch)) as db:
            row = db.execute("SELECT username FROM auth_user").fetchone()
        assert row == ("alice",)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{scratch["NAME"]}" WITH (FORCE)')
        admin.close()
