"""The plan and pitch pages in the real Chromium: keyboard moves, drag and drop, live checks."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import expect

from coffeechat.interviews.models import Interview
from coffeechat.prep.models import Question
from coffeechat.prep.services import PlanItem, plan_entries, set_plan
from tests.factories import InterviewFactory, QuestionFactory


def plan_of_three(owner: User) -> tuple[Interview, list[Question]]:
    interview = InterviewFactory(owner=owner, duration_minutes=20)
    questions = [
        QuestionFactory(owner=owner, text=f"Question number {n}?", phase="questions")
        for n in (1, 2, 3)
    ]
    set_plan(interview, [PlanItem(q.pk) for q in questions])
    return interview, questions


def planned_ids(interview: Interview) -> list[int]:
    return [entry.question_id for entry in plan_entries(interview)]


def test_moving_by_keyboard_keeps_the_focus_on_the_moved_question(
    owner_page: Any, owner: User
) -> None:
    interview, (a, b, c) = plan_of_three(owner)
    page = owner_page
    page.goto(f"/interviews/{interview.pk}/prepare/")
    page.focus(f"#down-{a.pk}")
    page.keyboard.press("Enter")
    # expect() rather than wait_for_function: that one polls with eval(), which the CSP forbids.
    expect(page.locator("#plan-status")).to_have_text("Moved down.")
    assert planned_ids(interview) == [b.pk, a.pk, c.pk]
    expect(page.locator("#plan-announce")).to_have_text("Moved down.")
    assert page.evaluate("document.activeElement.id") == f"down-{a.pk}"


def test_moving_to_the_top_leaves_the_focus_on_the_other_arrow(
    owner_page: Any, owner: User
) -> None:
    interview, (_, b, _) = plan_of_three(owner)
    page = owner_page
    page.goto(f"/interviews/{interview.pk}/prepare/")
    page.focus(f"#up-{b.pk}")
    page.keyboard.press("Enter")
    expect(page.locator(f"#down-{b.pk}")).to_be_focused()


def test_removing_by_keyboard_leaves_the_focus_on_the_plan(owner_page: Any, owner: User) -> None:
    interview, (a, b, c) = plan_of_three(owner)
    page = owner_page
    page.goto(f"/interviews/{interview.pk}/prepare/")
    page.focus(f"#remove-{b.pk}")
    page.keyboard.press("Enter")
    expect(page.locator("#plan-h")).to_be_focused()
    assert planned_ids(interview) == [a.pk, c.pk]


def test_dragging_a_question_saves_the_new_order(owner_page: Any, owner: User) -> None:
    interview, (a, b, c) = plan_of_three(owner)
    page = owner_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"/interviews/{interview.pk}/prepare/")
    page.drag_and_drop(
        f"#plan-q-{c.pk} .handle", f"#plan-q-{a.pk} .plan-when", target_position={"x": 5, "y": 2}
    )
    expect(page.locator("#plan-status")).to_have_text("The new order is saved.")
    assert planned_ids(interview) == [c.pk, a.pk, b.pk]


def test_the_pitch_timer_follows_the_typing(owner_page: Any) -> None:
    page = owner_page
    page.goto("/pitch/")
    page.fill("#id_text", " ".join(["word"] * 87))
    expect(page.locator("#pitch-check")).to_contain_text("87")
    assert "a good length" in page.text_content("#pitch-check")


def test_starring_in_the_bank_swaps_only_the_button(owner_page: Any, owner: User) -> None:
    question = QuestionFactory(owner=owner, text="Zeppelinology question?")
    page = owner_page
    page.goto("/questions/?q=zeppelinology")
    page.click(f"#question-{question.pk} button.star")
    page.wait_for_selector(f"#question-{question.pk} button.star[aria-pressed=true]")
    question.refresh_from_db()
    assert question.starred
