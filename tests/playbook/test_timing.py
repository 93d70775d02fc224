"""Business days, the 3B7 routine, thank-yous (P23), keeping in touch (P24), scheduling (P11,
P14)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.playbook.timing import (
    DEFAULT_KEEP_POSTED_CADENCE,
    FollowUpPlan,
    add_business_days,
    business_days_between,
    call_again_at,
    check_schedule,
    is_business_day,
    keep_in_touch_due,
    next_keep_in_touch,
    no_response_due,
    parse_duration_minutes,
    thank_you_due,
    three_b_seven,
)

TORONTO = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")
TOKYO = ZoneInfo("Asia/Tokyo")

# Fixed dates in 2024: Toronto springs forward on Sunday 10 March and falls back on Sunday
# 3 November; Paris springs forward on Sunday 31 March and falls back on Sunday 27 October.
FRIDAY = date(2024, 3, 8)
SATURDAY = date(2024, 3, 9)
SUNDAY = date(2024, 3, 10)
MONDAY = date(2024, 3, 11)
EASTER_MONDAY = date(2024, 4, 1)


# --- business days -------------------------------------------------------------------------


def test_add_business_days_skips_the_weekend() -> None:
    assert add_business_days(FRIDAY, 1) == MONDAY


def test_add_zero_business_days_keeps_a_business_day() -> None:
    assert add_business_days(FRIDAY, 0) == FRIDAY


def test_add_business_days_from_a_weekend_counts_from_the_next_business_day() -> None:
    assert add_business_days(SATURDAY, 0) == MONDAY
    assert add_business_days(SUNDAY, 1) == date(2024, 3, 12)


def test_add_business_days_skips_holidays() -> None:
    assert add_business_days(date(2024, 3, 29), 1, frozenset({EASTER_MONDAY})) == date(2024, 4, 2)


def test_add_business_days_rejects_negative_days() -> None:
    with pytest.raises(ValueError, match="days"):
        add_business_days(FRIDAY, -1)


def test_add_business_days_rejects_a_datetime() -> None:
    with pytest.raises(TypeError, match="start"):
        add_business_days(datetime(2024, 3, 8, 10, tzinfo=UTC), 1)


def test_business_days_between_counts_start_but_not_end() -> None:
    assert business_days_between(FRIDAY, MONDAY) == 1
    assert business_days_between(MONDAY, date(2024, 3, 18)) == 5


def test_business_days_between_is_zero_for_the_same_day() -> None:
    assert business_days_between(MONDAY, MONDAY) == 0


def test_business_days_between_is_negative_backwards() -> None:
    assert business_days_between(MONDAY, FRIDAY) == -1


def test_business_days_between_skips_holidays_on_weekdays_only() -> None:
    holidays = frozenset({EASTER_MONDAY, date(2024, 3, 30)})  # the Saturday changes nothing
    assert business_days_between(date(2024, 3, 29), date(2024, 4, 3), holidays) == 2


def test_is_business_day() -> None:
    assert is_business_day(FRIDAY)
    assert not is_business_day(SATURDAY)
    assert not is_business_day(EASTER_MONDAY, frozenset({EASTER_MONDAY}))


dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
holiday_sets = st.frozensets(
    st.dates(min_value=date(2023, 12, 1), max_value=date(2025, 12, 31)), max_size=30
)


@given(start=dates, days=st.integers(min_value=0, max_value=400), holidays=holiday_sets)
def test_add_business_days_never_lands_on_a_weekend_or_holiday(
    start: date, days: int, holidays: frozenset[date]
) -> None:
    result = add_business_days(start, days, holidays)
    assert result.weekday() < 5
    assert result not in holidays
    assert result >= start


@given(start=dates, days=st.integers(min_value=0, max_value=400), holidays=holiday_sets)
def test_business_days_between_inverts_add_business_days(
    start: date, days: int, holidays: frozenset[date]
) -> None:
    assert business_days_between(start, add_business_days(start, days, holidays), holidays) == days


@given(start=dates, end=dates, holidays=holiday_sets)
def test_business_days_between_is_antisymmetric(
    start: date, end: date, holidays: frozenset[date]
) -> None:
    assert business_days_between(start, end, holidays) == -business_days_between(
        end, start, holidays
    )


@given(start=dates, end=dates, holidays=holiday_sets)
@settings(max_examples=50)
def test_business_days_between_matches_counting_day_by_day(
    start: date, end: date, holidays: frozenset[date]
) -> None:
    low, high = min(start, end), max(start, end)
    counted = sum(
        1
        for offset in range((high - low).days)
        if is_business_day(low + timedelta(days=offset), holidays)
    )
    assert abs(business_days_between(start, end, holidays)) == counted


# --- the 3B7 routine -------------------------------------------------------------------------


def test_three_b_seven_gives_the_third_and_seventh_business_days() -> None:
    sent = datetime(2024, 2, 5, 10, 0, tzinfo=TORONTO)  # a Monday
    assert three_b_seven(sent, TORONTO) == FollowUpPlan(
        contact_another_due=datetime(2024, 2, 8, 10, 0, tzinfo=TORONTO),
        nudge_due=datetime(2024, 2, 14, 10, 0, tzinfo=TORONTO),
    )


def test_three_b_seven_keeps_local_time_across_toronto_spring_forward() -> None:
    sent = datetime(2024, 3, 8, 10, 0, tzinfo=TORONTO)  # Friday, EST (UTC-5)
    plan = three_b_seven(sent, TORONTO)
    assert plan.contact_another_due == datetime(2024, 3, 13, 14, 0, tzinfo=UTC)  # 10:00 EDT
    assert plan.contact_another_due.astimezone(TORONTO).hour == 10
    assert plan.nudge_due == datetime(2024, 3, 19, 10, 0, tzinfo=TORONTO)


def test_three_b_seven_keeps_local_time_across_toronto_fall_back() -> None:
    sent = datetime(2024, 10, 31, 16, 30, tzinfo=TORONTO)  # Thursday, EDT (UTC-4)
    plan = three_b_seven(sent, TORONTO)
    assert plan.contact_another_due == datetime(2024, 11, 5, 21, 30, tzinfo=UTC)  # 16:30 EST


def test_three_b_seven_across_paris_spring_forward_with_easter_monday() -> None:
    sent = datetime(2024, 3, 28, 9, 0, tzinfo=PARIS)  # Thursday, CET (UTC+1)
    plan = three_b_seven(sent, PARIS, frozenset({EASTER_MONDAY}))
    assert plan.contact_another_due == datetime(2024, 4, 3, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert plan.nudge_due == datetime(2024, 4, 9, 9, 0, tzinfo=PARIS)


def test_three_b_seven_counts_in_the_given_time_zone() -> None:
    # Friday 23:30 in Toronto is already Saturday in Paris: Paris counts from Monday.
    sent = datetime(2024, 2, 9, 23, 30, tzinfo=TORONTO)
    assert three_b_seven(sent, TORONTO).contact_another_due.date() == date(2024, 2, 14)
    in_paris = three_b_seven(sent, PARIS).contact_another_due
    assert in_paris == datetime(2024, 2, 15, 5, 30, tzinfo=PARIS)


def test_three_b_seven_results_are_in_the_given_time_zone() -> None:
    plan = three_b_seven(datetime(2024, 2, 5, 15, 0, tzinfo=UTC), PARIS)
    assert plan.nudge_due.tzinfo == PARIS
    assert plan.nudge_due.hour == 16


def test_three_b_seven_from_a_weekend_counts_from_monday() -> None:
    plan = three_b_seven(datetime(2024, 2, 10, 11, 0, tzinfo=TORONTO), TORONTO)  # Saturday
    assert plan.contact_another_due == datetime(2024, 2, 15, 11, 0, tzinfo=TORONTO)


def test_three_b_seven_rejects_a_naive_sent_at() -> None:
    with pytest.raises(ValueError, match="sent_at"):
        three_b_seven(datetime(2024, 2, 5, 10, 0), TORONTO)


def test_no_response_due_is_seven_business_days_after_the_nudge() -> None:
    nudge = datetime(2024, 3, 27, 8, 15, tzinfo=PARIS)  # Wednesday, before the change
    due = no_response_due(nudge, PARIS, frozenset({EASTER_MONDAY}))
    assert due == datetime(2024, 4, 8, 8, 15, tzinfo=PARIS)


def test_no_response_due_rejects_a_naive_nudge() -> None:
    with pytest.raises(ValueError, match="nudge_sent_at"):
        no_response_due(datetime(2024, 3, 27, 8, 15), PARIS)


aware_datetimes = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2090, 12, 31),
    timezones=st.sampled_from([TORONTO, PARIS, TOKYO, UTC]),
)
zones = st.sampled_from([TORONTO, PARIS, TOKYO, ZoneInfo("Australia/Sydney")])


@given(sent=aware_datetimes, tz=zones, holidays=holiday_sets)
def test_three_b_seven_dates_are_ordered_business_days(
    sent: datetime, tz: ZoneInfo, holidays: frozenset[date]
) -> None:
    plan = three_b_seven(sent, tz, holidays)
    assert (
        sent.astimezone(UTC)
        < plan.contact_another_due.astimezone(UTC)
        < plan.nudge_due.astimezone(UTC)
    )
    for due in (plan.contact_another_due, plan.nudge_due):
        assert is_business_day(due.astimezone(tz).date(), holidays)
    no_response = no_response_due(plan.nudge_due, tz, holidays)
    assert plan.nudge_due.astimezone(UTC) < no_response.astimezone(UTC)
    assert is_business_day(no_response.astimezone(tz).date(), holidays)


# --- thank-you (P23) and keeping in touch (P24) ------------------------------------------------


def test_thank_you_is_due_24_hours_after_the_end() -> None:
    ended = datetime(2024, 5, 2, 16, 20, tzinfo=PARIS)
    assert thank_you_due(ended) == datetime(2024, 5, 3, 16, 20, tzinfo=PARIS)


def test_thank_you_due_is_24_real_hours_across_a_clock_change() -> None:
    ended = datetime(2024, 3, 9, 12, 0, tzinfo=TORONTO)  # the day before spring forward
    due = thank_you_due(ended)
    assert due.astimezone(UTC) - ended.astimezone(UTC) == timedelta(hours=24)
    assert due.astimezone(UTC) == datetime(2024, 3, 10, 17, 0, tzinfo=UTC)
    assert due.astimezone(TORONTO).hour == 13  # the local clock shows one hour later


def test_thank_you_due_rejects_a_naive_end() -> None:
    with pytest.raises(ValueError, match="ended_at"):
        thank_you_due(datetime(2024, 5, 2, 16, 20))


def test_default_keep_posted_cadence_is_six_weeks() -> None:
    assert timedelta(weeks=6) == DEFAULT_KEEP_POSTED_CADENCE


def test_keep_in_touch_is_due_one_cadence_after_the_last_interaction() -> None:
    last = datetime(2024, 1, 15, 9, 0, tzinfo=UTC)
    assert keep_in_touch_due(last, DEFAULT_KEEP_POSTED_CADENCE) == datetime(
        2024, 2, 26, 9, 0, tzinfo=UTC
    )


def test_keep_in_touch_rejects_a_cadence_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="cadence"):
        keep_in_touch_due(datetime(2024, 1, 15, tzinfo=UTC), timedelta(0))


def test_keep_in_touch_rejects_a_naive_interaction() -> None:
    with pytest.raises(ValueError, match="last_interaction"):
        keep_in_touch_due(datetime(2024, 1, 15), DEFAULT_KEEP_POSTED_CADENCE)


def test_next_keep_in_touch_is_none_without_interactions() -> None:
    assert next_keep_in_touch([], DEFAULT_KEEP_POSTED_CADENCE) is None


def test_next_keep_in_touch_restarts_from_the_latest_interaction() -> None:
    interactions = [
        datetime(2024, 1, 10, 9, 0, tzinfo=UTC),
        datetime(2024, 2, 20, 14, 0, tzinfo=UTC),  # a real reply restarts the clock
        datetime(2024, 2, 1, 9, 0, tzinfo=UTC),
    ]
    assert next_keep_in_touch(iter(interactions), timedelta(weeks=6)) == datetime(
        2024, 4, 2, 14, 0, tzinfo=UTC
    )


def test_next_keep_in_touch_compares_interactions_across_time_zones() -> None:
    earlier_in_tokyo = datetime(2024, 2, 2, 8, 0, tzinfo=TOKYO)  # 1 Feb 23:00 UTC
    later_in_toronto = datetime(2024, 2, 1, 19, 0, tzinfo=TORONTO)  # 2 Feb 00:00 UTC
    due = next_keep_in_touch([later_in_toronto, earlier_in_tokyo], timedelta(days=1))
    assert due == datetime(2024, 2, 3, 0, 0, tzinfo=UTC)


def test_next_keep_in_touch_honours_a_later_snooze() -> None:
    snooze = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    due = next_keep_in_touch(
        [datetime(2024, 1, 10, tzinfo=UTC)], timedelta(weeks=6), snoozed_until=snooze
    )
    assert due == snooze


def test_next_keep_in_touch_ignores_a_snooze_before_the_due_date() -> None:
    due = next_keep_in_touch(
        [datetime(2024, 1, 10, tzinfo=UTC)],
        timedelta(weeks=6),
        snoozed_until=datetime(2024, 1, 20, tzinfo=UTC),
    )
    assert due == datetime(2024, 2, 21, tzinfo=UTC)


def test_next_keep_in_touch_after_a_snooze_is_still_none_without_interactions() -> None:
    snooze = datetime(2024, 5, 1, tzinfo=UTC)
    assert next_keep_in_touch([], timedelta(weeks=6), snoozed_until=snooze) is None


def test_next_keep_in_touch_names_the_naive_interaction() -> None:
    with pytest.raises(ValueError, match=r"interactions\[1\]"):
        next_keep_in_touch(
            [datetime(2024, 1, 10, tzinfo=UTC), datetime(2024, 1, 11)], timedelta(weeks=6)
        )


def test_next_keep_in_touch_rejects_a_naive_snooze() -> None:
    with pytest.raises(ValueError, match="snoozed_until"):
        next_keep_in_touch(
            [datetime(2024, 1, 10, tzinfo=UTC)],
            timedelta(weeks=6),
            snoozed_until=datetime(2024, 5, 1),
        )


cadences = st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(weeks=52))


@given(first=aware_datetimes, second=aware_datetimes, cadence=cadences)
def test_keep_in_touch_due_is_monotone_in_the_last_interaction(
    first: datetime, second: datetime, cadence: timedelta
) -> None:
    earlier, later = sorted((first, second), key=lambda moment: moment.astimezone(UTC))
    assert keep_in_touch_due(earlier, cadence).astimezone(UTC) <= keep_in_touch_due(
        later, cadence
    ).astimezone(UTC)


@given(
    interactions=st.lists(aware_datetimes, min_size=1, max_size=6),
    new=aware_datetimes,
    cadence=cadences,
    snooze=st.none() | aware_datetimes,
)
def test_next_keep_in_touch_never_moves_earlier_with_a_new_interaction(
    interactions: list[datetime], new: datetime, cadence: timedelta, snooze: datetime | None
) -> None:
    before = next_keep_in_touch(interactions, cadence, snoozed_until=snooze)
    after = next_keep_in_touch([*interactions, new], cadence, snoozed_until=snooze)
    assert before is not None
    assert after is not None
    assert before.astimezone(UTC) <= after.astimezone(UTC)
    latest = max(moment.astimezone(UTC) for moment in [*interactions, new])
    assert after.astimezone(UTC) >= latest + cadence


# --- scheduling checks (P11, P14) --------------------------------------------------------------

NOW = datetime(2024, 3, 1, 9, 0, tzinfo=TORONTO)
LATER = datetime(2024, 3, 20, 10, 0, tzinfo=TORONTO)
SENT_EARLY = datetime(2024, 2, 1, 9, 0, tzinfo=TORONTO)


def test_check_schedule_accepts_a_good_proposal() -> None:
    slots = [LATER, LATER + timedelta(days=1), LATER + timedelta(days=2)]
    assert check_schedule(slots, now=NOW, duration_minutes=20, request_sent_at=SENT_EARLY) == []


def test_check_schedule_requires_a_slot() -> None:
    [issue] = check_schedule([], now=NOW, duration_minutes=20, request_sent_at=None)
    assert (issue.level, issue.field) == ("error", "slots")
    assert "at least one" in issue.message


def test_check_schedule_allows_at_most_three_slots() -> None:
    slots = [LATER + timedelta(days=n) for n in range(4)]
    [issue] = check_schedule(slots, now=NOW, duration_minutes=20, request_sent_at=None)
    assert (issue.level, issue.field) == ("error", "slots")
    assert "4" in issue.message
    assert "3" in issue.message


def test_check_schedule_rejects_a_slot_in_the_past() -> None:
    past = datetime(2024, 2, 28, 10, 0, tzinfo=TORONTO)
    [issue] = check_schedule([LATER, past], now=NOW, duration_minutes=20, request_sent_at=None)
    assert (issue.level, issue.field) == ("error", "slots[1]")
    assert "2024-02-28 10:00" in issue.message
    assert "past" in issue.message


@pytest.mark.parametrize(("minutes", "limit"), [(4, "5"), (0, "5"), (181, "180")])
def test_check_schedule_rejects_a_duration_outside_5_to_180_minutes(
    minutes: int, limit: str
) -> None:
    [issue] = check_schedule([LATER], now=NOW, duration_minutes=minutes, request_sent_at=None)
    assert (issue.level, issue.field) == ("error", "duration_minutes")
    assert str(minutes) in issue.message
    assert limit in issue.message


@pytest.mark.parametrize("minutes", [5, 15, 20, 30])
def test_check_schedule_accepts_usual_durations_silently(minutes: int) -> None:
    assert check_schedule([LATER], now=NOW, duration_minutes=minutes, request_sent_at=None) == []


def test_check_schedule_warns_above_30_minutes() -> None:
    [issue] = check_schedule([LATER], now=NOW, duration_minutes=45, request_sent_at=None)
    assert (issue.level, issue.field) == ("warning", "duration_minutes")
    assert "45" in issue.message
    assert "30" in issue.message


def test_check_schedule_allows_a_longer_call_they_agreed_to() -> None:
    issues = check_schedule(
        [LATER], now=NOW, duration_minutes=45, request_sent_at=None, longer_agreed=True
    )
    assert issues == []


def test_check_schedule_warns_when_the_first_slot_is_under_14_days_after_the_request() -> None:
    sent = datetime(2024, 3, 10, 9, 0, tzinfo=TORONTO)
    issues = check_schedule(
        [LATER + timedelta(days=30), LATER], now=NOW, duration_minutes=20, request_sent_at=sent
    )
    [issue] = issues
    assert (issue.level, issue.field) == ("warning", "slots")
    assert "10 days" in issue.message  # 10 March 09:00 to 20 March 10:00
    assert "14" in issue.message


def test_check_schedule_does_not_warn_at_exactly_14_days() -> None:
    sent = LATER.astimezone(UTC) - timedelta(days=14)  # real time: the clocks changed between
    assert check_schedule([LATER], now=NOW, duration_minutes=20, request_sent_at=sent) == []


def test_check_schedule_measures_the_14_days_in_real_time_across_a_clock_change() -> None:
    sent = datetime(2024, 3, 6, 10, 0, tzinfo=TORONTO)  # 14 days on the wall clock, 1 hour short
    [issue] = check_schedule([LATER], now=NOW, duration_minutes=20, request_sent_at=sent)
    assert (issue.level, issue.field) == ("warning", "slots")
    assert "13 days" in issue.message


def test_check_schedule_reports_every_problem_at_once() -> None:
    past = datetime(2024, 2, 28, 10, 0, tzinfo=TORONTO)
    sent = datetime(2024, 2, 20, 9, 0, tzinfo=TORONTO)
    issues = check_schedule(
        [past, LATER, LATER, LATER], now=NOW, duration_minutes=200, request_sent_at=sent
    )
    assert [(i.level, i.field) for i in issues] == [
        ("error", "slots"),
        ("error", "slots[0]"),
        ("error", "duration_minutes"),
        ("warning", "slots"),
    ]


def test_check_schedule_rejects_a_naive_now() -> None:
    with pytest.raises(ValueError, match="now"):
        check_schedule(
            [LATER], now=datetime(2024, 3, 1, 9, 0), duration_minutes=20, request_sent_at=None
        )


def test_check_schedule_rejects_a_naive_request_sent_at() -> None:
    with pytest.raises(ValueError, match="request_sent_at"):
        check_schedule(
            [LATER], now=NOW, duration_minutes=20, request_sent_at=datetime(2024, 2, 1, 9, 0)
        )


def test_check_schedule_names_a_naive_slot() -> None:
    with pytest.raises(ValueError, match=r"slots\[0\]"):
        check_schedule(
            [datetime(2024, 3, 20, 10, 0)], now=NOW, duration_minutes=20, request_sent_at=None
        )


# --- parsing durations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("20", 20),
        ("20m", 20),
        ("20 min", 20),
        ("20 mins", 20),
        (" 20 MIN ", 20),
        ("90 minutes", 90),
        ("1h", 60),
        ("1h30", 90),
        ("1h30m", 90),
        ("1 h 30 min", 90),
        ("2 hours", 120),
        ("1:30", 90),
        ("0:45", 45),
    ],
)
def test_parse_duration_minutes_reads_common_spellings(text: str, minutes: int) -> None:
    assert parse_duration_minutes(text) == minutes


@pytest.mark.parametrize("text", ["0", "0 min", "0h", "0:00"])
def test_parse_duration_minutes_rejects_zero(text: str) -> None:
    with pytest.raises(ValueError, match="zero"):
        parse_duration_minutes(text)


@pytest.mark.parametrize("text", ["-5", "-1h"])
def test_parse_duration_minutes_rejects_negative(text: str) -> None:
    with pytest.raises(ValueError, match="negative"):
        parse_duration_minutes(text)


@pytest.mark.parametrize("text", ["", "abc", "twenty", "20 sec", "1.5h", "1:5", "h30", "20 20"])
def test_parse_duration_minutes_rejects_unreadable_text(text: str) -> None:
    with pytest.raises(ValueError, match="Could not read"):
        parse_duration_minutes(text)


@pytest.mark.parametrize("text", ["1h75", "1:60"])
def test_parse_duration_minutes_rejects_60_or_more_minutes_after_hours(text: str) -> None:
    with pytest.raises(ValueError, match="below 60"):
        parse_duration_minutes(text)


def test_call_again_after_a_morning_call_is_the_next_business_afternoon() -> None:
    toronto = ZoneInfo("America/Toronto")
    friday_morning = datetime(2026, 11, 6, 9, 30, tzinfo=toronto)
    assert call_again_at(friday_morning, toronto) == datetime(2026, 11, 9, 15, 0, tzinfo=toronto)


def test_call_again_after_an_afternoon_call_is_the_next_business_morning() -> None:
    paris = ZoneInfo("Europe/Paris")
    tuesday_afternoon = datetime(2026, 11, 3, 16, 0, tzinfo=paris)
    assert call_again_at(tuesday_afternoon, paris) == datetime(2026, 11, 4, 10, 0, tzinfo=paris)
