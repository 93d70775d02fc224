"""Reply rates and timeliness across many conversations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coffeechat.playbook.stats import ReplyStats, reply_stats, share_within

TORONTO = ZoneInfo("America/Toronto")
SENT = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def test_reply_stats_with_no_requests() -> None:
    assert reply_stats([]) == ReplyStats(0, 0, None, None)


def test_reply_stats_with_no_replies_has_no_median() -> None:
    assert reply_stats([(SENT, None), (SENT, None)]) == ReplyStats(2, 0, 0.0, None)


def test_reply_stats_counts_rate_and_median_days() -> None:
    pairs = [
        (SENT, SENT + timedelta(days=1)),
        (SENT, SENT + timedelta(days=3)),
        (SENT, SENT + timedelta(days=8)),
        (SENT, None),
    ]
    assert reply_stats(iter(pairs)) == ReplyStats(4, 3, 0.75, 3.0)


def test_reply_stats_median_of_an_even_count_is_the_mean_of_the_middle_two() -> None:
    pairs = [(SENT, SENT + timedelta(hours=12)), (SENT, SENT + timedelta(days=2))]
    assert reply_stats(pairs).median_days_to_reply == 1.25


def test_reply_stats_measures_real_time_across_a_clock_change() -> None:
    sent = datetime(2024, 3, 9, 12, 0, tzinfo=TORONTO)
    reply = datetime(2024, 3, 10, 12, 0, tzinfo=TORONTO)  # 23 hours later: clocks sprang forward
    assert reply_stats([(sent, reply)]).median_days_to_reply == pytest.approx(23 / 24)


def test_reply_stats_rejects_a_naive_datetime() -> None:
    with pytest.raises(ValueError, match=r"pairs\[1\] end"):
        reply_stats([(SENT, None), (SENT, datetime(2024, 3, 5))])


def test_reply_stats_rejects_a_reply_before_the_request() -> None:
    with pytest.raises(ValueError, match=r"pairs\[0\]"):
        reply_stats([(SENT, SENT - timedelta(minutes=1))])


def test_share_within_is_none_without_pairs() -> None:
    assert share_within([], timedelta(hours=24)) is None


def test_share_within_counts_thank_yous_sent_within_24_hours() -> None:
    ended = datetime(2024, 3, 4, 16, 0, tzinfo=UTC)
    pairs = [
        (ended, ended + timedelta(hours=3)),
        (ended, ended + timedelta(hours=24)),  # exactly on time counts
        (ended, ended + timedelta(hours=30)),
        (ended, None),  # never sent
    ]
    assert share_within(pairs, timedelta(hours=24)) == 0.5


def test_share_within_rejects_a_negative_window() -> None:
    with pytest.raises(ValueError, match="window"):
        share_within([], timedelta(hours=-1))


def test_share_within_rejects_a_naive_start() -> None:
    with pytest.raises(ValueError, match=r"pairs\[0\] start"):
        share_within([(datetime(2024, 3, 4), None)], timedelta(hours=24))
