"""P24 keep them posted: one reminder per person, one cadence after the latest real interaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_django.asserts import assertContains, assertRedirects

from coffeechat.followup.models import Task, TaskKind
from coffeechat.followup.services import (
    dismiss,
    set_done,
    set_keep_posted,
    snooze,
    sync_keep_posted,
)
from coffeechat.interviews.models import Activity, ActivityKind, Stage
from coffeechat.interviews.services import record_activity
from coffeechat.people.models import Person
from tests.factories import InterviewFactory, PersonFactory

T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SIX_WEEKS = timedelta(weeks=6)


@pytest.fixture
def grace(owner: User) -> Person:
    return PersonFactory(owner=owner, name="Grace Ho")


def talk(person: Person, at: datetime, kind: str = ActivityKind.NOTE) -> Activity:
    return record_activity(person.owner, kind, at=at, person=person, text="A real interaction")


def reminders(person: Person, **filters: object) -> list[Task]:
    return list(Task.objects.filter(person=person, kind=TaskKind.KEEP_POSTED, **filters))


def the_open_reminder(person: Person) -> Task:
    [task] = reminders(person, done=False)
    return task


# --- the cadence -------------------------------------------------------------------------------


def test_turning_it_on_plans_one_reminder_six_weeks_after_the_latest_interaction(
    grace: Person,
) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    assert the_open_reminder(grace).due_at == T0 + SIX_WEEKS


def test_the_reminder_is_titled_with_their_name(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    assert the_open_reminder(grace).title == "Keep Grace Ho posted on your progress"


def test_the_cadence_counts_in_the_persons_own_weeks(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True, weeks=3)
    assert the_open_reminder(grace).due_at == T0 + timedelta(weeks=3)


def test_an_interaction_of_any_kind_counts(grace: Person) -> None:
    talk(grace, T0, ActivityKind.HELD)
    set_keep_posted(grace, on=True)
    talk(grace, T0 + timedelta(days=10), ActivityKind.REPLY_RECEIVED)
    assert the_open_reminder(grace).due_at == T0 + timedelta(days=10) + SIX_WEEKS


def test_a_new_interaction_restarts_the_clock(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    talk(grace, T0 + timedelta(days=30))
    assert the_open_reminder(grace).due_at == T0 + timedelta(days=30) + SIX_WEEKS


def test_an_interaction_through_an_interview_restarts_the_clock(owner: User, grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    interview = InterviewFactory(owner=owner, person=grace)
    record_activity(owner, ActivityKind.UPDATE_SENT, at=T0 + timedelta(days=5), interview=interview)
    assert the_open_reminder(grace).due_at == T0 + timedelta(days=5) + SIX_WEEKS


def test_an_older_interaction_entered_late_does_not_bring_the_reminder_forward(
    grace: Person,
) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    talk(grace, T0 - timedelta(days=20))
    assert the_open_reminder(grace).due_at == T0 + SIX_WEEKS


def test_many_interactions_keep_a_single_open_reminder(grace: Person) -> None:
    set_keep_posted(grace, on=True)
    for day in range(5):
        talk(grace, T0 + timedelta(days=day))
    assert len(reminders(grace, done=False)) == 1


def test_with_no_interaction_yet_the_clock_starts_now(grace: Person) -> None:
    before = datetime.now(UTC)
    set_keep_posted(grace, on=True)
    due = the_open_reminder(grace).due_at
    assert before + SIX_WEEKS <= due <= datetime.now(UTC) + SIX_WEEKS


def test_an_interaction_with_someone_not_kept_posted_plans_nothing(grace: Person) -> None:
    talk(grace, T0)
    assert reminders(grace) == []


def test_an_interaction_brings_the_reminder_back_when_it_was_turned_on_elsewhere(
    grace: Person,
) -> None:
    Person.objects.filter(pk=grace.pk).update(keep_posted=True)
    grace.refresh_from_db()
    talk(grace, T0)
    assert the_open_reminder(grace).due_at == T0 + SIX_WEEKS


def test_the_reminder_points_at_their_latest_interview_for_the_draft(
    owner: User, grace: Person
) -> None:
    InterviewFactory(owner=owner, person=grace, stage=Stage.THANKED)
    latest = InterviewFactory(owner=owner, person=grace, stage=Stage.THANKED)
    set_keep_posted(grace, on=True)
    assert the_open_reminder(grace).interview == latest


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    offsets=st.lists(st.integers(-500_000, 500_000), min_size=1, max_size=6),
    weeks=st.integers(1, 52),
)
def test_due_is_always_the_latest_interaction_plus_exactly_the_cadence(
    owner: User, offsets: list[int], weeks: int
) -> None:
    person = PersonFactory(owner=owner, keep_posted=True, keep_posted_weeks=weeks)
    for minutes in offsets:
        talk(person, T0 + timedelta(minutes=minutes))
    latest = T0 + timedelta(minutes=max(offsets))
    assert the_open_reminder(person).due_at == latest + timedelta(weeks=weeks)


# --- done, dismissed, snoozed, turned off ------------------------------------------------------


def test_done_plans_the_next_reminder_a_cadence_later(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    done_at = T0 + SIX_WEEKS + timedelta(days=1)
    set_done(the_open_reminder(grace), True, at=done_at)
    assert the_open_reminder(grace).due_at == done_at + SIX_WEEKS
    assert len(reminders(grace, done=True)) == 1


def test_after_done_a_new_interaction_still_restarts_the_clock(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    set_done(the_open_reminder(grace), True, at=T0 + SIX_WEEKS)
    talk(grace, T0 + SIX_WEEKS + timedelta(days=9))
    assert the_open_reminder(grace).due_at == T0 + SIX_WEEKS + timedelta(days=9) + SIX_WEEKS


def test_unticking_a_done_reminder_leaves_a_single_open_one(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    first = the_open_reminder(grace)
    set_done(first, True, at=T0 + SIX_WEEKS)
    set_done(first, False)
    assert the_open_reminder(grace) == first


def test_dismissing_a_reminder_skips_one_round(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    dismissed_at = T0 + SIX_WEEKS + timedelta(days=2)
    dismiss(the_open_reminder(grace), at=dismissed_at)
    assert the_open_reminder(grace).due_at == dismissed_at + SIX_WEEKS
    assert reminders(grace, dismissed=True)[0].done


def test_snoozing_an_overdue_reminder_moves_it_from_now(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    now = T0 + SIX_WEEKS + timedelta(days=4)
    snooze(the_open_reminder(grace), 3, now=now)
    assert the_open_reminder(grace).due_at == now + timedelta(days=3)


def test_a_snooze_survives_an_older_interaction_entered_late(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    now = T0 + SIX_WEEKS + timedelta(days=4)
    snooze(the_open_reminder(grace), 7, now=now)
    talk(grace, T0 + timedelta(days=1))
    assert the_open_reminder(grace).due_at == now + timedelta(days=7)


def test_a_new_interaction_after_a_snooze_restarts_the_clock(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    now = T0 + SIX_WEEKS + timedelta(days=4)
    snooze(the_open_reminder(grace), 1, now=now)
    talk(grace, now)
    assert the_open_reminder(grace).due_at == now + SIX_WEEKS


def test_turning_it_off_dismisses_the_open_reminder(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    set_keep_posted(grace, on=False)
    [task] = reminders(grace)
    assert (task.done, task.dismissed) == (True, True)


def test_turning_it_off_touches_only_this_persons_reminder(owner: User, grace: Person) -> None:
    other = PersonFactory(owner=owner, keep_posted=True)
    sync_keep_posted(other)
    set_keep_posted(grace, on=True)
    set_keep_posted(grace, on=False)
    assert the_open_reminder(other).person == other


def test_after_turning_it_off_interactions_plan_nothing(grace: Person) -> None:
    set_keep_posted(grace, on=True)
    set_keep_posted(grace, on=False)
    talk(grace, T0)
    assert reminders(grace, done=False) == []


def test_a_new_cadence_moves_the_open_reminder(grace: Person) -> None:
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    set_keep_posted(grace, on=True, weeks=2)
    assert the_open_reminder(grace).due_at == T0 + timedelta(weeks=2)


@pytest.mark.parametrize("weeks", [0, 53])
def test_a_cadence_outside_1_to_52_weeks_is_refused(grace: Person, weeks: int) -> None:
    with pytest.raises(ValidationError):
        set_keep_posted(grace, on=True, weeks=weeks)
    grace.refresh_from_db()
    assert (grace.keep_posted, grace.keep_posted_weeks) == (False, 6)


def test_sending_the_update_from_the_composer_plans_the_next_one(
    owner_client: Client, owner: User, grace: Person
) -> None:
    interview = InterviewFactory(owner=owner, person=grace, stage=Stage.THANKED)
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    first = the_open_reminder(grace)
    data = {
        "kind": "keep_posted",
        "channel": "email",
        "subject": "A quick update",
        "body": "Hi Grace, a quick update.",
        "action": "record",
    }
    owner_client.post(f"/interviews/{interview.pk}/compose/", data)
    sent = Activity.objects.get(kind=ActivityKind.UPDATE_SENT)
    first.refresh_from_db()
    assert (first.done, first.dismissed) == (True, False)
    assert the_open_reminder(grace).due_at == sent.at + SIX_WEEKS


# --- the person page card ----------------------------------------------------------------------


def test_the_person_page_shows_the_keep_posted_card(owner_client: Client, grace: Person) -> None:
    response = owner_client.get(f"/people/{grace.pk}/")
    assertContains(response, f'action="/people/{grace.pk}/keep-posted/"')
    assertContains(response, 'name="keep_posted_weeks"')


def test_the_card_shows_the_next_update_and_offers_the_draft(
    owner_client: Client, owner: User, grace: Person
) -> None:
    interview = InterviewFactory(owner=owner, person=grace, stage=Stage.THANKED)
    talk(grace, T0)
    set_keep_posted(grace, on=True)
    response = owner_client.get(f"/people/{grace.pk}/")
    assertContains(response, "Next update due")
    assertContains(response, f"/interviews/{interview.pk}/compose/?kind=keep_posted")


def test_posting_the_settings_turns_it_on_with_the_cadence(
    owner_client: Client, grace: Person
) -> None:
    response = owner_client.post(
        f"/people/{grace.pk}/keep-posted/", {"keep_posted": "on", "keep_posted_weeks": "4"}
    )
    assertRedirects(response, f"/people/{grace.pk}/")
    grace.refresh_from_db()
    assert (grace.keep_posted, grace.keep_posted_weeks) == (True, 4)
    assert len(reminders(grace, done=False)) == 1


def test_posting_the_settings_without_the_box_turns_it_off(
    owner_client: Client, grace: Person
) -> None:
    set_keep_posted(grace, on=True)
    owner_client.post(f"/people/{grace.pk}/keep-posted/", {"keep_posted_weeks": "6"})
    grace.refresh_from_db()
    assert not grace.keep_posted
    assert reminders(grace, done=False) == []


def test_posting_a_bad_cadence_changes_nothing(owner_client: Client, grace: Person) -> None:
    response = owner_client.post(
        f"/people/{grace.pk}/keep-posted/",
        {"keep_posted": "on", "keep_posted_weeks": "99"},
        follow=True,
    )
    assertContains(response, "less than or equal to 52")
    grace.refresh_from_db()
    assert (grace.keep_posted, grace.keep_posted_weeks) == (False, 6)


def test_the_settings_with_htmx_answer_the_card_alone(owner_client: Client, grace: Person) -> None:
    response = owner_client.post(
        f"/people/{grace.pk}/keep-posted/",
        {"keep_posted": "on", "keep_posted_weeks": "1"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<section class="card" id="keep-posted"')
    assert "every week" in content
    assert "<html" not in content


def test_the_settings_of_another_users_person_are_404(
    outsider_client: Client, grace: Person
) -> None:
    response = outsider_client.post(
        f"/people/{grace.pk}/keep-posted/", {"keep_posted": "on", "keep_posted_weeks": "2"}
    )
    assert response.status_code == 404
    grace.refresh_from_db()
    assert not grace.keep_posted


def test_the_settings_with_get_are_not_allowed(owner_client: Client, grace: Person) -> None:
    assert owner_client.get(f"/people/{grace.pk}/keep-posted/").status_code == 405
