"""The dashboard's numbers: exact counts on known data, one user's rows only (issue #7)."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, timedelta

import pytest
from django.contrib.auth.models import User

from coffeechat.accounts.services import user_zone
from coffeechat.followup.models import TaskKind
from coffeechat.insights.dashboard import (
    KEEP_IN_TOUCH_LISTED,
    DashboardQuery,
    dashboard_for,
    keep_in_touch_due,
    pipeline_funnel,
    reached_counts,
    thank_you_timeliness,
    week_starts,
    weekly_activity,
)
from coffeechat.interviews.models import ActivityKind, Interview, Stage
from coffeechat.outreach.services import response_stats
from tests.factories import ActivityFactory, InterviewFactory, PersonFactory, TaskFactory

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
# A Wednesday, two days after Toronto's first Monday on summer time (DST began Sun 9 Mar 2025).
NOW = datetime(2025, 3, 12, 15, 0, tzinfo=UTC)

STAGES_AND_HOW_MANY = {
    Stage.IDEA: 1,
    Stage.RESEARCHING: 1,
    Stage.REQUESTED: 2,
    Stage.SCHEDULED: 1,
    Stage.HELD: 1,
    Stage.THANKED: 1,
    Stage.CLOSED: 1,
    Stage.DECLINED: 2,
    Stage.NO_RESPONSE: 1,
    Stage.CANCELLED: 1,
}


def in_toronto(user: User) -> User:
    user.profile.time_zone = "America/Toronto"
    user.profile.save()
    return user


def query(user: User, now: datetime = NOW) -> DashboardQuery:
    return DashboardQuery.of(user, now)


def interviews_at_every_stage(user: User) -> list[Interview]:
    person = PersonFactory(owner=user)
    return [
        InterviewFactory(owner=user, person=person, stage=stage)
        for stage, how_many in STAGES_AND_HOW_MANY.items()
        for _ in range(how_many)
    ]


def activity(user: User, kind: str, at: datetime, interview: Interview | None = None) -> None:
    if interview is None:
        ActivityFactory(owner=user, kind=kind, at=at)
    else:
        ActivityFactory(owner=user, interview=interview, kind=kind, at=at)


# --- the funnel --------------------------------------------------------------------------------


def test_funnel_counts_each_stage_and_every_later_one_as_having_reached_it(owner: User) -> None:
    interviews_at_every_stage(owner)
    reached = {c.stage: c.count for c in pipeline_funnel(owner.pk).reached}
    assert reached == {
        "idea": 12,
        "researching": 11,
        "requested": 10,  # 2 requested, 5 further along, 2 declined, 1 no response (and cancelled)
        "scheduled": 5,  # scheduled, held, thanked, closed and the cancelled one
        "held": 3,
        "thanked": 2,
        "closed": 1,
    }


def test_funnel_counts_the_exits_where_they_are(owner: User) -> None:
    interviews_at_every_stage(owner)
    exits = {c.stage: c.count for c in pipeline_funnel(owner.pk).exits}
    assert exits == {"declined": 2, "no_response": 1, "cancelled": 1}


def test_funnel_is_in_pipeline_order_with_labels(owner: User) -> None:
    InterviewFactory(owner=owner, stage=Stage.HELD)
    funnel = pipeline_funnel(owner.pk)
    assert [c.label for c in funnel.reached] == [
        "Idea",
        "Researching",
        "Requested",
        "Scheduled",
        "Held",
        "Thanked",
        "Closed",
    ]
    assert [c.count for c in funnel.reached] == [1, 1, 1, 1, 1, 0, 0]
    assert funnel.total == 1


def test_declined_and_no_response_reached_requested_and_no_further() -> None:
    assert reached_counts({"declined": 2, "no_response": 3}) == [5, 5, 5, 0, 0, 0, 0]


def test_cancelled_reached_scheduled_and_no_further() -> None:
    assert reached_counts({"cancelled": 4}) == [4, 4, 4, 4, 0, 0, 0]


def test_funnel_never_counts_another_users_interviews(owner: User, outsider: User) -> None:
    InterviewFactory(owner=owner, stage=Stage.REQUESTED)
    interviews_at_every_stage(outsider)
    funnel = pipeline_funnel(owner.pk)
    assert [c.count for c in funnel.reached] == [1, 1, 1, 0, 0, 0, 0]
    assert [c.count for c in funnel.exits] == [0, 0, 0]


def test_funnel_of_a_new_user_is_all_zeros(owner: User) -> None:
    funnel = pipeline_funnel(owner.pk)
    assert funnel.total == 0
    assert [c.count for c in funnel.reached] == [0] * 7


# --- weekly activity ---------------------------------------------------------------------------


def test_weeks_are_the_last_twelve_mondays_in_the_users_zone(owner: User) -> None:
    starts = week_starts(query(in_toronto(owner)))
    assert len(starts) == 12
    assert starts[0] == date(2024, 12, 23)
    assert starts[-1] == date(2025, 3, 10)
    assert all(start.weekday() == 0 for start in starts)


def test_the_week_is_the_users_own_when_utc_is_already_monday(owner: User) -> None:
    # Sunday 9 March, 21:00 in Toronto, is Monday 01:00 UTC: still the week of 3 March there.
    in_toronto(owner)
    activity(owner, ActivityKind.REQUEST_SENT, datetime(2025, 3, 10, 1, 0, tzinfo=UTC))
    weeks = {w.start: w.requests for w in weekly_activity(query(owner)).weeks}
    assert weeks[date(2025, 3, 3)] == 1
    assert weeks[date(2025, 3, 10)] == 0


def test_a_minute_before_and_after_local_midnight_on_monday_fall_in_different_weeks(
    owner: User,
) -> None:
    in_toronto(owner)  # Monday 10 March 00:00 in Toronto (summer time) is 04:00 UTC
    activity(owner, ActivityKind.REPLY_RECEIVED, datetime(2025, 3, 10, 3, 59, tzinfo=UTC))
    activity(owner, ActivityKind.REPLY_RECEIVED, datetime(2025, 3, 10, 4, 0, tzinfo=UTC))
    activity(owner, ActivityKind.REPLY_RECEIVED, datetime(2025, 3, 10, 4, 1, tzinfo=UTC))
    weeks = {w.start: w.replies for w in weekly_activity(query(owner)).weeks}
    assert (weeks[date(2025, 3, 3)], weeks[date(2025, 3, 10)]) == (1, 2)


def test_blank_time_zone_counts_weeks_in_utc(owner: User) -> None:
    owner.profile.time_zone = ""
    owner.profile.save()
    activity(owner, ActivityKind.REQUEST_SENT, datetime(2025, 3, 10, 1, 0, tzinfo=UTC))
    weeks = {w.start: w.requests for w in weekly_activity(query(owner)).weeks}
    assert (weeks[date(2025, 3, 3)], weeks[date(2025, 3, 10)]) == (0, 1)
    assert user_zone(owner) == zoneinfo.ZoneInfo("UTC")


def test_each_kind_goes_to_its_own_series_and_others_are_left_out(owner: User) -> None:
    in_toronto(owner)
    monday = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
    for kind, times in [
        (ActivityKind.REQUEST_SENT, 3),
        (ActivityKind.REPLY_RECEIVED, 2),
        (ActivityKind.HELD, 1),
        (ActivityKind.THANK_YOU_SENT, 1),
        (ActivityKind.NUDGE_SENT, 4),
        (ActivityKind.NOTE, 5),
    ]:
        for _ in range(times):
            activity(owner, kind, monday)
    week = weekly_activity(query(owner)).weeks[-1]
    assert (week.start, week.requests, week.replies, week.conversations, week.thank_yous) == (
        date(2025, 3, 10),
        3,
        2,
        1,
        1,
    )


def test_only_the_last_twelve_weeks_count(owner: User) -> None:
    in_toronto(owner)  # the first week starts Mon 23 Dec 2024, 00:00 in Toronto = 05:00 UTC
    activity(owner, ActivityKind.HELD, datetime(2024, 12, 23, 4, 59, tzinfo=UTC))
    activity(owner, ActivityKind.HELD, datetime(2024, 12, 23, 5, 0, tzinfo=UTC))
    activity(owner, ActivityKind.HELD, datetime(2025, 3, 17, 4, 0, tzinfo=UTC))  # next week
    weekly = weekly_activity(query(owner))
    assert weekly.series("conversations") == [1] + [0] * 11
    assert weekly.total == 1


def test_weekly_activity_never_counts_another_users_activities(owner: User, outsider: User) -> None:
    at = datetime(2025, 3, 11, 12, 0, tzinfo=UTC)
    activity(owner, ActivityKind.REQUEST_SENT, at)
    activity(outsider, ActivityKind.REQUEST_SENT, at)
    activity(outsider, ActivityKind.HELD, at)
    weekly = weekly_activity(query(owner))
    assert weekly.series("requests") == [0] * 11 + [1]
    assert weekly.total == 1


# --- replies -----------------------------------------------------------------------------------


def test_replies_are_the_outreach_apps_response_stats(owner: User, outsider: User) -> None:
    answered, unanswered = InterviewFactory(owner=owner), InterviewFactory(owner=owner)
    sent = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    activity(owner, ActivityKind.REQUEST_SENT, sent, answered)
    activity(owner, ActivityKind.REPLY_RECEIVED, sent + timedelta(days=2), answered)
    activity(owner, ActivityKind.REQUEST_SENT, sent, unanswered)
    activity(outsider, ActivityKind.REQUEST_SENT, sent)
    replies = dashboard_for(query(owner)).replies
    assert replies == response_stats(owner.pk)
    assert (replies.requests, replies.replies, replies.reply_rate) == (2, 1, 0.5)
    assert replies.median_days_to_reply == 2.0


# --- thank-yous within 24 hours (P23) ----------------------------------------------------------

HELD_AT = datetime(2025, 3, 5, 18, 0, tzinfo=UTC)


def held_then_thanked(user: User, after: timedelta | None) -> Interview:
    interview = InterviewFactory(owner=user, stage=Stage.HELD)
    activity(user, ActivityKind.HELD, HELD_AT, interview)
    if after is not None:
        activity(user, ActivityKind.THANK_YOU_SENT, HELD_AT + after, interview)
    return interview


def test_thank_you_23h59_after_counts_as_within_24_hours(owner: User) -> None:
    held_then_thanked(owner, timedelta(hours=23, minutes=59))
    result = thank_you_timeliness(owner.pk)
    assert (result.held, result.within) == (1, 1)


def test_thank_you_24h01_after_does_not_count(owner: User) -> None:
    held_then_thanked(owner, timedelta(hours=24, minutes=1))
    result = thank_you_timeliness(owner.pk)
    assert (result.held, result.within) == (1, 0)


def test_thank_you_exactly_24_hours_after_counts(owner: User) -> None:
    held_then_thanked(owner, timedelta(hours=24))
    assert thank_you_timeliness(owner.pk).within == 1


def test_share_is_of_the_conversations_held(owner: User) -> None:
    held_then_thanked(owner, timedelta(hours=2))
    held_then_thanked(owner, timedelta(hours=23, minutes=59))
    held_then_thanked(owner, timedelta(hours=24, minutes=1))
    held_then_thanked(owner, None)
    held_then_thanked(owner, -timedelta(hours=1))  # a thank-you before it was held is no thanks
    result = thank_you_timeliness(owner.pk)
    assert (result.held, result.within, result.share) == (5, 2, 0.4)


def test_thank_you_on_another_interview_does_not_count(owner: User) -> None:
    held_then_thanked(owner, None)
    activity(owner, ActivityKind.THANK_YOU_SENT, HELD_AT + timedelta(hours=1))
    assert (thank_you_timeliness(owner.pk).held, thank_you_timeliness(owner.pk).within) == (1, 0)


def test_a_conversation_marked_held_twice_counts_once(owner: User) -> None:
    interview = held_then_thanked(owner, None)
    activity(owner, ActivityKind.HELD, HELD_AT + timedelta(days=3), interview)
    activity(owner, ActivityKind.THANK_YOU_SENT, HELD_AT + timedelta(days=3, hours=5), interview)
    result = thank_you_timeliness(owner.pk)
    assert (result.held, result.within) == (1, 1)


def test_no_conversation_held_has_no_share(owner: User) -> None:
    result = thank_you_timeliness(owner.pk)
    assert (result.held, result.within, result.share) == (0, 0, None)


def test_thank_yous_never_count_another_users_conversations(owner: User, outsider: User) -> None:
    held_then_thanked(owner, None)
    held_then_thanked(outsider, timedelta(hours=1))
    held_then_thanked(outsider, timedelta(hours=1))
    result = thank_you_timeliness(owner.pk)
    assert (result.held, result.within) == (1, 0)


# --- keep in touch (P24) -----------------------------------------------------------------------

# In Toronto NOW is Wed 12 March, 11:00; the 7th day after is Wed 19 March, which ends at
# Thu 20 March 00:00 EDT = 04:00 UTC.
HORIZON = datetime(2025, 3, 20, 4, 0, tzinfo=UTC)


def keep_posted(user: User, due_at: datetime | None, **fields: object) -> object:
    person = PersonFactory(owner=user, keep_posted=True)
    return TaskFactory(
        owner=user, kind=TaskKind.KEEP_POSTED, person=person, due_at=due_at, **fields
    )


def test_keep_in_touch_lists_open_reminders_due_by_the_end_of_the_seventh_day(
    owner: User,
) -> None:
    in_toronto(owner)
    overdue = keep_posted(owner, NOW - timedelta(days=3))
    soon = keep_posted(owner, NOW + timedelta(days=2))
    last_minute = keep_posted(owner, HORIZON - timedelta(minutes=1))
    keep_posted(owner, HORIZON)
    keep_posted(owner, None)
    keep_posted(owner, NOW, done=True)
    TaskFactory(owner=owner, kind=TaskKind.NUDGE, due_at=NOW)
    due = keep_in_touch_due(query(owner))
    assert due.count == 3
    assert list(due.due) == [overdue, soon, last_minute]
    assert due.until == HORIZON
    assert due.last_day == date(2025, 3, 19)


def test_keep_in_touch_lists_a_few_and_counts_them_all(owner: User) -> None:
    for days in range(KEEP_IN_TOUCH_LISTED + 2):
        keep_posted(owner, NOW + timedelta(hours=days))
    due = keep_in_touch_due(query(owner))
    assert (due.count, len(due.due), due.more) == (KEEP_IN_TOUCH_LISTED + 2, 8, 2)


def test_keep_in_touch_never_lists_another_users_people(owner: User, outsider: User) -> None:
    mine = keep_posted(owner, NOW)
    keep_posted(outsider, NOW)
    due = keep_in_touch_due(query(owner))
    assert (due.count, list(due.due)) == (1, [mine])


# --- all of it ---------------------------------------------------------------------------------


def test_a_new_account_is_empty(owner: User) -> None:
    assert dashboard_for(query(owner)).is_empty


@pytest.mark.parametrize(
    "add",
    [
        lambda user: InterviewFactory(owner=user),
        lambda user: keep_posted(user, NOW),
    ],
    ids=["an interview", "a keep-in-touch reminder"],
)
def test_an_account_with_something_to_show_is_not_empty(owner: User, add: object) -> None:
    add(owner)  # type: ignore[operator]
    assert not dashboard_for(query(owner)).is_empty


def test_another_users_data_does_not_fill_an_empty_account(owner: User, outsider: User) -> None:
    interviews_at_every_stage(outsider)
    held_then_thanked(outsider, timedelta(hours=1))
    keep_posted(outsider, NOW)
    assert dashboard_for(query(owner)).is_empty
