"""The subscribable calendar feed: interviews and due tasks, behind a secret address only."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import regenerate_feed_secret
from coffeechat.interviews.calendar import feed_ics, interview_uid, task_uid
from coffeechat.interviews.models import Interview, Stage
from tests.factories import InterviewFactory, PersonFactory, TaskFactory, UserFactory
from tests.interviews.calendar_helpers import alarms, elapsed, events_by_uid, parse, time_zone_ids

PARIS = ZoneInfo("Europe/Paris")


def feed_url(user: User) -> str:
    return f"/feeds/{Profile.objects.get(user=user).feed_secret}.ics"


def upcoming(owner: User, days: int = 10, **fields: Any) -> Interview:
    values: dict[str, Any] = {
        "stage": Stage.SCHEDULED,
        "scheduled_start": timezone.now().replace(second=0, microsecond=0) + timedelta(days=days),
        "time_zone": "America/Toronto",
        "duration_minutes": 20,
    }
    values.update(fields)
    return InterviewFactory(owner=owner, person=PersonFactory(owner=owner), **values)


def feed_events(client: Client, user: User) -> dict[str, Any]:
    response = client.get(feed_url(user))
    assert response.status_code == 200
    return events_by_uid(parse(response.content))


def test_feed_works_without_login(owner: User, client: Client) -> None:
    response = client.get(feed_url(owner))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline;")


def test_feed_is_named_coffeechat(owner: User, client: Client) -> None:
    calendar = parse(client.get(feed_url(owner)).content)
    assert str(calendar["X-WR-CALNAME"]) == "coffeechat"
    assert str(calendar["VERSION"]) == "2.0"
    assert "PRODID" in calendar


def test_feed_includes_a_scheduled_interview_with_its_time_zone(
    owner: User, client: Client
) -> None:
    interview = upcoming(owner)
    response = client.get(feed_url(owner))
    calendar = parse(response.content)
    event = events_by_uid(calendar)[interview_uid(interview)]
    assert event["DTSTART"].params["TZID"] == "America/Toronto"
    assert event.decoded("DTSTART") == interview.scheduled_start
    assert elapsed(event) == timedelta(minutes=20)
    assert "America/Toronto" in time_zone_ids(calendar)
    assert [str(alarm["TRIGGER"].to_ical(), "ascii") for alarm in alarms(event)] == ["-PT30M"]


def test_feed_interview_has_no_organizer_or_attendee(owner: User, client: Client) -> None:
    interview = upcoming(owner)
    event = feed_events(client, owner)[interview_uid(interview)]
    assert "ORGANIZER" not in event
    assert "ATTENDEE" not in event


def test_feed_includes_recently_held_interviews_but_not_old_ones(
    owner: User, client: Client
) -> None:
    recent = upcoming(owner, days=-10, stage=Stage.HELD)
    old = upcoming(owner, days=-200, stage=Stage.THANKED)
    events = feed_events(client, owner)
    assert interview_uid(recent) in events
    assert interview_uid(old) not in events


@pytest.mark.parametrize("stage", [Stage.REQUESTED, Stage.CANCELLED, Stage.DECLINED])
def test_feed_leaves_out_interviews_that_are_not_happening(
    owner: User, client: Client, stage: Stage
) -> None:
    interview = upcoming(owner, stage=stage)
    assert interview_uid(interview) not in feed_events(client, owner)


def test_feed_leaves_out_interviews_without_a_time(owner: User, client: Client) -> None:
    interview = upcoming(owner, scheduled_start=None)
    assert interview_uid(interview) not in feed_events(client, owner)


def test_feed_includes_open_tasks_with_a_due_date(owner: User, client: Client) -> None:
    task = TaskFactory(owner=owner, title="Send the thank-you note")
    event = feed_events(client, owner)[task_uid(task, owner=owner)]
    assert "Send the thank-you note" in str(event["SUMMARY"])
    [alarm] = alarms(event)
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_feed_leaves_out_done_tasks_and_tasks_without_a_due_date(
    owner: User, client: Client
) -> None:
    done = TaskFactory(owner=owner, done=True)
    undated = TaskFactory(owner=owner, due_at=None)
    events = feed_events(client, owner)
    assert task_uid(done, owner=owner) not in events
    assert task_uid(undated, owner=owner) not in events


def test_feed_has_nothing_of_other_users(owner: User, outsider: User, client: Client) -> None:
    theirs = upcoming(outsider)
    their_task = TaskFactory(owner=outsider)
    mine = upcoming(owner)
    events = feed_events(client, owner)
    assert list(events) == [interview_uid(mine)]
    assert interview_uid(theirs) not in events
    assert task_uid(their_task, owner=outsider) not in events


def test_a_task_due_at_local_midnight_is_an_all_day_event(owner: User, client: Client) -> None:
    Profile.objects.filter(user=owner).update(time_zone="Europe/Paris")
    task = TaskFactory(owner=owner, due_at=datetime(2027, 5, 3, 0, 0, tzinfo=PARIS))
    event = feed_events(client, owner)[task_uid(task, owner=owner)]
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTSTART") == date(2027, 5, 3)
    assert event.decoded("DTEND") == date(2027, 5, 4)
    assert alarms(event)


def test_a_task_with_a_due_time_is_a_15_minute_event_in_the_users_zone(
    owner: User, client: Client
) -> None:
    Profile.objects.filter(user=owner).update(time_zone="Europe/Paris")
    task = TaskFactory(owner=owner, due_at=datetime(2027, 5, 3, 14, 30, tzinfo=PARIS))
    event = feed_events(client, owner)[task_uid(task, owner=owner)]
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2027, 5, 3, 14, 30)
    assert elapsed(event) == timedelta(minutes=15)


def test_a_midnight_in_utc_is_not_all_day_for_a_user_elsewhere(owner: User, client: Client) -> None:
    Profile.objects.filter(user=owner).update(time_zone="Europe/Paris")
    task = TaskFactory(owner=owner, due_at=datetime(2027, 5, 3, 0, 0, tzinfo=UTC))
    event = feed_events(client, owner)[task_uid(task, owner=owner)]
    assert isinstance(event.decoded("DTSTART"), datetime)


def test_feed_links_back_to_the_interview_page(owner: User, client: Client) -> None:
    interview = upcoming(owner, mode="cafe")
    event = feed_events(client, owner)[interview_uid(interview)]
    assert str(event["URL"]) == f"http://testserver/interviews/{interview.pk}/"


def test_unknown_secret_is_404(owner: User, client: Client) -> None:
    assert client.get("/feeds/not-the-secret.ics").status_code == 404


def test_old_secret_is_404_after_regenerating_and_the_new_one_works(
    owner: User, client: Client
) -> None:
    old = feed_url(owner)
    new_secret = regenerate_feed_secret(owner)
    assert client.get(old).status_code == 404
    assert client.get(f"/feeds/{new_secret}.ics").status_code == 200


def test_feed_of_a_deactivated_user_is_404(owner: User, client: Client) -> None:
    url = feed_url(owner)
    User.objects.filter(pk=owner.pk).update(is_active=False)
    assert client.get(url).status_code == 404


def test_feed_answers_get_only(owner: User, client: Client) -> None:
    assert client.post(feed_url(owner)).status_code == 405


def _feed_queries(client: Client, items: int) -> int:
    user = UserFactory()
    for index in range(items):
        upcoming(user, days=index + 1, time_zone=["Europe/Paris", "Asia/Tokyo", ""][index % 3])
        TaskFactory(owner=user, interview=None, person=PersonFactory(owner=user))
    url = feed_url(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(parse(response.content).events) == 2 * items
    return len(queries)


def test_feed_query_count_is_the_same_for_2_and_50_items(db: None, client: Client) -> None:
    assert _feed_queries(client, 2) == _feed_queries(client, 50)


def test_feed_function_makes_three_queries(owner: User) -> None:
    upcoming(owner)
    TaskFactory(owner=owner, interview=upcoming(owner))
    with CaptureQueriesContext(connection) as queries:
        feed_ics(owner)
    assert len(queries) <= 3
