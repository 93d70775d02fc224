"""Sign-in throttling: repeated failures lock an account, or a client address, for a while.

Counted in the database (accounts.LoginThrottle), so it needs no configuration and holds across
several server processes. Rules:
- 5 failures for one account within 15 minutes lock that account; 20 failures from one address
  within 15 minutes lock that address (a whole office behind one address shares the larger budget).
- A lock lasts 15 minutes, then twice as long each time it comes back (capped at a day).
- While locked, every attempt is refused, even with the right password: otherwise a right guess
  would show through the lock. Refused attempts are not counted, so a lock ends on time.
- A successful sign-in clears the account's count, never the address's: otherwise an attacker
  could reset their address by signing in to an account of their own between guesses.
- Rows untouched for a day are deleted on each write.
"""

from __future__ import annotations

import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from coffeechat.accounts.models import LoginThrottle

Scope = LoginThrottle.Scope

WINDOW = timedelta(minutes=15)
FIRST_LOCK = timedelta(minutes=15)
LONGEST_LOCK = timedelta(days=1)
FORGET_AFTER = timedelta(days=1)
LIMITS = {Scope.ACCOUNT: 5, Scope.ADDRESS: 20, Scope.TOKEN: 20}

_WHO = {
    Scope.ACCOUNT: "Too many failed sign-ins for this account.",
    Scope.ADDRESS: "Too many failed sign-ins from your network address.",
    Scope.TOKEN: "Too many requests with an invalid API token from your network address.",
}
_KEY_LENGTH = LoginThrottle._meta.get_field("key").max_length or 150


@dataclass(frozen=True)
class Lock:
    scope: str
    until: datetime

    def seconds_left(self, now: datetime) -> int:
        return max(1, math.ceil((self.until - now).total_seconds()))

    def minutes_left(self, now: datetime) -> int:
        return max(1, math.ceil((self.until - now).total_seconds() / 60))

    def message(self, now: datetime) -> str:
        minutes = self.minutes_left(now)
        unit = "minute" if minutes == 1 else "minutes"
        return f"{_WHO[Scope(self.scope)]} Try again in {minutes} {unit}."


def account_key(username: str) -> str:
    # Case-folded so "Alice" and "alice" share one budget.
    return username.strip().lower()[:_KEY_LENGTH]


def client_address(request: HttpRequest) -> str:
    """The client's IP: REMOTE_ADDR, or the X-Forwarded-For entry our trusted proxies added.

    Each trusted proxy appends the address it saw, so with N proxies the client is the Nth entry
    from the right; anything further left was written by the client and proves nothing.
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies: int = settings.TRUSTED_PROXIES
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            remote = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(remote))
    except ValueError:
        return "unknown"


def lock_of(scope: str, key: str, now: datetime) -> Lock | None:
    until = (
        LoginThrottle.objects.filter(scope=scope, key=key, locked_until__gt=now)
        .values_list("locked_until", flat=True)
        .first()
    )
    return Lock(scope, until) if until is not None else None


def login_lock(username: str, address: str, now: datetime) -> Lock | None:
    """The lock that refuses this sign-in, if any: the account's first, then the address's."""
    return lock_of(Scope.ACCOUNT, account_key(username), now) or lock_of(
        Scope.ADDRESS, address, now
    )


def record_login_failure(username: str, address: str, now: datetime) -> Lock | None:
    """Count a failed sign-in; returns the lock it triggered, if it was one too many."""
    account = _count_failure(Scope.ACCOUNT, account_key(username), now)
    by_address = _count_failure(Scope.ADDRESS, address, now)
    return account or by_address


def record_login_success(username: str) -> None:
    LoginThrottle.objects.filter(scope=Scope.ACCOUNT, key=account_key(username)).delete()


def record_token_failure(address: str, now: datetime) -> Lock | None:
    return _count_failure(Scope.TOKEN, address, now)


def lock_length(earlier_locks: int) -> timedelta:
    doublings: int = 2 ** min(earlier_locks, 10)
    return min(FIRST_LOCK * doublings, LONGEST_LOCK)


def _count_failure(scope: str, key: str, now: datetime) -> Lock | None:
    with transaction.atomic():
        # The row lock (PostgreSQL) or the write transaction (SQLite, IMMEDIATE mode) keeps
        # concurrent failures from different processes from losing a count.
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(
            scope=scope, key=key, defaults={"window_start": now, "updated_at": now}
        )
        if row.locked_until is not None and row.locked_until > now:
            return Lock(scope, row.locked_until)
        if now - row.window_start > WINDOW:
            row.failures, row.window_start = 0, now
        row.failures += 1
        row.updated_at = now
        lock = None
        if row.failures >= LIMITS[Scope(scope)]:
            row.locked_until = now + lock_length(row.locks)
            row.locks += 1
            row.failures, row.window_start = 0, now
            lock = Lock(scope, row.locked_until)
        row.save()
        forget_old(now)
    return lock


def forget_old(now: datetime) -> int:
    deleted, _ = LoginThrottle.objects.filter(
        Q(locked_until__isnull=True) | Q(locked_until__lt=now),
        updated_at__lt=now - FORGET_AFTER,
    ).delete()
    return deleted
