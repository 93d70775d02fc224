"""P23 thank them within 24 hours, P28 tell the referrer: the tasks that follow a held interview,
the drafted note, the printable card and recording the thank-you."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.followup.models import Task, TaskKind
from coffeechat.followup.services import interview_held, thank_you_sent
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.interviews.services import move_to_stage, record_activity
from coffeechat.outreach.composer import draft_for
from tests.conftest import ApiClient
from tests.factories import DebriefFactory, InterviewFactory, PersonFactory, TaskFactory

ENDED = datetime(2026, 3, 2, 15, 20, tzinfo=UTC)


@pytest.fixture
def interview(owner: User) -> Interview:
    person = PersonFactory(owner=owner, name="Ana Silva", emails=["ana@example.org"])
    return InterviewFactory(owner=owner, person=person, stage=Stage.SCHEDULED)


@pytest.fixture
def referred(owner: User) -> Interview:
    ben = PersonFactory(owner=owner, name="Ben Okafor")
    ana = PersonFactory(owner=owner, name="Ana Silva", referred_by=ben)
    return InterviewFactory(owner=owner, person=ana, stage=Stage.SCHEDULED)


def thank_yous(interview: Interview) -> list[Task]:
    return list(Task.objects.filter(interview=interview, kind=TaskKind.THANK_YOU))


# --- the held hook -----------------------------------------------------------------------------


def test_moving_to_held_creates_a_thank_you_task_due_24_hours_after_the_end(
    interview: Interview,
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    [task] = thank_yous(interview)
    assert task.due_at == ENDED + timedelta(hours=24)
    assert (task.done, task.owner, task.person) == (False, interview.owner, interview.person)


def test_the_thank_you_task_is_titled_with_their_name_and_the_24_hours(
    interview: Interview,
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    assert thank_yous(interview)[0].title == "Thank Ana Silva (within 24 hours)"


def test_live_mode_end_uses_the_real_end_of_the_conversation(interview: Interview) -> None:
    ended_at = datetime(2026, 3, 1, 9, 47, tzinfo=UTC)  # the End button, a day before
    move_to_stage(interview, Stage.HELD, at=ended_at)
    assert thank_yous(interview)[0].due_at == datetime(2026, 3, 2, 9, 47, tzinfo=UTC)


def test_board_move_to_held_creates_the_thank_you_task(
    owner_client: Client, interview: Interview
) -> None:
    owner_client.post(f"/interviews/{interview.pk}/move/", {"stage": Stage.HELD})
    held = Activity.objects.get(interview=interview, kind=ActivityKind.HELD)
    [task] = thank_yous(interview)
    assert task.due_at == held.at + timedelta(hours=24)


def test_api_patch_of_the_stage_to_held_creates_the_thank_you_task(
    owner_api: ApiClient, interview: Interview
) -> None:
    response = owner_api.patch(f"/api/v1/interviews/{interview.pk}", {"stage": "held"})
    assert response.status_code == 200
    held = Activity.objects.get(interview=interview, kind=ActivityKind.HELD)
    [task] = thank_yous(interview)
    assert task.due_at == held.at + timedelta(hours=24)


def test_held_then_scheduled_then_held_keeps_one_open_thank_you_task(
    interview: Interview,
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    move_to_stage(interview, Stage.SCHEDULED, at=ENDED + timedelta(minutes=1))
    move_to_stage(interview, Stage.HELD, at=ENDED + timedelta(minutes=2))
    [task] = thank_yous(interview)
    assert task.due_at == ENDED + timedelta(hours=24)


def test_back_to_held_after_thanking_asks_for_no_second_thank_you(interview: Interview) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    move_to_stage(interview, Stage.THANKED, at=ENDED + timedelta(hours=2))
    move_to_stage(interview, Stage.HELD, at=ENDED + timedelta(hours=3))
    assert [t.done for t in thank_yous(interview)] == [True]


def test_a_dismissed_thank_you_is_asked_again_when_held_again(interview: Interview) -> None:
    TaskFactory(
        owner=interview.owner,
        interview=interview,
        kind=TaskKind.THANK_YOU,
        done=True,
        dismissed=True,
    )
    interview_held(interview, ENDED)
    assert sorted((t.done, t.dismissed) for t in thank_yous(interview)) == [
        (False, False),
        (True, True),
    ]


def test_other_stages_create_no_thank_you_task(interview: Interview) -> None:
    for stage in (Stage.REQUESTED, Stage.CANCELLED, Stage.CLOSED):
        move_to_stage(interview, stage, at=ENDED)
    assert thank_yous(interview) == []


def test_a_referred_persons_held_interview_asks_to_tell_the_referrer(
    referred: Interview,
) -> None:
    move_to_stage(referred, Stage.HELD, at=ENDED)
    task = Task.objects.get(kind=TaskKind.THANK_REFERRER)
    assert task.title == "Tell Ben how the conversation with Ana went"
    assert (task.person, task.interview) == (referred.person.referred_by, referred)
    assert task.due_at > ENDED


def test_the_referrer_task_is_not_repeated_when_held_again(referred: Interview) -> None:
    move_to_stage(referred, Stage.HELD, at=ENDED)
    move_to_stage(referred, Stage.SCHEDULED, at=ENDED)
    move_to_stage(referred, Stage.HELD, at=ENDED)
    assert Task.objects.filter(kind=TaskKind.THANK_REFERRER).count() == 1


def test_without_a_referrer_there_is_no_referrer_task(interview: Interview) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    assert not Task.objects.filter(kind=TaskKind.THANK_REFERRER).exists()


# --- recording the thank-you -------------------------------------------------------------------


def test_thank_you_sent_records_it_moves_to_thanked_and_ticks_the_task(
    interview: Interview,
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    activity = thank_you_sent(interview, at=ENDED + timedelta(hours=3))
    interview.refresh_from_db()
    [task] = thank_yous(interview)
    assert activity.kind == ActivityKind.THANK_YOU_SENT
    assert interview.stage == Stage.THANKED
    assert (task.done, task.done_at) == (True, ENDED + timedelta(hours=3))


def test_recording_a_thank_you_in_the_timeline_ticks_the_task(interview: Interview) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    record_activity(interview.owner, ActivityKind.THANK_YOU_SENT, at=ENDED, interview=interview)
    assert thank_yous(interview)[0].done


def test_composer_record_of_a_thank_you_moves_the_interview_to_thanked(
    owner_client: Client, interview: Interview
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    data = {
        "kind": "thank_you",
        "channel": "email",
        "subject": "Thank you",
        "body": "Hi Ana, thank you!",
        "action": "record",
    }
    owner_client.post(f"/interviews/{interview.pk}/compose/", data)
    interview.refresh_from_db()
    assert interview.stage == Stage.THANKED
    assert thank_yous(interview)[0].done
    assert Activity.objects.filter(kind=ActivityKind.THANK_YOU_SENT).count() == 1


def test_composer_sends_a_thank_you_through_real_smtp_and_records_it(
    owner_client: Client, interview: Interview, smtp_inbox
) -> None:  # type: ignore[no-untyped-def]
    move_to_stage(interview, Stage.HELD, at=ENDED)
    data = {
        "kind": "thank_you",
        "channel": "email",
        "subject": "Thank you",
        "body": "Hi Ana, thank you!",
        "action": "send",
    }
    owner_client.post(f"/interviews/{interview.pk}/compose/", data)
    assert [rcpt for _, rcpt, _ in smtp_inbox.messages] == [["ana@example.org"]]
    interview.refresh_from_db()
    assert interview.stage == Stage.THANKED


# --- the drafted note --------------------------------------------------------------------------


def test_the_thank_you_draft_uses_the_debriefs_insight_and_next_step(
    interview: Interview,
) -> None:
    DebriefFactory(
        interview=interview,
        insights="how the team runs research sprints\nSecond line",
        next_step="talk with Priya on the research team",
    )
    body = draft_for(interview, "thank_you", "email").body
    assert "what you shared about how the team runs research sprints" in body
    assert "your suggestion to talk with Priya on the research team" in body
    assert "Second line" not in body


def test_the_thank_you_draft_falls_back_on_the_memorable_thing_they_said(
    interview: Interview,
) -> None:
    DebriefFactory(interview=interview, insights="", memorable="curiosity about the boring parts")
    body = draft_for(interview, "thank_you", "email").body
    assert "what you shared about curiosity about the boring parts" in body


def test_the_thank_you_draft_without_a_debrief_still_thanks_them(interview: Interview) -> None:
    body = draft_for(interview, "thank_you", "email").body
    assert "Thank you for taking the time to talk with me." in body
    assert "shared about" not in body


def test_a_request_draft_ignores_the_debrief(interview: Interview) -> None:
    DebriefFactory(interview=interview, next_step="talk with Priya on the research team")
    assert "Priya" not in draft_for(interview, "cold", "email").body


# --- the task's channel and the printable card -------------------------------------------------


def test_the_thank_you_task_offers_the_email_composer(
    owner_client: Client, interview: Interview
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    response = owner_client.get(f"/interviews/{interview.pk}/")
    assertContains(response, f"/interviews/{interview.pk}/compose/?kind=thank_you")
    assertNotContains(response, "Write and post the note")


def test_with_a_postal_address_the_task_says_write_and_post_the_note(
    owner_client: Client, interview: Interview
) -> None:
    interview.person.postal_address = "12 Rue des Lilas\n75011 Paris"
    interview.person.save()
    move_to_stage(interview, Stage.HELD, at=ENDED)
    task = thank_yous(interview)[0]
    response = owner_client.get(f"/interviews/{interview.pk}/")
    assertContains(response, "Write and post the note")
    assertContains(response, f'href="/tasks/{task.pk}/card/"')


def test_the_card_page_shows_the_address_and_the_note_with_print_styles(
    owner_client: Client, interview: Interview
) -> None:
    interview.person.postal_address = "12 Rue des Lilas\n75011 Paris"
    interview.person.save()
    DebriefFactory(interview=interview, next_step="read the book she recommended")
    move_to_stage(interview, Stage.HELD, at=ENDED)
    response = owner_client.get(f"/tasks/{thank_yous(interview)[0].pk}/card/")
    assert response.status_code == 200
    assertContains(response, "12 Rue des Lilas\n75011 Paris")
    assertContains(response, "your suggestion to read the book she recommended")
    assertContains(response, "@media print")


def test_the_card_page_of_another_users_task_is_404(
    outsider_client: Client, interview: Interview
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    assert outsider_client.get(f"/tasks/{thank_yous(interview)[0].pk}/card/").status_code == 404


def test_the_card_page_of_a_task_that_is_not_a_thank_you_is_404(
    owner_client: Client, owner: User
) -> None:
    task = TaskFactory(owner=owner, interview=InterviewFactory(owner=owner))
    assert owner_client.get(f"/tasks/{task.pk}/card/").status_code == 404


def test_i_posted_it_records_the_thank_you_and_moves_to_thanked(
    owner_client: Client, interview: Interview
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    task = thank_yous(interview)[0]
    response = owner_client.post(f"/tasks/{task.pk}/posted/", {"next": "/today/"})
    assertRedirects(response, "/today/")
    interview.refresh_from_db()
    task.refresh_from_db()
    assert interview.stage == Stage.THANKED
    assert (task.done, task.dismissed) == (True, False)
    assert Activity.objects.filter(kind=ActivityKind.THANK_YOU_SENT).count() == 1


def test_i_posted_it_on_another_users_task_is_404(
    outsider_client: Client, interview: Interview
) -> None:
    move_to_stage(interview, Stage.HELD, at=ENDED)
    task = thank_yous(interview)[0]
    assert outsider_client.post(f"/tasks/{task.pk}/posted/").status_code == 404
    interview.refresh_from_db()
    assert interview.stage == Stage.HELD
