"""Uploads waiting for the user to confirm their preview.

The file is kept in the data directory under a random token; the token is remembered in the
uploader's session only, with their user id, so nobody else can see or confirm the import.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from django.conf import settings
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest

from coffeechat.portability.records import KINDS, Kind

SESSION_KEY = "portability_pending"
MAX_AGE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Pending:
    token: str
    file: str
    kind: Kind
    path: Path

    def data(self) -> bytes:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            raise Http404 from None


def uploads_dir() -> Path:
    path = Path(settings.DATA_DIR) / "uploads" / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _forget_old(folder: Path) -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for old in folder.glob("*.upload"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except FileNotFoundError:
            continue


def save_pending(request: HttpRequest, user: User, data: bytes, file: str, kind: Kind) -> str:
    folder = uploads_dir()
    _forget_old(folder)
    token = secrets.token_urlsafe(18)
    (folder / f"{token}.upload").write_bytes(data)
    entries = dict(request.session.get(SESSION_KEY, {}))
    entries[token] = {"file": file, "kind": kind, "user": user.pk, "at": time.time()}
    request.session[SESSION_KEY] = entries
    return token


def load_pending(request: HttpRequest, user: User, token: str) -> Pending:
    """The user's pending import, or 404 (another session's token looks like a missing one)."""
    entry = request.session.get(SESSION_KEY, {}).get(token)
    if not entry or entry.get("user") != user.pk or entry.get("kind") not in KINDS:
        raise Http404
    if time.time() - float(entry.get("at", 0)) > MAX_AGE_SECONDS:
        drop_pending(request, token)
        raise Http404
    path = uploads_dir() / f"{token}.upload"
    return Pending(token, str(entry["file"]), cast(Kind, entry["kind"]), path)


def drop_pending(request: HttpRequest, token: str) -> None:
    """Forget the session's pending import and its file (only this session's own)."""
    entries = dict(request.session.get(SESSION_KEY, {}))
    if entries.pop(token, None) is not None:
        request.session[SESSION_KEY] = entries
        (uploads_dir() / f"{token}.upload").unlink(missing_ok=True)
