"""Learning across many conversations: reply rates and how fast things happen.

``reply_stats`` tells whether requests get answered (the 3B7 routine notes that people who answer
within about 3 days are the most likely helpers); ``share_within`` measures habits such as
thank-yous sent within 24 hours of the conversation (P23).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from statistics import median

__all__ = ["ReplyStats", "reply_stats", "share_within"]

_DAY_SECONDS = 86_400


def _delay(index: int, start: datetime, end: datetime | None) -> timedelta | None:
    for value, name in ((start, "start"), (end, "end")):
        if value is not None and (value.tzinfo is None or value.utcoffset() is None):
            raise ValueError(
                f"pairs[{index}] {name} must be a timezone-aware datetime, got naive "
                f"{value.isoformat()}"
            )
    if end is None:
        return None
    # Through UTC: aware datetimes sharing a tzinfo subtract by wall clock in Python.
    delay = end.astimezone(UTC) - start.astimezone(UTC)
    if delay < timedelta(0):
        raise ValueError(
            f"pairs[{index}] ends ({end.isoformat()}) before it starts ({start.isoformat()})"
        )
    return delay


@dataclass(frozen=True)
class ReplyStats:
    requests: int
    replies: int
    reply_rate: float | None  # None when no request was sent
    median_days_to_reply: float | None  # None when nobody replied


def reply_stats(pairs: Iterable[tuple[datetime, datetime | None]]) -> ReplyStats:
    """Reply rate and median days to the first reply, from (sent_at, first reply_at or None)."""
    requests = 0
    delays: list[timedelta] = []
    for index, (sent_at, reply_at) in enumerate(pairs):
        requests += 1
        delay = _delay(index, sent_at, reply_at)
        if delay is not None:
            delays.append(delay)
    return ReplyStats(
        requests=requests,
        replies=len(delays),
        reply_rate=len(delays) / requests if requests else None,
        median_days_to_reply=(
            median(d.total_seconds() for d in delays) / _DAY_SECONDS if delays else None
        ),
    )


def share_within(
    pairs: Iterable[tuple[datetime, datetime | None]], window: timedelta
) -> float | None:
    """The share of pairs (start, end or None) whose end came within ``window`` of the start
    (inclusive); a missing end counts as not within. None when there are no pairs."""
    if window < timedelta(0):
        raise ValueError(f"window must be 0 or more, got {window}")
    total = 0
    within = 0
    for index, (start, end) in enumerate(pairs):
        total += 1
        delay = _delay(index, start, end)
        if delay is not None and delay <= window:
            within += 1
    return within / total if total else None
