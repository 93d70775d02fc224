"""Scheduling services (P11–P14): confirming a time, rescheduling, cancelling, the SEQUENCE."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from coffeechat.interviews.calendar import invite_ics
from coffeechat.interviews.models import Activity, ActivityKind, Mode, Stage
from coffeechat.interviews.scheduling import cancel_interview, local_datetime, request_sent_at
from coffeechat.interviews.services import move_to_stage, save_interview
from tests.factories import ActivityFactory
from tests.interviews.calendar_helpers import (
    NOW,
    START,
    interview_of,
    kinds,
    only_event,
    parse,
    schedule,
    start_of,
)

# --- schedule_interview ------------------------------------------------------------------------


def test_scheduling_saves_the_time_and_moves_to_scheduled(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview, duration_minutes=15, mode=Mode.CAFE, location="Café Olimpico")
    interview.refresh_from_db()
    assert interview.scheduled_start == START
    assert interview.time_zone == "America/Toronto"
    assert interview.duration_minutes == 15
    assert interview.mode == Mode.CAFE
    assert interview.location == "Café Olimpico"
    assert interview.stage == Stage.SCHEDULED


def test_first_scheduling_records_one_scheduled_activity(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    assert kinds(interview) == [ActivityKind.SCHEDULED]


def test_first_scheduling_keeps_the_sequence_at_zero(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    interview.refresh_from_db()
    assert interview.ics_sequence == 0


def test_a_new_time_increments_the_sequence_and_records_rescheduled(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    schedule(interview, start=START + timedelta(days=1))
    interview.refresh_from_db()
    assert interview.ics_sequence == 1
    assert kinds(interview) == [ActivityKind.RESCHEDULED, ActivityKind.SCHEDULED]


def test_the_same_time_again_records_nothing_and_keeps_the_sequence(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    schedule(interview)
    interview.refresh_from_db()
    assert interview.ics_sequence == 0
    assert kinds(interview) == [ActivityKind.SCHEDULED]


def test_rescheduling_a_cancelled_interview_records_one_rescheduled_activity(
    owner: User,
) -> None:
    interview = interview_of(owner)
    schedule(interview)
    cancel_interview(interview, at=NOW)
    schedule(interview, start=START + timedelta(days=7))
    interview.refresh_from_db()
    assert interview.stage == Stage.SCHEDULED
    assert kinds(interview)[0] == ActivityKind.RESCHEDULED
    assert kinds(interview).count(ActivityKind.RESCHEDULED) == 1


def test_a_time_after_the_clock_change_keeps_the_wall_time_entered(owner: User) -> None:
    # Scheduled in February (EST) for a day after the 14 March 2027 change (EDT).
    wall = datetime(2027, 3, 16, 10, 0)
    interview = interview_of(owner)
    schedule(interview, start=local_datetime(wall, "America/Toronto"))
    event = only_event(parse(invite_ics(interview, organizer_email=owner.email)))
    assert start_of(event).replace(tzinfo=None) == wall
    assert start_of(event).utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start": NOW - timedelta(hours=1)}, "start"),
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 600}, "duration_minutes"),
        ({"mode": "carrier_pigeon"}, "mode"),
        ({"video_url": "not a link"}, "video_url"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    owner: User, overrides: dict[str, Any], field: str
) -> None:
    interview = interview_of(owner)
    with pytest.raises(ValidationError) as caught:
        schedule(interview, **overrides)
    assert field in caught.value.message_dict
    assert interview.scheduled_start is None  # the instance is left as it was
    interview.refresh_from_db()
    assert interview.scheduled_start is None
    assert interview.stage == Stage.REQUESTED
    assert kinds(interview) == []


def test_a_held_interview_cannot_be_scheduled(owner: User) -> None:
    interview = interview_of(owner, stage=Stage.HELD)
    with pytest.raises(ValidationError) as caught:
        schedule(interview)
    assert "stage" in caught.value.message_dict


def test_request_date_is_the_latest_request_sent_activity(owner: User) -> None:
    interview = interview_of(owner)
    for days in (30, 3):
        ActivityFactory(
            owner=owner,
            interview=interview,
            kind=ActivityKind.REQUEST_SENT,
            at=NOW - timedelta(days=days),
        )
    ActivityFactory(owner=owner, interview=interview, kind=ActivityKind.NOTE, at=NOW)
    assert request_sent_at(interview) == NOW - timedelta(days=3)


def test_a_first_slot_within_14_days_of_the_request_warns_and_still_schedules(
    owner: User,
) -> None:
    interview = interview_of(owner)
    ActivityFactory(owner=owner, interview=interview, kind=ActivityKind.REQUEST_SENT, at=NOW)
    warnings = schedule(interview, start=NOW + timedelta(days=5))
    assert [w.field for w in warnings] == ["slots"]
    assert "P11" in warnings[0].message
    interview.refresh_from_db()
    assert interview.stage == Stage.SCHEDULED


def test_a_slot_four_weeks_after_the_request_gives_no_warning(owner: User) -> None:
    interview = interview_of(owner)
    ActivityFactory(owner=owner, interview=interview, kind=ActivityKind.REQUEST_SENT, at=NOW)
    assert schedule(interview) == []


@pytest.mark.parametrize(("agreed", "warned"), [(False, True), (True, False)])
def test_more_than_30_minutes_warns_unless_they_agreed(
    owner: User, agreed: bool, warned: bool
) -> None:
    warnings = schedule(interview_of(owner), duration_minutes=45, longer_agreed=agreed)
    assert any(w.field == "duration_minutes" for w in warnings) is warned


def test_a_video_call_without_a_link_warns(owner: User) -> None:
    warnings = schedule(interview_of(owner), video_url="")
    assert [w.field for w in warnings] == ["video_url"]


# --- cancelling and other changes to the invite ------------------------------------------------


def test_cancelling_moves_to_cancelled_raises_the_sequence_and_records_it(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    cancel_interview(interview, at=NOW)
    interview.refresh_from_db()
    assert interview.stage == Stage.CANCELLED
    assert interview.ics_sequence == 1
    assert kinds(interview)[0] == ActivityKind.STAGE_CHANGED
    assert "Cancelled" in Activity.objects.filter(interview=interview).first().text  # type: ignore[union-attr]


def test_cancelling_twice_changes_nothing_more(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    cancel_interview(interview, at=NOW)
    assert cancel_interview(interview, at=NOW) is None
    interview.refresh_from_db()
    assert interview.ics_sequence == 1


def test_moving_to_cancelled_on_the_board_also_raises_the_sequence(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    move_to_stage(interview, Stage.CANCELLED)
    interview.refresh_from_db()
    assert interview.ics_sequence == 1


def test_changing_the_start_in_the_edit_form_raises_the_sequence(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    interview.scheduled_start = START + timedelta(hours=2)
    save_interview(interview)
    interview.refresh_from_db()
    assert interview.ics_sequence == 1


def test_editing_the_notes_keeps_the_sequence(owner: User) -> None:
    interview = interview_of(owner)
    schedule(interview)
    interview.outcome_notes = "Bring the printed questions."
    save_interview(interview)
    interview.refresh_from_db()
    assert interview.ics_sequence == 0


def test_a_time_skipped_by_the_clocks_is_refused() -> None:
    with pytest.raises(ValueError, match="does not exist"):
        local_datetime(datetime(2027, 3, 14, 2, 30), "America/Toronto")
