"""Interview services: moving through the stages, recording the timeline, owners kept apart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404

from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.interviews.services import (
    get_activity,
    get_interview,
    interviews_of,
    move_to_stage,
    record_activity,
    save_interview,
    timeline_of_person,
)
from tests.factories import ActivityFactory, InterviewFactory, PersonFactory
from tests.interviews.cases import STAGE_ACTIVITY

AT = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)

# --- move_to_stage -----------------------------------------------------------------------------


def test_move_to_stage_to_the_current_stage_is_a_no_op(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.HELD)
    before = Interview.objects.get(pk=interview.pk).stage_changed_at
    assert move_to_stage(interview, Stage.HELD, at=AT) is None
    interview.refresh_from_db()
    assert interview.stage_changed_at == before
    assert not Activity.objects.exists()


def test_move_to_stage_changes_the_stage_and_its_clock(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    move_to_stage(interview, Stage.REQUESTED, at=AT)
    interview.refresh_from_db()
    assert interview.stage == Stage.REQUESTED
    assert interview.stage_changed_at == AT


@pytest.mark.parametrize(
    ("stage", "kind"),
    STAGE_ACTIVITY,
)
def test_move_to_stage_records_the_activity_of_the_new_stage(
    owner: User, stage: str, kind: str
) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    activity = move_to_stage(interview, stage, at=AT)
    assert activity is not None
    assert Activity.objects.get() == activity
    assert (activity.kind, activity.at, activity.owner) == (kind, AT, owner)
    assert (activity.interview, activity.person) == (interview, interview.person)


def test_move_to_stage_notes_the_move_by_default(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    activity = move_to_stage(interview, Stage.RESEARCHING)
    assert activity is not None
    assert activity.text == "Idea → Researching"


def test_move_to_stage_keeps_the_given_text(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.REQUESTED)
    activity = move_to_stage(interview, Stage.DECLINED, text="Too busy this quarter")
    assert activity is not None
    assert activity.text == "Too busy this quarter"


def test_move_to_stage_rejects_an_unknown_stage_and_changes_nothing(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    with pytest.raises(ValidationError) as error:
        move_to_stage(interview, "hired")
    assert list(error.value.message_dict) == ["stage"]
    assert "'hired' is not a stage" in error.value.message_dict["stage"][0]
    interview.refresh_from_db()
    assert interview.stage == Stage.IDEA
    assert not Activity.objects.exists()


# --- record_activity ---------------------------------------------------------------------------


def test_record_activity_on_an_interview_fills_in_its_person(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    activity = record_activity(owner, ActivityKind.NOTE, at=AT, interview=interview, text="Hi")
    assert (activity.person, activity.interview, activity.at) == (interview.person, interview, AT)


def test_record_activity_on_a_person_alone(owner: User) -> None:
    person = PersonFactory(owner=owner)
    activity = record_activity(owner, ActivityKind.INTRO_REQUESTED, person=person)
    assert (activity.person, activity.interview) == (person, None)
    assert activity.at is not None


def test_record_activity_rejects_another_owners_person(owner: User, outsider: User) -> None:
    theirs = PersonFactory(owner=owner)
    with pytest.raises(ValidationError) as error:
        record_activity(outsider, ActivityKind.NOTE, person=theirs)
    assert error.value.message_dict == {"person": ["No such person."]}
    assert not Activity.objects.exists()


def test_record_activity_rejects_another_owners_interview(owner: User, outsider: User) -> None:
    theirs = InterviewFactory(owner=owner)
    with pytest.raises(ValidationError) as error:
        record_activity(outsider, ActivityKind.NOTE, interview=theirs)
    assert error.value.message_dict == {"interview": ["No such interview."]}
    assert not Activity.objects.exists()


def test_record_activity_rejects_an_unknown_kind(owner: User) -> None:
    person = PersonFactory(owner=owner)
    with pytest.raises(ValidationError) as error:
        record_activity(owner, "telepathy", person=person)
    assert list(error.value.message_dict) == ["kind"]
    assert not Activity.objects.exists()


# --- save_interview and getters ----------------------------------------------------------------


def test_save_interview_rejects_another_owners_person(owner: User, outsider: User) -> None:
    theirs = PersonFactory(owner=outsider)
    with pytest.raises(ValidationError) as error:
        save_interview(Interview(owner=owner, person=theirs, topic="Anything"))
    assert error.value.message_dict == {"person": ["No such person."]}
    assert not Interview.objects.exists()


@pytest.mark.parametrize("minutes", [4, 181])
def test_save_interview_rejects_a_duration_outside_5_to_180_minutes(
    owner: User, minutes: int
) -> None:
    person = PersonFactory(owner=owner)
    with pytest.raises(ValidationError) as error:
        save_interview(Interview(owner=owner, person=person, topic="x", duration_minutes=minutes))
    assert list(error.value.message_dict) == ["duration_minutes"]


def test_get_interview_of_another_owner_is_404(owner: User, outsider: User) -> None:
    interview = InterviewFactory(owner=owner)
    assert get_interview(owner, interview.pk) == interview
    with pytest.raises(Http404):
        get_interview(outsider, interview.pk)


def test_get_activity_of_another_owner_is_404(owner: User, outsider: User) -> None:
    activity = ActivityFactory(owner=owner)
    assert get_activity(owner, activity.pk) == activity
    with pytest.raises(Http404):
        get_activity(outsider, activity.pk)


def test_interviews_of_lists_only_the_users_interviews(owner: User, outsider: User) -> None:
    mine = InterviewFactory(owner=owner)
    InterviewFactory(owner=outsider)
    assert list(interviews_of(owner)) == [mine]


def test_timeline_of_person_is_newest_first(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    old = ActivityFactory(owner=owner, interview=interview, at=datetime(2026, 1, 1, tzinfo=UTC))
    new = ActivityFactory(owner=owner, interview=interview, at=datetime(2026, 2, 1, tzinfo=UTC))
    ActivityFactory(owner=owner)  # someone else in the same account
    assert list(timeline_of_person(interview.person)) == [new, old]
