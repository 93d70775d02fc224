"""The prepare page: the plan against the clock, its changes, the research checklist."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.interviews.models import Interview
from coffeechat.prep.models import PlanEntry, Preparation, Question
from coffeechat.prep.services import PlanItem, build_plan, plan_entries, set_plan
from tests.factories import InterviewFactory, PitchFactory, QuestionFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def interview(owner: User) -> Interview:
    return InterviewFactory(owner=owner, duration_minutes=20)


def url(interview: Interview, action: str = "") -> str:
    return f"/interviews/{interview.pk}/prepare/{action + '/' if action else ''}"


def plan_with(interview: Interview, *phases: str, minutes: float = 1.5) -> list[Question]:
    questions = [
        QuestionFactory(owner=interview.owner, phase=phase, minutes=minutes) for phase in phases
    ]
    set_plan(interview, [PlanItem(q.pk) for q in questions])
    return questions


def planned_ids(interview: Interview) -> list[int]:
    return [entry.question_id for entry in plan_entries(interview)]


# --- the page ------------------------------------------------------------------------------------


def test_the_first_visit_builds_a_plan(owner_client: Client, interview: Interview) -> None:
    assert owner_client.get(url(interview)).status_code == 200
    assert 12 <= PlanEntry.objects.filter(interview=interview).count() <= 14


def test_an_emptied_plan_is_not_rebuilt_on_the_next_visit(
    owner_client: Client, interview: Interview
) -> None:
    owner_client.get(url(interview))
    set_plan(interview, [])
    owner_client.get(url(interview))
    assert not PlanEntry.objects.filter(interview=interview).exists()


def test_the_page_shows_the_time_for_questions_against_the_agreed_time(
    owner_client: Client, interview: Interview
) -> None:
    plan_with(interview, "questions", "questions")
    response = owner_client.get(url(interview))
    assertContains(response, "<strong>3</strong> of <strong>15</strong> minutes for questions")
    assertContains(response, "the 20 minutes agreed, less 2 to open and 3 to wrap up")


def test_each_question_shows_when_it_starts(owner_client: Client, interview: Interview) -> None:
    plan_with(interview, "questions", "questions")
    response = owner_client.get(url(interview))
    assertContains(response, "at 2 min")
    assertContains(response, "at 3.5 min")


def test_the_plan_is_grouped_by_phase(owner_client: Client, interview: Interview) -> None:
    plan_with(interview, "small_talk", "questions", "next_steps")
    sections = owner_client.get(url(interview)).context["sections"]
    assert [(s.label, len(s.rows)) for s in sections] == [
        ("Small talk", 1),
        ("Questions", 1),
        ("Next steps", 1),
    ]


def test_questions_beyond_the_time_are_marked_if_time_allows(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=10)  # 5 minutes of questions
    plan_with(interview, "questions", "questions", minutes=3)
    response = owner_client.get(url(interview))
    assertContains(response, "If time allows", count=1)
    assertContains(response, "1 question beyond the time")


def test_must_ask_questions_beyond_the_time_are_flagged(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=10)  # 5 minutes of questions
    plan_with(interview, "questions", "questions", minutes=3)
    PlanEntry.objects.filter(interview=interview).update(pinned=True)
    response = owner_client.get(url(interview))
    assertContains(response, "alone take 6 minutes, more than the 5 you have")


def test_a_googleable_question_is_flagged_with_its_reason(
    owner_client: Client, interview: Interview, owner: User
) -> None:
    question = QuestionFactory(owner=owner, text="Where is the company headquartered?")
    set_plan(interview, [PlanItem(question.pk)])
    response = owner_client.get(url(interview))
    assertContains(response, "Googleable")
    planned = response.context["plan"].questions[0]
    assertContains(response, planned.googleable.reason)


def test_placeholders_are_filled_for_the_person(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="urban planning")
    question = QuestionFactory(owner=owner, text="What drew you to {topic}?")
    set_plan(interview, [PlanItem(question.pk)])
    assertContains(owner_client.get(url(interview)), "What drew you to urban planning?")


def test_the_page_links_the_pitch(owner_client: Client, interview: Interview, owner: User) -> None:
    PitchFactory(owner=owner, text="I taught science and I am exploring research.")
    response = owner_client.get(url(interview))
    assertContains(response, "I taught science and I am exploring research.")
    assertContains(response, 'href="/pitch/"')


def test_every_input_of_the_page_has_a_label(owner_client: Client, interview: Interview) -> None:
    response = owner_client.get(url(interview))
    for form in ("write_form", "research_form"):
        for field in response.context[form]:
            assertContains(response, f'<label for="{field.id_for_label}"')


def count_queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(address)
    return len(queries.captured_queries)


def test_the_page_queries_do_not_grow_with_the_plan(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    small = InterviewFactory(owner=owner)
    plan_with(small, "small_talk", "next_steps")
    owner_client.get(url(small))  # warm up: the bank is copied, the session is read
    few = count_queries(owner_client, url(small))
    full = InterviewFactory(owner=owner)
    built = build_plan(full)
    extras = QuestionFactory.create_batch(14 - len(built), owner=owner, tags=["design"])
    items = [PlanItem(e.question_id, pinned=i % 3 == 0) for i, e in enumerate(built)]
    set_plan(full, items + [PlanItem(q.pk) for q in extras])
    assert Question.objects.filter(owner=owner).count() > 160
    with django_assert_max_num_queries(few):
        response = owner_client.get(url(full))
    assert len(response.context["plan"].questions) == 14


# --- changing the plan ---------------------------------------------------------------------------


def test_moving_up_without_js_redirects_to_the_plan(
    owner_client: Client, interview: Interview
) -> None:
    a, b = plan_with(interview, "questions", "questions")
    response = owner_client.post(url(interview, "move"), {"question": b.pk, "direction": "up"})
    assertRedirects(response, url(interview) + "#plan", fetch_redirect_response=False)
    assert planned_ids(interview) == [b.pk, a.pk]


def test_moving_down_by_htmx_answers_the_plan_alone(
    owner_client: Client, interview: Interview
) -> None:
    a, b = plan_with(interview, "questions", "questions")
    response = owner_client.post(
        url(interview, "move"), {"question": a.pk, "direction": "down"}, headers=HTMX
    )
    assert next(t.name for t in response.templates) == "prep/_plan.html"
    assertContains(response, "Moved down.")
    assert planned_ids(interview) == [b.pk, a.pk]


def test_an_unknown_direction_names_the_field(owner_client: Client, interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    response = owner_client.post(url(interview, "move"), {"question": a.pk, "direction": "left"})
    assert response.status_code == 200
    assertContains(response, "Direction: Select a valid choice.")


def test_dragging_posts_the_new_order(owner_client: Client, interview: Interview) -> None:
    a, b, c = plan_with(interview, "questions", "questions", "questions")
    order = f"{c.pk},{a.pk},{b.pk}"
    response = owner_client.post(url(interview, "reorder"), {"order": order}, headers=HTMX)
    assertContains(response, "The new order is saved.")
    assert planned_ids(interview) == [c.pk, a.pk, b.pk]


def test_an_order_missing_a_question_is_refused_by_name(
    owner_client: Client, interview: Interview
) -> None:
    a, b = plan_with(interview, "questions", "questions")
    response = owner_client.post(url(interview, "reorder"), {"order": f"{a.pk}"}, headers=HTMX)
    assertContains(response, "Order: The new order must list every question of the plan once")
    assert planned_ids(interview) == [a.pk, b.pk]


def test_an_order_that_is_not_numbers_is_refused_by_name(
    owner_client: Client, interview: Interview
) -> None:
    plan_with(interview, "questions")
    response = owner_client.post(url(interview, "reorder"), {"order": "1,two"})
    assertContains(response, "Order: List the question ids separated by commas.")


def test_pinning_marks_a_question_must_ask(owner_client: Client, interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    response = owner_client.post(
        url(interview, "pin"), {"question": a.pk, "pinned": "on"}, headers=HTMX
    )
    assertContains(response, 'aria-pressed="true"')
    assert PlanEntry.objects.get(interview=interview, question=a).pinned


def test_unpinning_clears_must_ask(owner_client: Client, interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    PlanEntry.objects.filter(interview=interview).update(pinned=True)
    owner_client.post(url(interview, "pin"), {"question": a.pk})
    assert not PlanEntry.objects.get(interview=interview, question=a).pinned


def test_removing_takes_the_question_out_of_the_plan(
    owner_client: Client, interview: Interview
) -> None:
    a, b = plan_with(interview, "questions", "questions")
    owner_client.post(url(interview, "remove"), {"question": a.pk})
    assert planned_ids(interview) == [b.pk]


def test_removing_a_question_not_in_the_plan_says_so(
    owner_client: Client, interview: Interview, owner: User
) -> None:
    plan_with(interview, "questions")
    other = QuestionFactory(owner=owner)
    response = owner_client.post(url(interview, "remove"), {"question": other.pk}, headers=HTMX)
    assertContains(response, "Question: That question is not in this plan (any more).")


def test_a_missing_question_id_names_the_field(owner_client: Client, interview: Interview) -> None:
    response = owner_client.post(url(interview, "remove"), {"question": "abc"})
    assertContains(response, "Question: Enter a whole number.")


def test_swapping_puts_a_suggestion_in_the_place_of_a_question(
    owner_client: Client, interview: Interview, owner: User
) -> None:
    a, b = plan_with(interview, "questions", "questions")
    other = QuestionFactory(owner=owner)
    owner_client.post(url(interview, "swap"), {"question": a.pk, "replacement": other.pk})
    assert planned_ids(interview) == [other.pk, b.pk]


def test_swapping_for_another_users_question_is_refused(
    owner_client: Client, interview: Interview, outsider: User
) -> None:
    (a,) = plan_with(interview, "questions")
    theirs = QuestionFactory(owner=outsider)
    response = owner_client.post(
        url(interview, "swap"), {"question": a.pk, "replacement": theirs.pk}, headers=HTMX
    )
    assertContains(response, "Swap for: There is no such question in your bank.")
    assert planned_ids(interview) == [a.pk]


def test_each_question_offers_swaps_of_its_phase(
    owner_client: Client, interview: Interview
) -> None:
    (_a,) = plan_with(interview, "next_steps")
    response = owner_client.get(url(interview))
    (row,) = response.context["sections"][2].rows
    assert row.swaps
    assert {q.phase for q in row.swaps} == {"next_steps"}


def test_adding_a_question_from_the_bank(
    owner_client: Client, interview: Interview, owner: User
) -> None:
    (a,) = plan_with(interview, "questions")
    other = QuestionFactory(owner=owner)
    owner_client.post(url(interview, "add"), {"question": other.pk})
    assert planned_ids(interview) == [a.pk, other.pk]


def test_adding_a_question_already_planned_names_the_problem(
    owner_client: Client, interview: Interview
) -> None:
    (a,) = plan_with(interview, "questions")
    response = owner_client.post(url(interview, "add"), {"question": a.pk})
    assertContains(response, "Question: That question is already in the plan.")


def test_an_id_beyond_any_question_is_no_such_question(
    owner_client: Client, interview: Interview
) -> None:
    response = owner_client.post(url(interview, "add"), {"question": "9" * 30})
    assertContains(response, "Question: There is no such question in your bank.")


def test_writing_a_new_question_adds_it_to_the_plan_and_the_bank(
    owner_client: Client, interview: Interview, owner: User
) -> None:
    plan_with(interview, "questions")
    data = {
        "new-text": "What would you tell your younger self?",
        "new-phase": "questions",
        "new-category": "advice",
        "new-tiara": "advice",
        "new-minutes": "2",
    }
    response = owner_client.post(url(interview, "write"), data)
    assertRedirects(response, url(interview) + "#plan", fetch_redirect_response=False)
    written = Question.objects.get(owner=owner, text="What would you tell your younger self?")
    assert written.is_own
    assert planned_ids(interview)[-1] == written.pk


def test_a_new_question_without_text_names_the_field(
    owner_client: Client, interview: Interview
) -> None:
    data = {"new-text": "", "new-phase": "questions", "new-category": "advice"}
    data |= {"new-tiara": "advice", "new-minutes": "2"}
    response = owner_client.post(url(interview, "write"), data, headers=HTMX)
    assertContains(response, "Question: This field is required.")
    assert "text" in response.context["write_form"].errors


def test_rebuilding_asks_first(owner_client: Client, interview: Interview) -> None:
    (a,) = plan_with(interview, "questions")
    response = owner_client.get(url(interview, "rebuild"))
    assertContains(response, "Rebuild the plan?")
    assert planned_ids(interview) == [a.pk]


def test_rebuilding_replaces_the_plan_from_the_bank(
    owner_client: Client, interview: Interview
) -> None:
    (a,) = plan_with(interview, "questions")
    response = owner_client.post(url(interview, "rebuild"))
    assertRedirects(response, url(interview) + "#plan", fetch_redirect_response=False)
    ids = planned_ids(interview)
    assert a.pk not in ids
    assert 12 <= len(ids) <= 14


# --- research checklist --------------------------------------------------------------------------


def research(**changes: str) -> dict[str, str]:
    data = {
        "what_they_do": "Runs the transit data lab",
        "why_them": "They moved from teaching into research, as I hope to.",
        "what_they_have_done": "A talk on bus ridership",
        "already_public": "The lab's annual report",
        "right_person": "yes",
        "objectives": "Learn what a first year looks like.",
    }
    return {**data, **changes}


def test_the_checklist_shows_what_is_missing(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, person__what_they_do="")
    response = owner_client.get(url(interview))
    done = {item.label: item.done for item in response.context["checklist"]}
    assert done == {
        "Who they are": False,
        "Why them": False,
        "What they have done or published": False,
        "What is already public": False,
        "The right person?": False,
    }
    assertContains(response, "still to do", count=5)


def test_saving_the_checklist_keeps_the_research_and_objectives(
    owner_client: Client, interview: Interview
) -> None:
    response = owner_client.post(url(interview, "research"), research())
    assertRedirects(response, url(interview) + "#research", fetch_redirect_response=False)
    preparation = Preparation.objects.get(interview=interview)
    assert preparation.objectives == "Learn what a first year looks like."
    assert preparation.right_person == "yes"


def test_saving_the_checklist_updates_the_person(
    owner_client: Client, interview: Interview
) -> None:
    owner_client.post(url(interview, "research"), research())
    interview.person.refresh_from_db()
    assert interview.person.what_they_do == "Runs the transit data lab"
    assert interview.person.what_they_have_done == "A talk on bus ridership"


def test_a_saved_checklist_is_all_done(owner_client: Client, interview: Interview) -> None:
    owner_client.post(url(interview, "research"), research())
    response = owner_client.get(url(interview))
    assert all(item.done for item in response.context["checklist"])


def test_an_unknown_right_person_answer_names_the_field(
    owner_client: Client, interview: Interview
) -> None:
    response = owner_client.post(url(interview, "research"), research(right_person="maybe"))
    assert response.status_code == 200
    assert "right_person" in response.context["research_form"].errors
    assert not Preparation.objects.filter(interview=interview, right_person="maybe").exists()


# --- owners only ---------------------------------------------------------------------------------

POST_ONLY = ["move", "reorder", "pin", "remove", "swap", "add", "write", "research"]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("action", ["", "rebuild"])
def test_another_users_prepare_pages_are_not_found(
    outsider_client: Client, interview: Interview, action: str, method: str
) -> None:
    response = getattr(outsider_client, method)(url(interview, action))
    assert response.status_code == 404
    assert not PlanEntry.objects.filter(interview=interview).exists()


@pytest.mark.parametrize("action", POST_ONLY)
def test_another_users_plan_cannot_be_changed(
    outsider_client: Client, interview: Interview, outsider: User, action: str
) -> None:
    (a,) = plan_with(interview, "questions")
    theirs = QuestionFactory(owner=outsider)
    data = {"question": theirs.pk, "replacement": theirs.pk, "direction": "up"}
    data |= {"order": str(a.pk), "new-text": "Mine?", **research()}
    response = outsider_client.post(url(interview, action), data)
    assert response.status_code == 404
    assert planned_ids(interview) == [a.pk]
    assert not Preparation.objects.filter(
        interview=interview, objectives__contains="first"
    ).exists()


@pytest.mark.parametrize("action", POST_ONLY)
def test_post_only_addresses_answer_get_the_same_for_everyone(
    owner_client: Client, outsider_client: Client, interview: Interview, action: str
) -> None:
    """405 to a GET whoever asks: the answer reveals nothing about the interview."""
    address = url(interview, action)
    assert owner_client.get(address).status_code == outsider_client.get(address).status_code == 405


def test_the_prepare_page_needs_a_sign_in(client: Client, interview: Interview) -> None:
    response = client.get(url(interview))
    assertRedirects(
        response, f"/accounts/login/?next={url(interview)}", fetch_redirect_response=False
    )


def test_the_prepare_page_does_not_show_another_users_pitch(
    owner_client: Client, interview: Interview, outsider: User
) -> None:
    PitchFactory(owner=outsider, text="Bob's private pitch.")
    assertNotContains(owner_client.get(url(interview)), "Bob's private pitch.")
