"""The scheduling page: slots in their time zone and yours, confirm one, errors by the field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.interviews.models import ActivityKind, Interview, Mode, Stage
from tests.factories import ActivityFactory
from tests.interviews.calendar_helpers import (
    START,
    TORONTO,
    interview_of,
    kinds,
    parse,
    schedule,
)


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


def test_the_cancel_button_cancels_and_the_invite_becomes_a_cancellation(
    owner: User, owner_client: Client
) -> None:
    interview = interview_of(owner)
    schedule(interview)
    response = owner_client.post(page(interview), {"cancel": "1"})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.stage == Stage.CANCELLED
    assert interview.ics_sequence == 1
    download = owner_client.get(f"/interviews/{interview.pk}/invite.ics")
    assert str(parse(download.content)["METHOD"]) == "CANCEL"


def test_an_outsider_cannot_cancel(owner: User, outsider_client: Client) -> None:
    interview = interview_of(owner)
    schedule(interview)
    assert outsider_client.post(page(interview), {"cancel": "1"}).status_code == 404
    interview.refresh_from_db()
    assert interview.stage == Stage.SCHEDULED
