"""The calendar invite (P12): RFC 5545 read back with icalendar and checked field by field."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client

from coffeechat.interviews.calendar import invite_ics, invite_method
from coffeechat.interviews.models import Interview, Mode, Stage
from coffeechat.interviews.scheduling import cancel_interview, schedule_interview
from tests.conftest import ApiClient
from tests.factories import InterviewFactory, PersonFactory
from tests.interviews.calendar_helpers import (
    alarms,
    elapsed,
    end_of,
    only_event,
    parse,
    start_of,
    time_zone_ids,
)

TORONTO = ZoneInfo("America/Toronto")
PARIS = ZoneInfo("Europe/Paris")
START = datetime(2027, 4, 14, 10, 0, tzinfo=TORONTO)
NOW = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)


def scheduled(owner: User, **fields: Any) -> Interview:
    person = PersonFactory(
        owner=owner,
        name=fields.pop("person_name", "Dana Reyes"),
        emails=fields.pop("emails", ["dana@example.org"]),
        time_zone="America/Toronto",
    )
    values: dict[str, Any] = {
        "stage": Stage.SCHEDULED,
        "topic": "How product research works",
        "scheduled_start": START,
        "time_zone": "America/Toronto",
        "duration_minutes": 20,
        "mode": Mode.VIDEO,
        "video_url": "https://meet.example/abc-defg",
    }
    values.update(fields)
    return InterviewFactory(owner=owner, person=person, **values)


def invite(interview: Interview, organizer: str = "alice@example.com", **kwargs: Any) -> Any:
    return only_event(parse(invite_ics(interview, organizer_email=organizer, **kwargs)))


# --- the calendar and its event ----------------------------------------------------------------


def test_invite_has_prodid_version_and_method_request(owner: User) -> None:
    calendar = parse(invite_ics(scheduled(owner), organizer_email=owner.email))
    assert "coffeechat" in str(calendar["PRODID"])
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "REQUEST"


def test_uid_is_stable_across_two_downloads(owner: User, owner_client: Client) -> None:
    interview = scheduled(owner)
    url = f"/interviews/{interview.pk}/invite.ics"
    first = only_event(parse(owner_client.get(url).content))
    second = only_event(parse(owner_client.get(url).content))
    assert str(first["UID"]) == str(second["UID"])
    assert str(first["UID"]).startswith(f"interview-{interview.pk}-")
    assert str(first["UID"]).endswith("@coffeechat")


def test_uid_differs_from_one_interview_to_the_next(owner: User) -> None:
    assert invite(scheduled(owner))["UID"] != invite(scheduled(owner))["UID"]


def test_dtstamp_is_present_and_in_utc(owner: User) -> None:
    stamp = invite(scheduled(owner), now=NOW).decoded("DTSTAMP")
    assert stamp == NOW
    assert stamp.utcoffset() == timedelta(0)


def test_dtstart_carries_the_interview_time_zone_and_the_vtimezone_is_included(
    owner: User,
) -> None:
    calendar = parse(invite_ics(scheduled(owner), organizer_email=owner.email))
    event = only_event(calendar)
    assert event["DTSTART"].params["TZID"] == "America/Toronto"
    assert start_of(event) == START
    assert start_of(event).replace(tzinfo=None) == datetime(2027, 4, 14, 10, 0)
    assert time_zone_ids(calendar) == {"America/Toronto"}


def test_dtend_minus_dtstart_is_the_agreed_duration(owner: User) -> None:
    event = invite(scheduled(owner, duration_minutes=25))
    assert elapsed(event) == timedelta(minutes=25)


@pytest.mark.parametrize(
    ("zone", "wall_start", "wall_end"),
    [
        # Clocks go from 02:00 to 03:00 on 8 March 2026 in Toronto.
        ("America/Toronto", datetime(2026, 3, 8, 1, 30), datetime(2026, 3, 8, 3, 30)),
        # Clocks go from 02:00 to 03:00 on 29 March 2026 in Paris.
        ("Europe/Paris", datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 3, 30)),
    ],
)
def test_across_a_daylight_saving_change_the_wall_time_and_duration_are_kept(
    owner: User, zone: str, wall_start: datetime, wall_end: datetime
) -> None:
    start = wall_start.replace(tzinfo=ZoneInfo(zone))
    interview = scheduled(owner, scheduled_start=start, time_zone=zone, duration_minutes=60)
    calendar = parse(invite_ics(interview, organizer_email=owner.email))
    event = only_event(calendar)
    assert event["DTSTART"].params["TZID"] == zone
    assert start_of(event).replace(tzinfo=None) == wall_start
    assert end_of(event).replace(tzinfo=None) == wall_end
    assert elapsed(event) == timedelta(minutes=60)
    assert zone in time_zone_ids(calendar)


def test_an_interview_without_a_time_zone_is_in_utc(owner: User) -> None:
    calendar = parse(invite_ics(scheduled(owner, time_zone=""), organizer_email=owner.email))
    event = only_event(calendar)
    assert "TZID" not in event["DTSTART"].params
    assert start_of(event).utcoffset() == timedelta(0)
    assert start_of(event) == START
    assert time_zone_ids(calendar) == set()


# --- who ---------------------------------------------------------------------------------------


def test_organizer_and_attendee_are_present_when_the_emails_are_known(owner: User) -> None:
    event = invite(scheduled(owner), organizer="alice@example.com", organizer_name="Alice")
    assert str(event["ORGANIZER"]) == "mailto:alice@example.com"
    assert event["ORGANIZER"].params["CN"] == "Alice"
    assert str(event["ATTENDEE"]) == "mailto:dana@example.org"
    assert event["ATTENDEE"].params["CN"] == "Dana Reyes"
    assert event["ATTENDEE"].params["RSVP"] == "TRUE"


def test_no_organizer_without_the_users_email(owner: User) -> None:
    event = invite(scheduled(owner), organizer="")
    assert "ORGANIZER" not in event
    assert "ATTENDEE" in event


def test_no_attendee_without_the_persons_email(owner: User) -> None:
    event = invite(scheduled(owner, emails=[]))
    assert "ATTENDEE" not in event
    assert "ORGANIZER" in event


# --- what and where ----------------------------------------------------------------------------


def test_alarm_displays_thirty_minutes_before(owner: User) -> None:
    [alarm] = alarms(invite(scheduled(owner)))
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-30)
    assert "DESCRIPTION" in alarm


def test_video_call_has_the_link_as_location_and_url(owner: User) -> None:
    event = invite(scheduled(owner))
    assert str(event["LOCATION"]) == "https://meet.example/abc-defg"
    assert str(event["URL"]) == "https://meet.example/abc-defg"


def test_summary_names_the_person_and_the_topic(owner: User) -> None:
    summary = str(invite(scheduled(owner))["SUMMARY"])
    assert "Dana Reyes" in summary
    assert "How product research works" in summary


def test_description_has_the_topic_and_the_agreed_duration(owner: User) -> None:
    description = str(invite(scheduled(owner, duration_minutes=15))["DESCRIPTION"])
    assert "Topic: How product research works" in description
    assert "Agreed duration: 15 minutes" in description


def test_cafe_invite_has_the_place_and_says_i_pay(owner: User) -> None:
    event = invite(scheduled(owner, mode=Mode.CAFE, video_url="", location="Café Olimpico"))
    assert str(event["LOCATION"]) == "Café Olimpico"
    assert "I'll pay for the coffee" in str(event["DESCRIPTION"])
    assert "URL" not in event


def test_sequence_and_status_of_a_scheduled_interview(owner: User) -> None:
    event = invite(scheduled(owner, ics_sequence=3))
    assert event.decoded("SEQUENCE") == 3
    assert str(event["STATUS"]) == "CONFIRMED"


def test_rescheduling_increments_the_sequence_and_keeps_the_uid(owner: User) -> None:
    interview = scheduled(owner)
    before = invite(interview)
    schedule_interview(
        interview,
        start=START + timedelta(days=2),
        time_zone="America/Toronto",
        duration_minutes=20,
        mode=Mode.VIDEO,
        video_url="https://meet.example/abc-defg",
        now=NOW,
    )
    after = invite(interview)
    assert after["UID"] == before["UID"]
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1
    assert start_of(after) == START + timedelta(days=2)


def test_cancelling_gives_method_cancel_and_status_cancelled(owner: User) -> None:
    interview = scheduled(owner)
    before = invite(interview)
    cancel_interview(interview)
    assert invite_method(interview) == "CANCEL"
    calendar = parse(invite_ics(interview, organizer_email=owner.email, method="CANCEL"))
    event = only_event(calendar)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["UID"] == before["UID"]
    assert event.decoded("SEQUENCE") > before.decoded("SEQUENCE")


# --- no injection ------------------------------------------------------------------------------

EVIL = "\r\nATTENDEE:mailto:evil@x"


@pytest.mark.parametrize("field", ["topic", "location"])
def test_a_line_break_in_a_text_value_adds_no_attendee(owner: User, field: str) -> None:
    interview = scheduled(owner, mode=Mode.CAFE, video_url="", **{field: f"Coffee{EVIL}"})
    body = invite_ics(interview, organizer_email=owner.email)
    event = only_event(parse(body))
    assert str(event["ATTENDEE"]) == "mailto:dana@example.org"  # one ATTENDEE, not a list
    assert b"\r\nATTENDEE:mailto:evil@x" not in body


def test_a_line_break_in_the_persons_name_adds_no_attendee(owner: User) -> None:
    interview = scheduled(owner, person_name=f'Dana "D"{EVIL}')
    body = invite_ics(interview, organizer_email=owner.email)
    event = only_event(parse(body))
    assert str(event["ATTENDEE"]) == "mailto:dana@example.org"
    assert b"\r\nATTENDEE:mailto:evil@x" not in body


# --- the download (web) ------------------------------------------------------------------------


def test_download_is_text_calendar_with_method_and_a_filename(
    owner: User, owner_client: Client
) -> None:
    interview = scheduled(owner)
    response = owner_client.get(f"/interviews/{interview.pk}/invite.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8; method=REQUEST"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "coffee-chat-dana-reyes-2027-04-14.ics" in response["Content-Disposition"]


def test_download_of_a_cancelled_interview_is_a_cancellation(
    owner: User, owner_client: Client
) -> None:
    interview = scheduled(owner)
    cancel_interview(interview)
    response = owner_client.get(f"/interviews/{interview.pk}/invite.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8; method=CANCEL"
    assert str(parse(response.content)["METHOD"]) == "CANCEL"


def test_download_names_the_signed_in_user_as_organizer(owner: User, owner_client: Client) -> None:
    interview = scheduled(owner)
    event = only_event(parse(owner_client.get(f"/interviews/{interview.pk}/invite.ics").content))
    assert str(event["ORGANIZER"]) == f"mailto:{owner.email}"


def test_outsider_gets_404_for_the_invite(owner: User, outsider_client: Client) -> None:
    interview = scheduled(owner)
    assert outsider_client.get(f"/interviews/{interview.pk}/invite.ics").status_code == 404


def test_anonymous_visitor_is_sent_to_login_for_the_invite(owner: User, client: Client) -> None:
    interview = scheduled(owner)
    response = client.get(f"/interviews/{interview.pk}/invite.ics")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unscheduled_interview_answers_409_with_a_message(
    owner: User, owner_client: Client
) -> None:
    interview = scheduled(owner, scheduled_start=None, stage=Stage.REQUESTED)
    response = owner_client.get(f"/interviews/{interview.pk}/invite.ics")
    assert response.status_code == 409
    assert b"no time yet" in response.content
    assert f"/interviews/{interview.pk}/schedule/".encode() in response.content


def test_interview_page_links_to_the_schedule_page_and_the_invite(
    owner: User, owner_client: Client
) -> None:
    interview = scheduled(owner)
    content = owner_client.get(f"/interviews/{interview.pk}/").content.decode()
    assert f"/interviews/{interview.pk}/schedule/" in content
    assert f"/interviews/{interview.pk}/invite.ics" in content


def test_unscheduled_interview_page_has_no_invite_link(owner: User, owner_client: Client) -> None:
    interview = scheduled(owner, scheduled_start=None, stage=Stage.REQUESTED)
    content = owner_client.get(f"/interviews/{interview.pk}/").content.decode()
    assert f"/interviews/{interview.pk}/schedule/" in content
    assert "invite.ics" not in content


# --- the download (API) ------------------------------------------------------------------------


def test_api_invite_is_the_same_calendar(owner: User, owner_api: ApiClient) -> None:
    interview = scheduled(owner)
    response = owner_api.get(f"/api/v1/interviews/{interview.pk}/invite.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8; method=REQUEST"
    event = only_event(parse(response.content))
    assert event["UID"] == invite(interview)["UID"]
    assert str(event["ORGANIZER"]) == f"mailto:{owner.email}"


def test_api_outsider_gets_404_for_the_invite(owner: User, outsider_api: ApiClient) -> None:
    interview = scheduled(owner)
    assert outsider_api.get(f"/api/v1/interviews/{interview.pk}/invite.ics").status_code == 404


def test_api_invite_needs_a_token(owner: User, client: Client) -> None:
    interview = scheduled(owner)
    assert client.get(f"/api/v1/interviews/{interview.pk}/invite.ics").status_code == 401


def test_api_invite_of_an_unscheduled_interview_answers_409(
    owner: User, owner_api: ApiClient
) -> None:
    interview = scheduled(owner, scheduled_start=None, stage=Stage.REQUESTED)
    response = owner_api.get(f"/api/v1/interviews/{interview.pk}/invite.ics")
    assert response.status_code == 409
    assert "schedule it first" in response.json()["detail"]
