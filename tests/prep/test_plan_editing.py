"""Editing a plan (move, reorder, pin, remove, swap, add, write), choices, research, bank, pitch."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Interview
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question
from coffeechat.prep.plan_editing import (
    add_to_plan,
    move_in_plan,
    pin_in_plan,
    plan_choices,
    remove_from_plan,
    reorder_plan,
    swap_in_plan,
    write_into_plan,
)
from coffeechat.prep.services import (
    PlanItem,
    delete_question,
    plan_entries,
    plan_of,
    preparation_of,
    question_tags,
    research_checklist,
    restore_pitch,
    save_pitch,
    save_research,
    set_plan,
    star_question,
    suggestions_for,
)
from tests.factories import InterviewFactory, PlanEntryFactory, QuestionFactory


def plan_with(interview: Interview, *phases: str) -> list[Question]:
    questions = [QuestionFactory(owner=interview.owner, phase=phase) for phase in phases]
    set_plan(interview, [PlanItem(q.pk) for q in questions])
    return questions


def planned_ids(interview: Interview) -> list[int]:
    return [entry.question_id for entry in plan_entries(interview)]


@pytest.fixture
def interview(owner: User) -> Interview:
    return InterviewFactory(owner=owner)


# --- move ----------------------------------------------------------------------------------------


def test_moving_up_swaps_a_question_with_the_one_before(interview: Interview) -> None:
    a, b, c = plan_with(interview, "questions", "questions", "questions")
    move_in_plan(interview, c.pk, "up")
    assert planned_ids(interview) == [a.pk, c.pk, b.pk]


def test_moving_down_swaps_a_question_with_the_one_after(interview: Interview) -> None:
    a, b, c = plan_with(interview, "questions", "questions", "questions")
    move_in_plan(interview, a.pk, "down")
    assert planned_ids(interview) == [b.pk, a.pk, c.pk]


def test_a_question_does_not_move_out_of_its_phase(interview: Interview) -> None:
    opener, question, closing = plan_with(interview, "small_talk", "questions", "next_steps")
    move_in_plan(interview, question.pk, "up")
    move_in_plan(interview, question.pk, "down")
    assert planned_ids(interview) == [opener.pk, question.pk, closing.pk]


def test_moving_a_question_outside_the_plan_is_refused(interview: Interview, owner: User) -> None:
    plan_with(interview, "questions")
    elsewhere = QuestionFactory(owner=owner)
    with pytest.raises(ValidationError, match="not in this plan"):
        move_in_plan(interview, elsewhere.pk, "up")


def test_moving_keeps_the_must_ask_mark(interview: Interview) -> None:
    a, _b = plan_with(interview, "questions", "questions")
    pin_in_plan(interview, a.pk, True)
    move_in_plan(interview, a.pk, "down")
    assert PlanEntry.objects.get(interview=interview, question=a).pinned


# --- reorder (drag and drop) ---------------------------------------------------------------------


def test_reordering_stores_the_given_order(interview: Interview) -> None:
    a, b, c = plan_with(interview, "questions", "questions", "questions")
    reorder_plan(interview, [c.pk, a.pk, b.pk])
    assert planned_ids(interview) == [c.pk, a.pk, b.pk]


def test_reordering_keeps_the_phases_in_order(interview: Interview) -> None:
    opener, question, closing = plan_with(interview, "small_talk", "questions", "next_steps")
    reorder_plan(interview, [closing.pk, question.pk, opener.pk])
    assert planned_ids(interview) == [opener.pk, question.pk, closing.pk]


def test_reordering_must_list_every_planned_question_once(interview: Interview) -> None:
    a, _b = plan_with(interview, "questions", "questions")
    with pytest.raises(ValidationError, match="every question of the plan once"):
        reorder_plan(interview, [a.pk, a.pk])


def test_reordering_keeps_notes_taken_on_a_question(interview: Interview) -> None:
    a, b = plan_with(interview, "questions", "questions")
    PlanEntry.objects.filter(interview=interview, question=a).update(notes="began in sales")
    reorder_plan(interview, [b.pk, a.pk])
    assert PlanEntry.objects.get(interview=interview, question=a).notes == "began in sales"


# --- pin, remove ---------------------------------------------------------------------------------


def test_pinning_marks_a_question_must_ask(interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    pin_in_plan(interview, a.pk, True)
    assert plan_of(interview).questions[0].entry.pinned


def test_a_pinned_question_fits_even_after_longer_ones(owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=10)  # 5 minutes of questions
    long = QuestionFactory(owner=owner, minutes=5)
    short = QuestionFactory(owner=owner, minutes=2)
    set_plan(interview, [PlanItem(long.pk), PlanItem(short.pk)])
    pin_in_plan(interview, short.pk, True)
    assert [q.fits for q in plan_of(interview).questions] == [False, True]


def test_unpinning_clears_the_mark(interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    pin_in_plan(interview, a.pk, True)
    pin_in_plan(interview, a.pk, False)
    assert not PlanEntry.objects.get(interview=interview, question=a).pinned


def test_removing_takes_a_question_out_of_the_plan_but_not_the_bank(
    interview: Interview,
) -> None:
    a, b = plan_with(interview, "questions", "questions")
    remove_from_plan(interview, a.pk)
    assert planned_ids(interview) == [b.pk]
    assert Question.objects.filter(pk=a.pk).exists()


# --- swap, add, write ----------------------------------------------------------------------------


def test_swapping_puts_the_replacement_in_the_same_place(interview: Interview, owner: User) -> None:
    a, b, c = plan_with(interview, "questions", "questions", "questions")
    other = QuestionFactory(owner=owner)
    swap_in_plan(interview, b.pk, other.pk)
    assert planned_ids(interview) == [a.pk, other.pk, c.pk]


def test_swapping_for_a_question_already_planned_is_refused(interview: Interview) -> None:
    a, b = plan_with(interview, "questions", "questions")
    with pytest.raises(ValidationError, match="already in the plan"):
        swap_in_plan(interview, a.pk, b.pk)


def test_swapping_for_another_users_question_is_refused(
    interview: Interview, outsider: User
) -> None:
    (a,) = plan_with(interview, "questions")
    theirs = QuestionFactory(owner=outsider)
    with pytest.raises(ValidationError, match="no such question"):
        swap_in_plan(interview, a.pk, theirs.pk)
    assert planned_ids(interview) == [a.pk]


def test_adding_puts_a_question_at_the_end_of_its_phase(interview: Interview, owner: User) -> None:
    opener, question, closing = plan_with(interview, "small_talk", "questions", "next_steps")
    added = QuestionFactory(owner=owner, phase="questions")
    add_to_plan(interview, added.pk)
    assert planned_ids(interview) == [opener.pk, question.pk, added.pk, closing.pk]


def test_adding_a_question_twice_is_refused(interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    with pytest.raises(ValidationError, match="already in the plan"):
        add_to_plan(interview, a.pk)


def test_a_written_question_joins_the_bank_and_the_plan(interview: Interview, owner: User) -> None:
    plan_with(interview, "questions")
    written = write_into_plan(interview, Question(text="  What  would you  do again? "))
    assert written.owner == owner
    assert written.text == "What would you do again?"
    assert planned_ids(interview)[-1] == written.pk


def test_a_written_question_is_not_kept_when_the_plan_is_full(
    interview: Interview, owner: User
) -> None:
    plan_with(interview, *["questions"] * 40)
    with pytest.raises(ValidationError, match="at most 40"):
        write_into_plan(interview, Question(text="One more?"))
    assert not Question.objects.filter(owner=owner, text="One more?").exists()


# --- suggestions and choices ---------------------------------------------------------------------


def test_suggestions_leave_out_planned_questions(interview: Interview, owner: User) -> None:
    (planned,) = plan_with(interview, "questions")
    assert planned not in suggestions_for(interview, limit=500)


def test_suggestions_put_starred_questions_first(interview: Interview, owner: User) -> None:
    starred = QuestionFactory(owner=owner, starred=True)
    assert suggestions_for(interview)[0] == starred


def test_suggestions_prefer_categories_the_plan_lacks(interview: Interview, owner: User) -> None:
    QuestionFactory.create_batch(3, owner=owner, category="advice")
    set_plan(interview, [PlanItem(q.pk) for q in Question.objects.filter(category="advice")])
    categories = {q.category for q in suggestions_for(interview)}
    assert "advice" not in categories


def test_career_change_questions_are_suggested_only_to_career_changers(
    interview: Interview, owner: User
) -> None:
    assert all(q.category != "career_change" for q in suggestions_for(interview, limit=500))
    profile = profile_of(owner)
    profile.career_change = True
    profile.save()
    assert any(q.category == "career_change" for q in suggestions_for(interview, limit=500))


def test_swap_choices_share_the_planned_questions_phase(interview: Interview) -> None:
    (closing,) = plan_with(interview, "next_steps")
    swaps = plan_choices(interview).swaps[closing.pk]
    assert swaps
    assert {q.phase for q in swaps} == {"next_steps"}


def test_swap_choices_put_the_same_category_first(interview: Interview, owner: User) -> None:
    (planned,) = plan_with(interview, "questions")  # category "path"
    assert plan_choices(interview).swaps[planned.pk][0].category == "path"


def test_the_other_choices_hold_every_unplanned_question(interview: Interview) -> None:
    (planned,) = plan_with(interview, "questions")
    expected = (
        Question.objects.filter(owner=interview.owner)
        .exclude(pk=planned.pk)
        .exclude(category="career_change")
    )
    assert {q.pk for q in plan_choices(interview).others} == {q.pk for q in expected}


# --- research ------------------------------------------------------------------------------------


def test_saving_research_fills_the_checklist(interview: Interview) -> None:
    preparation = preparation_of(interview)
    preparation.why_them = "They moved from teaching into research."
    preparation.already_public = "Their lab's reports."
    preparation.right_person = "yes"
    save_research(
        preparation, what_they_do="runs the transit lab", what_they_have_done="a talk on buses"
    )
    assert all(item.done for item in research_checklist(interview))


def test_saving_research_updates_the_person(interview: Interview) -> None:
    save_research(
        preparation_of(interview),
        what_they_do=" runs the transit lab ",
        what_they_have_done="a talk on buses",
    )
    interview.person.refresh_from_db()
    assert interview.person.what_they_do == "runs the transit lab"


def test_an_unknown_answer_to_the_right_person_is_refused(interview: Interview) -> None:
    preparation = preparation_of(interview)
    preparation.right_person = "maybe"
    with pytest.raises(ValidationError, match="right_person"):
        save_research(preparation, what_they_do="", what_they_have_done="")


def test_reading_the_checklist_creates_no_preparation(interview: Interview) -> None:
    research_checklist(interview)
    assert not Preparation.objects.filter(interview=interview).exists()


# --- the bank ------------------------------------------------------------------------------------


def test_starring_a_question_keeps_it(owner: User) -> None:
    question = QuestionFactory(owner=owner)
    star_question(question, True)
    question.refresh_from_db()
    assert question.starred


def test_question_tags_lists_each_tag_once_sorted(owner: User) -> None:
    QuestionFactory(owner=owner, tags=["remote", "design"])
    QuestionFactory(owner=owner, tags=["design"])
    assert question_tags(owner) == ["design", "remote"]


def test_question_tags_leave_out_other_users_tags(owner: User, outsider: User) -> None:
    QuestionFactory(owner=outsider, tags=["secret"])
    assert "secret" not in question_tags(owner)


def test_deleting_a_question_takes_it_out_of_plans(owner: User) -> None:
    entry = PlanEntryFactory(interview__owner=owner)
    delete_question(entry.question)
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


# --- pitch ---------------------------------------------------------------------------------------


def test_restoring_a_version_saves_it_as_the_newest(owner: User) -> None:
    first, _ = save_pitch(owner, "I taught science for eight years.")
    save_pitch(owner, "I am exploring user research.")
    restored = restore_pitch(owner, first)
    assert restored.pk != first.pk
    assert Pitch.objects.filter(owner=owner).first() == restored
    assert restored.text == first.text


def test_restoring_the_current_version_adds_nothing(owner: User) -> None:
    current, _ = save_pitch(owner, "I taught science for eight years.")
    restore_pitch(owner, current)
    assert Pitch.objects.filter(owner=owner).count() == 1
