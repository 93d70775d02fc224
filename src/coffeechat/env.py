"""Typed readers for the environment: they fail loudly and default to a working local setup."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

import platformdirs
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """Where the SQLite file, the generated secret key and uploads live."""
    raw = env_str("COFFEECHAT_DATA_DIR")
    path = Path(raw).expanduser() if raw else Path(platformdirs.user_data_dir("coffeechat"))
    if path.exists() and not path.is_dir():
        raise ImproperlyConfigured(
            f"COFFEECHAT_DATA_DIR={str(path)!r} exists and is not a directory."
        )
    return path


def secret_key(directory: Path) -> str:
    """The configured key, else one generated once into the data directory (local installs)."""
    configured = env_str("COFFEECHAT_SECRET_KEY")
    if configured:
        if len(configured) < 32:
            raise ImproperlyConfigured("COFFEECHAT_SECRET_KEY must be at least 32 characters long.")
        return configured
    key_file = directory / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    directory.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.touch(mode=0o600)
    key_file.write_text(key)
    return key


def secret_key_configured() -> bool:
    return bool(env_str("COFFEECHAT_SECRET_KEY"))


def database_config(url: str, sqlite_path: Path) -> dict[str, Any]:
    """DATABASES['default'] from DATABASE_URL (postgres://, sqlite:///) or the embedded file."""
    if not url:
        return _sqlite(sqlite_path)
    parts = _split(url, "DATABASE_URL")
    if parts.scheme == "sqlite":
        # sqlite:////abs/file.db is absolute, sqlite:///rel/file.db relative (the usual convention).
        path = unquote(parts.path)[1:]
        if not path:
            raise ImproperlyConfigured(f"DATABASE_URL={url!r} names no SQLite file.")
        return _sqlite(Path(path))
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured(
                f"DATABASE_URL={url!r} names no database: add it after the host, e.g. /coffeechat."
            )
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(_port(parts, "DATABASE_URL", url) or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL={url!r} has an unsupported scheme {parts.scheme!r}: use postgres:// or sqlite:///."
    )


def _split(url: str, name: str) -> SplitResult:
    try:
        return urlsplit(url)
    except ValueError as error:  # "[::1" and the like (found by fuzzing)
        raise ImproperlyConfigured(f"{name}={url!r} is not a URL ({error}).") from None


def _port(parts: SplitResult, name: str, url: str) -> int | None:
    try:
        return parts.port
    except ValueError:
        raise ImproperlyConfigured(f"{name}={url!r} has an invalid port.") from None


def _sqlite(path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            # WAL lets readers read while one writes; the busy timeout waits instead of failing.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        },
    }


@dataclass(frozen=True)
class EmailConfig:
    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False


def email_config(url: str) -> EmailConfig:
    """EMAIL_URL: smtp://user:pass@host:port, smtp+tls://…, smtps://…, console: (the default)."""
    if not url or url.startswith("console:"):
        return EmailConfig(backend="django.core.mail.backends.console.EmailBackend")
    parts = _split(url, "EMAIL_URL")
    tls = parts.scheme == "smtp+tls"
    ssl = parts.scheme == "smtps"
    if parts.scheme not in {"smtp", "smtp+tls", "smtps"} or not parts.hostname:
        raise ImproperlyConfigured(
            f"EMAIL_URL={url!r} is not understood: use smtp://host:port, smtps://… or console:."
        )
    port = _port(parts, "EMAIL_URL", url) or (465 if ssl else 587 if tls else 25)
    return EmailConfig(
        backend="django.core.mail.backends.smtp.EmailBackend",
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=tls,
        use_ssl=ssl,
    )
