"""Scheduling (P11–P14): the services, then the scheduling page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.interviews.calendar import invite_ics
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Mode, Stage
from coffeechat.interviews.scheduling import (
    cancel_interview,
    local_datetime,
    request_sent_at,
    schedule_interview,
)
from coffeechat.interviews.services import move_to_stage, save_interview
from tests.factories import ActivityFactory, InterviewFactory, PersonFactory
from tests.interviews.ical import only_event, parse, start_of

TORONTO = ZoneInfo("America/Toronto")
NOW = datetime(2027, 2, 1, 15, 0, tzinfo=UTC)
START = datetime(2027, 3, 2, 10, 0, tzinfo=TORONTO)  # four weeks after NOW


def interview_of(owner: User, **fields: Any) -> Interview:
    person = PersonFactory(owner=owner, name="Dana Reyes", time_zone="America/Toronto")
    values: dict[str, Any] = {"stage": Stage.REQUESTED, "topic": "Product research"}
    values.update(fields)
    return InterviewFactory(owner=owner, person=person, **values)


def schedule(interview: Interview, **overrides: Any) -> list[Any]:
    arguments: dict[str, Any] = {
        "start": START,
        "time_zone": "America/Toronto",
        "duration_minutes": 20,
        "mode": Mode.VIDEO,
        "location": "",
        "video_url": "https://meet.example/abc",
        "longer_agreed": False,
        "now": NOW,
    }
    arguments.update(overrides)
    return schedule_interview(interview, **arguments)


def kinds(interview: Interview) -> list[str]:
    return list(Activity.objects.filter(interview=interview).values_list("kind", flat=True))


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


# --- the scheduling page -----------------------------------------------------------------------


def wall_in(days: int, hour: int = 10) -> str:
    day = timezone.now().astimezone(TORONTO) + timedelta(days=days)
    return f"{day:%Y-%m-%d}T{hour:02d}:00"


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "time_zone": "America/Toronto",
        "slot_1": wall_in(30),
        "slot_2": wall_in(31, 14),
        "slot_3": "",
        "duration": "20",
        "duration_other": "",
        "mode": "video",
        "location": "",
        "video_url": "https://meet.example/abc",
    }
    data.update(overrides)
    return data


def page(interview: Interview) -> str:
    return f"/interviews/{interview.pk}/schedule/"


def test_schedule_page_shows_the_form(owner: User, owner_client: Client) -> None:
    interview = interview_of(owner)
    response = owner_client.get(page(interview))
    assert response.status_code == 200
    for name in ("time_zone", "slot_1", "slot_2", "slot_3", "duration", "mode", "video_url"):
        assert f'name="{name}"' in response.content.decode()


def test_modes_are_offered_in_the_order_of_preference(owner: User, owner_client: Client) -> None:
    content = owner_client.get(page(interview_of(owner))).content.decode()
    positions = [content.index(f'value="{mode}"') for mode in Mode.values]
    assert positions == sorted(positions)


def test_outsider_gets_404_for_the_schedule_page(owner: User, outsider_client: Client) -> None:
    interview = interview_of(owner)
    assert outsider_client.get(page(interview)).status_code == 404
    assert outsider_client.post(page(interview), form_data(confirm="1")).status_code == 404
    interview.refresh_from_db()
    assert interview.scheduled_start is None


def test_anonymous_visitor_is_sent_to_login_for_the_schedule_page(
    owner: User, client: Client
) -> None:
    response = client.get(page(interview_of(owner)))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_showing_the_times_lists_each_slot_in_their_time_and_yours(
    owner: User, owner_client: Client
) -> None:
    Profile.objects.filter(user=owner).update(time_zone="Europe/Paris")
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data())
    content = response.content.decode()
    rows = response.context["rows"]
    assert [row.number for row in rows] == [1, 2]
    their, yours = rows[0].times
    assert (their.label, their.zone, their.start.hour) == ("their time", "America/Toronto", 10)
    assert (yours.label, yours.zone) == ("your time", "Europe/Paris")
    assert yours.start == their.start
    assert "America/Toronto" in content
    assert "Europe/Paris" in content
    assert f"{their.start:%H:%M}" in content
    assert f"{yours.start:%H:%M}" in content
    assert 'name="confirm" value="2"' in content


def test_showing_the_times_saves_nothing(owner: User, owner_client: Client) -> None:
    interview = interview_of(owner)
    owner_client.post(page(interview), form_data())
    interview.refresh_from_db()
    assert interview.scheduled_start is None
    assert kinds(interview) == []


def test_confirming_a_slot_schedules_it(owner: User, owner_client: Client) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(confirm="2"))
    assert response.status_code == 302
    assert response["Location"] == f"/interviews/{interview.pk}/"
    interview.refresh_from_db()
    assert interview.stage == Stage.SCHEDULED
    start = interview.scheduled_start.astimezone(TORONTO)  # type: ignore[union-attr]
    assert f"{start:%Y-%m-%dT%H:%M}" == wall_in(31, 14)


def test_confirming_an_empty_slot_says_so(owner: User, owner_client: Client) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(confirm="3"))
    assert response.status_code == 200
    assert "nothing to confirm" in response.context["form"].errors["slot_3"][0]


@pytest.mark.parametrize("action", [{}, {"confirm": "1"}])
def test_a_slot_in_the_past_is_refused_next_to_the_slot(
    owner: User, owner_client: Client, action: dict[str, str]
) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(slot_1=wall_in(-2), **action))
    assert response.status_code == 200
    assert "in the past" in " ".join(response.context["form"].errors["slot_1"])
    interview.refresh_from_db()
    assert interview.scheduled_start is None


def test_an_unknown_time_zone_is_refused_next_to_the_field(
    owner: User, owner_client: Client
) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(time_zone="Mars/Base", confirm="1"))
    assert "not a known time zone" in response.context["form"].errors["time_zone"][0]
    interview.refresh_from_db()
    assert interview.scheduled_start is None


@pytest.mark.parametrize(("typed", "message"), [("0", "zero"), ("600", "too long")])
@pytest.mark.parametrize("action", [{}, {"confirm": "1"}])
def test_a_duration_of_0_or_600_is_refused_next_to_the_field(
    owner: User, owner_client: Client, typed: str, message: str, action: dict[str, str]
) -> None:
    interview = interview_of(owner)
    data = form_data(duration="other", duration_other=typed, **action)
    response = owner_client.post(page(interview), data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["duration_other"])
    assert 'id="id_duration_other_error"' in response.content.decode()
    interview.refresh_from_db()
    assert interview.scheduled_start is None
    assert kinds(interview) == []


def test_a_time_the_clocks_skip_is_refused_next_to_the_slot(
    owner: User, owner_client: Client
) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(slot_1="2037-03-08T02:30"))
    assert "does not exist" in response.context["form"].errors["slot_1"][0]


def test_the_14_day_warning_appears_and_does_not_block(owner: User, owner_client: Client) -> None:
    interview = interview_of(owner)
    ActivityFactory(owner=owner, interview=interview, kind=ActivityKind.REQUEST_SENT)
    soon = form_data(slot_1=wall_in(5), slot_2="")
    shown = owner_client.post(page(interview), soon)
    assert "P11" in shown.content.decode()
    assert 'name="confirm" value="1"' in shown.content.decode()
    confirmed = owner_client.post(page(interview), {**soon, "confirm": "1"}, follow=True)
    assert "P11" in confirmed.content.decode()
    interview.refresh_from_db()
    assert interview.stage == Stage.SCHEDULED


def test_more_than_30_minutes_without_their_consent_warns(
    owner: User, owner_client: Client
) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(duration="other", duration_other="45"))
    assert "P14" in response.content.decode()


def test_a_cafe_meeting_reminds_you_to_pay(owner: User, owner_client: Client) -> None:
    interview = interview_of(owner)
    response = owner_client.post(page(interview), form_data(mode="cafe", location="Café Olimpico"))
    assert "you pay for the coffee" in response.content.decode()


def test_the_page_of_a_scheduled_interview_shows_the_current_time_and_the_invite(
    owner: User, owner_client: Client
) -> None:
    interview = interview_of(owner, stage=Stage.SCHEDULED, scheduled_start=START)
    interview.time_zone = "America/Toronto"
    interview.save()
    content = owner_client.get(page(interview)).content.decode()
    assert "Currently scheduled" in content
    assert f"/interviews/{interview.pk}/invite.ics" in content
    assert 'value="2027-03-02T10:00"' in content
