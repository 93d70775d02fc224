"""Building, fitting and replacing an interview's question plan."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from coffeechat.playbook.question_bank import NEXT_STEP_KEYS, QUESTION_BANK
from coffeechat.prep.models import PlanEntry, Question
from coffeechat.prep.services import (
    PlanItem,
    build_plan,
    ensure_bank,
    plan_of,
    questions_of,
    research_missing,
    save_pitch,
    set_plan,
)
from tests.factories import InterviewFactory, QuestionFactory


def test_the_bank_is_copied_once_per_user(owner: User) -> None:
    ensure_bank(owner)
    ensure_bank(owner)
    assert Question.objects.filter(owner=owner).count() == len(QUESTION_BANK)


def test_a_deleted_bank_question_stays_deleted(owner: User) -> None:
    questions_of(owner).filter(key="next-resources").delete()
    assert not questions_of(owner).filter(key="next-resources").exists()


def test_a_built_plan_holds_12_to_14_questions(owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=20)
    assert 12 <= len(build_plan(interview)) <= 14


def test_a_built_plan_ends_with_the_next_step_questions(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    keys = [entry.question.key for entry in build_plan(interview)]
    assert keys[-3:] == list(NEXT_STEP_KEYS)


def test_building_again_keeps_the_users_plan(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    first = build_plan(interview)
    set_plan(interview, [PlanItem(first[0].question_id)])
    assert len(build_plan(interview)) == 1


def test_plan_texts_are_filled_for_the_person(owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="urban planning")
    question = QuestionFactory(owner=owner, text="What drew you to {topic}?")
    set_plan(interview, [PlanItem(question.pk)])
    assert plan_of(interview).questions[0].text == "What drew you to urban planning?"


def test_questions_beyond_the_agreed_time_are_marked_if_time_allows(owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=10)  # 5 minutes of questions
    long = [QuestionFactory(owner=owner, minutes=3) for _ in range(3)]
    set_plan(interview, [PlanItem(q.pk) for q in long])
    assert [item.fits for item in plan_of(interview).questions] == [True, False, False]


def test_setting_a_plan_keeps_notes_taken_on_its_questions(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    question = QuestionFactory(owner=owner)
    set_plan(interview, [PlanItem(question.pk)])
    PlanEntry.objects.filter(interview=interview).update(notes="they began in sales")
    set_plan(interview, [PlanItem(QuestionFactory(owner=owner).pk), PlanItem(question.pk)])
    assert PlanEntry.objects.get(interview=interview, question=question).notes == (
        "they began in sales"
    )


def test_a_question_listed_twice_is_refused_by_name(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    question = QuestionFactory(owner=owner)
    with pytest.raises(ValidationError, match=f"Question {question.pk} is listed more than once"):
        set_plan(interview, [PlanItem(question.pk), PlanItem(question.pk)])


def test_another_users_question_is_an_unknown_question(owner: User, outsider: User) -> None:
    interview = InterviewFactory(owner=owner)
    theirs = QuestionFactory(owner=outsider)
    with pytest.raises(ValidationError, match=f"No such question: {theirs.pk}"):
        set_plan(interview, [PlanItem(theirs.pk)])


def test_research_checklist_lists_what_is_missing(owner: User) -> None:
    interview = InterviewFactory(owner=owner, person__what_they_do="runs the transit lab")
    assert "Who they are" not in research_missing(interview)
    assert "Why them" in research_missing(interview)


def test_an_unchanged_pitch_is_not_a_new_version(owner: User) -> None:
    first, _ = save_pitch(owner, "I am a teacher exploring research.")
    again, _ = save_pitch(owner, "I am a teacher exploring research.")
    assert first.pk == again.pk


def test_a_topic_written_as_a_goal_gives_way_to_the_industry_in_questions(owner: User) -> None:
    interview = InterviewFactory(
        owner=owner,
        topic="How design teams work with engineering",
        person__organization__industry="Management consulting",
    )
    question = QuestionFactory(owner=owner, text="What is in demand in {topic}?")
    set_plan(interview, [PlanItem(question.pk)])
    assert plan_of(interview).questions[0].text == "What is in demand in management consulting?"
