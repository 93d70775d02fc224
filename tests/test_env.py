"""Settings come from small typed readers that fail loudly and default to a working local setup."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from coffeechat import env


def test_bool_accepts_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for raw, expected in [("1", True), ("yes", True), ("TRUE", True), ("0", False), ("off", False)]:
        monkeypatch.setenv("COFFEECHAT_X", raw)
        assert env.env_bool("COFFEECHAT_X") is expected


def test_bool_refuses_anything_else_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COFFEECHAT_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="COFFEECHAT_DEBUG='maybe'"):
        env.env_bool("COFFEECHAT_DEBUG")


def test_int_refuses_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COFFEECHAT_HSTS_SECONDS", "a year")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env.env_int("COFFEECHAT_HSTS_SECONDS", 1)


def test_list_splits_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COFFEECHAT_ALLOWED_HOSTS", "a.example, b.example,,")
    assert env.env_list("COFFEECHAT_ALLOWED_HOSTS", []) == ["a.example", "b.example"]


def test_no_database_url_means_sqlite_in_the_data_directory(tmp_path: Path) -> None:
    config = env.database_config("", tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(tmp_path / "db.sqlite3")


def test_sqlite_uses_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    config = env.database_config("", tmp_path / "db.sqlite3")
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 5


def test_postgres_url_is_parsed_into_its_parts(tmp_path: Path) -> None:
    config = env.database_config("postgres://cc:s%40cret@db.internal:6543/coffee", tmp_path / "x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"], config["NAME"]) == (
        "cc",
        "s@cret",
        "db.internal",
        "6543",
        "coffee",
    )


def test_postgres_url_without_a_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        env.database_config("postgres://cc@localhost:5432", tmp_path / "x")


def test_unknown_database_scheme_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImproperlyConfigured, match="unsupported scheme 'mysql'"):
        env.database_config("mysql://root@localhost/db", tmp_path / "x")


def test_sqlite_url_with_four_slashes_is_absolute(tmp_path: Path) -> None:
    config = env.database_config("sqlite:////var/lib/cc.db", tmp_path / "x")
    assert config["NAME"] == "/var/lib/cc.db"


def test_secret_key_is_generated_once_into_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COFFEECHAT_SECRET_KEY", raising=False)
    first = env.secret_key(tmp_path)
    assert first == env.secret_key(tmp_path)
    assert len(first) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_configured_secret_key_must_be_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COFFEECHAT_SECRET_KEY", "short")
    with pytest.raises(ImproperlyConfigured, match="at least 32"):
        env.secret_key(tmp_path)


def test_data_dir_that_is_a_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "file"
    a_file.write_text("x")
    monkeypatch.setenv("COFFEECHAT_DATA_DIR", str(a_file))
    with pytest.raises(ImproperlyConfigured, match="is not a directory"):
        env.data_dir()


def test_email_defaults_to_the_console() -> None:
    assert env.email_config("").backend.endswith("console.EmailBackend")


def test_email_smtp_url_is_parsed() -> None:
    config = env.email_config("smtp://me:pw@127.0.0.1:2525")
    assert (config.host, config.port, config.user, config.password) == (
        "127.0.0.1",
        2525,
        "me",
        "pw",
    )
    assert config.backend.endswith("smtp.EmailBackend")


def test_email_smtps_uses_ssl_on_465() -> None:
    config = env.email_config("smtps://mail.example")
    assert config.use_ssl
    assert config.port == 465


def test_email_unknown_scheme_is_refused() -> None:
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        env.email_config("pigeon://coop")
