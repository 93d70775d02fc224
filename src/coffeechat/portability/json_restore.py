"""Restoring the JSON backup of every account (``coffeechat backup --json``), all or nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from coffeechat.accounts.models import ApiToken, Profile
from coffeechat.portability import json_import
from coffeechat.portability.backup import JSON_FORMAT, JSON_VERSION, BackupError
from coffeechat.portability.json_format import FORMAT
from coffeechat.portability.records import ImportProblem

_TEXT = ("username", "email", "first_name", "last_name", "password")
_FLAGS = ("is_active", "is_staff", "is_superuser")


def _time(value: Any, where: str) -> Any:
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None or parsed.tzinfo is None:
        raise BackupError(f"{where}: “{value}” is not a time with its offset.")
    return parsed


def _user(account: Any, where: str) -> User:
    if not isinstance(account, dict):
        raise BackupError(f"{where}: must be an object.")
    for name in _TEXT:
        if not isinstance(account.get(name, ""), str):
            raise BackupError(f"{where}.{name}: must be text.")
    if not account.get("username"):
        raise BackupError(f"{where}.username: is missing.")
    for name in _FLAGS:
        if not isinstance(account.get(name, False), bool):
            raise BackupError(f"{where}.{name}: must be true or false.")
    user = User(
        **{name: account.get(name, "") for name in _TEXT},
        **{name: account.get(name, name == "is_active") for name in _FLAGS},
        date_joined=_time(account.get("date_joined"), f"{where}.date_joined") or timezone.now(),
        last_login=_time(account.get("last_login"), f"{where}.last_login"),
    )
    user.save()
    return user


@transaction.atomic
def restore_accounts(document: Any, file: str, *, replace: bool = False) -> int:
    """Create every account of the backup with its data; ``replace`` deletes existing accounts."""
    if isinstance(document, dict) and document.get("format") == FORMAT:
        raise BackupError(
            f"{file} is one account's export, not a backup: import it with "
            "`coffeechat import json FILE --user USERNAME`."
        )
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise BackupError(f"{file} is not a coffeechat backup.")
    if document.get("version") != JSON_VERSION:
        raise BackupError(f"{file}: backup version {document.get('version')!r} is not readable.")
    accounts = document.get("users")
    if not isinstance(accounts, list):
        raise BackupError(f"{file}: “users” must be a list.")
    if replace:
        User.objects.all().delete()
    for index, account in enumerate(accounts):
        where = f"users[{index}]"
        user = _user(account, f"{file}: {where}")
        profile = Profile(user=user)
        if isinstance(account.get("feed_secret"), str) and account["feed_secret"]:
            profile.feed_secret = account["feed_secret"]
        profile.save()
        tokens = account.get("api_tokens") or []
        if not isinstance(tokens, list):
            raise BackupError(f"{file}: {where}.api_tokens must be a list.")
        for number, token in enumerate(tokens):
            item = f"{file}: {where}.api_tokens[{number}]"
            if not isinstance(token, dict) or not isinstance(token.get("token_hash"), str):
                raise BackupError(f"{item}: needs a token_hash.")
            saved = ApiToken.objects.create(
                user=user,
                name=str(token.get("name", "API token"))[:100],
                prefix=str(token.get("prefix", ""))[:12],
                token_hash=token["token_hash"],
                last_used_at=_time(token.get("last_used_at"), f"{item}.last_used_at"),
            )
            if created := _time(token.get("created_at"), f"{item}.created_at"):
                ApiToken.objects.filter(pk=saved.pk).update(created_at=created)
        try:
            data = json_import.check_document(account.get("data"), user, file, (where, "data"))
            json_import.load_document(user, data, file)
        except ImportProblem as problem:
            raise BackupError(str(problem)) from None
    return len(accounts)
