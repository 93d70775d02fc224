"""Live mode, the debrief form and the referral chain on the person page, over HTTP."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertRedirects

from coffeechat.debrief.models import Debrief, Resource, Skill
from coffeechat.interviews.models import Interview, Stage
from coffeechat.people.models import Person, ReferralKind
from coffeechat.playbook.live import LAST_QUESTIONS_SHARE, NEXT_STEPS_SECONDS_BEFORE_END
from coffeechat.prep.models import PlanEntry
from tests.factories import (
    DebriefFactory,
    InterviewFactory,
    PersonFactory,
    PlanEntryFactory,
    PreparationFactory,
)

ROUTES = [
    "interview_live",
    "interview_live_start",
    "interview_live_extend",
    "interview_live_note",
    "interview_live_end",
    "interview_debrief",
]
JSON = {"HTTP_ACCEPT": "application/json"}


def url(name: str, interview: Interview) -> str:
    return reverse(name, args=[interview.pk])


def field_errors(response, name: str) -> str:  # type: ignore[no-untyped-def]
    """The text of the error list rendered with the form field `name` ('' when none)."""
    match = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))).strip() if match else ""


def debrief_data(**overrides: str) -> dict[str, str]:
    data = {
        "insights": "Research teams value clear writing over tools.",
        "memorable": "Curiosity about the boring parts",
        "next_step": "join the local research meetup",
        "fit_score": "4",
        "fit_line": "I liked the research, less so the travel.",
        "may_contact_again": "yes",
    }
    for prefix in ("resources", "skills", "referrals"):
        data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"})
    # An untouched row posts its defaults, as a browser does.
    data.update({"resources-0-kind": "other", "skills-0-status": "to_learn"})
    data.update(overrides)
    return data


# --- every route is the owner's only ------------------------------------------------------------


@pytest.mark.parametrize("name", ROUTES)
def test_another_users_interview_is_404_on_get(
    outsider_client: Client, owner: User, name: str
) -> None:
    interview = InterviewFactory(owner=owner)
    assert outsider_client.get(url(name, interview)).status_code == 404


@pytest.mark.parametrize("name", ROUTES)
def test_another_users_interview_is_404_on_post(
    outsider_client: Client, owner: User, name: str
) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    data = {"entry": str(entry.pk), "notes": "Sneaky", **debrief_data()}
    assert outsider_client.post(url(name, entry.interview), data).status_code == 404


def test_another_users_interview_is_left_unchanged_by_posts(
    outsider_client: Client, owner: User
) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner, stage=Stage.SCHEDULED))
    for name in ROUTES:
        outsider_client.post(url(name, entry.interview), {"entry": entry.pk, "notes": "Sneaky"})
    entry.refresh_from_db()
    assert (entry.notes, Interview.objects.get().stage, Debrief.objects.count()) == (
        "",
        Stage.SCHEDULED,
        0,
    )


def test_live_actions_answer_get_with_method_not_allowed(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    assert owner_client.get(url("interview_live_end", interview)).status_code == 405


def test_live_page_needs_a_sign_in(client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = client.get(url("interview_live", interview))
    assert response.status_code == 302


# --- the live page ------------------------------------------------------------------------------


def test_live_page_builds_the_plan_on_first_use(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.get(url("interview_live", interview))
    assert (
        len(response.context["questions"]) == PlanEntry.objects.filter(interview=interview).count()
    )
    assert len(response.context["questions"]) >= 12


def test_live_page_shows_the_plans_questions(owner_client: Client, owner: User) -> None:
    entry = PlanEntryFactory(
        interview=InterviewFactory(owner=owner), question__text="What did your first week hold?"
    )
    response = owner_client.get(url("interview_live", entry.interview))
    assertContains(response, "What did your first week hold?")


def test_live_page_shows_saved_notes(owner_client: Client, owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner), notes="Ask about on-call")
    response = owner_client.get(url("interview_live", entry.interview))
    assertContains(response, "Ask about on-call</textarea>")


def test_live_page_passes_the_clock_rules_from_python(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=15)
    response = owner_client.get(url("interview_live", interview))
    assertContains(response, f'data-last-questions-share="{LAST_QUESTIONS_SHARE}"')
    assertContains(response, f'data-next-steps-seconds="{NEXT_STEPS_SECONDS_BEFORE_END}"')
    assertContains(response, 'data-duration-minutes="15"')


def test_live_page_shows_elapsed_against_agreed_time(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=20)
    DebriefFactory(
        interview=interview,
        started_at=timezone.now() - timedelta(minutes=7, seconds=40),
        ended_at=None,
        extended_minutes=5,
    )
    response = owner_client.get(url("interview_live", interview))
    assert response.context["elapsed_clock"] in {"07:40", "07:41"}
    assert response.context["agreed_clock"] == "25:00"


def test_live_page_shows_the_three_next_step_questions(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.get(url("interview_live", interview))
    assert len(response.context["next_steps"]) == 3
    assertContains(response, "Ask for next steps")


def test_live_page_is_never_cached(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.get(url("interview_live", interview))
    assert "no-store" in response["Cache-Control"]


def test_live_page_queries_stay_bounded_with_a_14_question_plan(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    interview = InterviewFactory(owner=owner)
    PreparationFactory(interview=interview, plan_built_at=timezone.now())
    for _ in range(14):
        PlanEntryFactory(interview=interview, notes="A note")
    owner_client.get(url("interview_live", interview))  # the first request checks for users
    # session, user, profile, interview, debrief, preparation, plan, next-step texts
    with django_assert_max_num_queries(8):
        response = owner_client.get(url("interview_live", interview))
    assert len(response.context["questions"]) == 14


def test_live_page_queries_do_not_grow_with_the_plan(
    owner_client: Client, owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small, large = InterviewFactory(owner=owner), InterviewFactory(owner=owner)
    PlanEntryFactory(interview=small)
    for _ in range(14):
        PlanEntryFactory(interview=large)
    owner_client.get(url("interview_live", small))
    owner_client.get(url("interview_live", large))
    with CaptureQueriesContext(connection) as few:
        owner_client.get(url("interview_live", small))
    with django_assert_num_queries(len(few.captured_queries)):
        owner_client.get(url("interview_live", large))


# --- notes --------------------------------------------------------------------------------------


def test_note_is_saved_on_its_question(owner_client: Client, owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    response = owner_client.post(
        url("interview_live_note", entry.interview),
        {"entry": entry.pk, "notes": "Start in support, then move over."},
        **JSON,
    )
    entry.refresh_from_db()
    assert response.json()["entry"] == entry.pk
    assert entry.notes == "Start in support, then move over."


def test_note_posted_without_javascript_returns_to_the_question(
    owner_client: Client, owner: User
) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    response = owner_client.post(
        url("interview_live_note", entry.interview), {"entry": entry.pk, "notes": "Plain form"}
    )
    assertRedirects(
        response,
        url("interview_live", entry.interview) + f"#q-{entry.pk}",
        fetch_redirect_response=False,
    )


def test_note_on_another_interviews_question_is_404(owner_client: Client, owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    other = InterviewFactory(owner=owner)
    response = owner_client.post(
        url("interview_live_note", other), {"entry": entry.pk, "notes": "x"}, **JSON
    )
    assert response.status_code == 404


def test_note_too_long_is_refused_naming_the_field(owner_client: Client, owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    response = owner_client.post(
        url("interview_live_note", entry.interview),
        {"entry": entry.pk, "notes": "x" * 20_001},
        **JSON,
    )
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["notes"]


def test_note_without_a_question_is_refused_naming_the_field(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(url("interview_live_note", interview), {"notes": "x"}, **JSON)
    assert list(response.json()["errors"]) == ["entry"]


# --- start, more time, end ----------------------------------------------------------------------


def test_start_records_the_start_on_the_server(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    before = timezone.now()
    response = owner_client.post(url("interview_live_start", interview), **JSON)
    started_at = Debrief.objects.get(interview=interview).started_at
    assert started_at is not None
    assert started_at >= before
    assert response.json()["started_at"] == str(int(started_at.timestamp() * 1000))


def test_start_takes_the_time_the_browser_tapped_start(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    tapped = (timezone.now() - timedelta(minutes=2)).replace(microsecond=0)
    owner_client.post(
        url("interview_live_start", interview), {"at": int(tapped.timestamp() * 1000)}, **JSON
    )
    assert Debrief.objects.get(interview=interview).started_at == tapped


def test_start_ignores_a_browser_time_in_the_future(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    future = timezone.now() + timedelta(hours=3)
    owner_client.post(
        url("interview_live_start", interview), {"at": int(future.timestamp() * 1000)}, **JSON
    )
    started_at = Debrief.objects.get(interview=interview).started_at
    assert started_at is not None
    assert started_at <= timezone.now()


def test_extension_tap_adds_five_minutes(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, duration_minutes=20)
    owner_client.post(url("interview_live_extend", interview))
    response = owner_client.post(url("interview_live_extend", interview), **JSON)
    assert response.json() == {"extended_minutes": 10, "agreed_minutes": 30}


def test_extension_total_sent_again_is_counted_once(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    owner_client.post(url("interview_live_extend", interview), {"total": "5"}, **JSON)
    owner_client.post(url("interview_live_extend", interview), {"total": "5"}, **JSON)
    assert Debrief.objects.get(interview=interview).extended_minutes == 5


def test_extension_past_the_limit_is_refused_naming_the_field(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(url("interview_live_extend", interview), {"total": "500"}, **JSON)
    assert list(response.json()["errors"]) == ["extended_minutes"]


def test_end_moves_to_held_and_opens_the_debrief(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED)
    DebriefFactory(
        interview=interview, started_at=timezone.now() - timedelta(minutes=18), ended_at=None
    )
    response = owner_client.post(url("interview_live_end", interview))
    assertRedirects(response, url("interview_debrief", interview), fetch_redirect_response=False)
    assert Interview.objects.get().stage == Stage.HELD


def test_end_records_the_real_end(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED)
    DebriefFactory(
        interview=interview, started_at=timezone.now() - timedelta(minutes=18), ended_at=None
    )
    before = timezone.now()
    owner_client.post(url("interview_live_end", interview))
    ended_at = Debrief.objects.get().ended_at
    assert ended_at is not None
    assert before <= ended_at <= timezone.now()


def test_end_without_a_start_assumes_the_agreed_length(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED, duration_minutes=15)
    owner_client.post(url("interview_live_end", interview))
    debrief = Debrief.objects.get()
    assert debrief.started_at
    assert debrief.ended_at
    assert debrief.ended_at - debrief.started_at == timedelta(minutes=15)


# --- the debrief form ---------------------------------------------------------------------------


def test_debrief_page_opens_blank(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.get(url("interview_debrief", interview))
    assertContains(response, "The next step you will take")
    assert not Debrief.objects.exists()


def test_debrief_page_shows_the_notes_taken_live(owner_client: Client, owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner), notes="Start in support")
    response = owner_client.get(url("interview_debrief", entry.interview))
    assertContains(response, "Start in support")


def test_debrief_saves_the_fields(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(url("interview_debrief", interview), debrief_data())
    assertRedirects(response, interview.get_absolute_url(), fetch_redirect_response=False)
    debrief = Debrief.objects.get(interview=interview)
    assert (debrief.fit_score, debrief.may_contact_again, debrief.next_step) == (
        4,
        "yes",
        "join the local research meetup",
    )


def test_debrief_save_and_add_more_comes_back(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(url("interview_debrief", interview), debrief_data(action="more"))
    assertRedirects(response, url("interview_debrief", interview), fetch_redirect_response=False)


def test_debrief_rows_become_resources_skills_and_people(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="Service design")
    data = debrief_data(
        **{
            "resources-0-kind": "book",
            "resources-0-title": "This Is Service Design Doing",
            "resources-0-url": "example.org/book",
            "skills-0-name": "Facilitation",
            "skills-0-status": "to_learn",
            "referrals-0-name": "Chidi Okafor",
            "referrals-0-organization_name": "Northwind Health",
            "referrals-0-referral_kind": ReferralKind.INTRODUCE,
        }
    )
    owner_client.post(url("interview_debrief", interview), data)
    resource = Resource.objects.get()
    chidi = Person.objects.get(name="Chidi Okafor")
    assert (resource.url, resource.recommended_by) == ("https://example.org/book", interview.person)
    assert Skill.objects.get().name == "Facilitation"
    assert (chidi.referred_by, chidi.interviews.get().topic) == (interview.person, "Service design")


def test_debrief_empty_rows_add_nothing(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    owner_client.post(url("interview_debrief", interview), debrief_data())
    assert (Resource.objects.count(), Skill.objects.count(), Person.objects.count()) == (0, 0, 1)


def test_debrief_error_names_the_field(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(url("interview_debrief", interview), debrief_data(fit_score="9"))
    assert "Select a valid choice" in field_errors(response, "fit_score")


def test_debrief_row_error_names_the_row_and_field(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    data = debrief_data(
        **{"resources-0-title": "A website", "resources-0-url": "not a link at all"}
    )
    response = owner_client.post(url("interview_debrief", interview), data)
    assert "valid URL" in field_errors(response, "resources-0-url")
    assertContains(response, 'href="#id_resources-0-url"')


def test_debrief_referral_needs_a_kind(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    data = debrief_data(**{"referrals-0-name": "Chidi Okafor"})
    response = owner_client.post(url("interview_debrief", interview), data)
    assert "introduce" in field_errors(response, "referrals-0-referral_kind")


def test_debrief_with_a_bad_row_saves_nothing(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    data = debrief_data(
        offered_keep_in_touch="on",
        **{
            "skills-0-name": "Facilitation",
            "skills-0-status": "have",
            "referrals-0-name": "Chidi Okafor",
            "referrals-0-referral_kind": ReferralKind.MENTION,
            "referrals-0-email": "chidi at example",
        },
    )
    response = owner_client.post(url("interview_debrief", interview), data)
    assert response.status_code == 200
    assert field_errors(response, "referrals-0-email")
    interview.person.refresh_from_db()
    assert (Debrief.objects.count(), Skill.objects.count(), Person.objects.count()) == (0, 0, 1)
    assert not interview.person.keep_posted


def test_debrief_keep_posted_turns_on_the_reminder(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    owner_client.post(url("interview_debrief", interview), debrief_data(offered_keep_in_touch="on"))
    interview.person.refresh_from_db()
    assert interview.person.keep_posted


def test_debrief_lists_what_was_already_added(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    PersonFactory(owner=owner, name="Chidi Okafor", referred_by=interview.person)
    response = owner_client.get(url("interview_debrief", interview))
    assertContains(response, "Chidi Okafor")


# --- the referral chain on the person page (P28) -------------------------------------------------


def test_person_page_draws_who_led_to_whom(owner_client: Client, owner: User) -> None:
    ana = PersonFactory(owner=owner, name="Ana Silva")
    ben = PersonFactory(owner=owner, name="Ben Ito", referred_by=ana, referral_kind="introduce")
    PersonFactory(owner=owner, name="Cleo Park", referred_by=ben, referral_kind="mention")
    response = owner_client.get(ben.get_absolute_url())
    chain = [person.name for person in response.context["referral_chain"]]
    assert chain == ["Ana Silva", "Ben Ito"]
    assertContains(response, "Cleo Park")
    assertContains(response, "I may mention their name")


def test_person_page_queries_do_not_grow_with_the_chain(
    owner_client: Client, owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    short = PersonFactory(owner=owner, referred_by=PersonFactory(owner=owner))
    line = [PersonFactory(owner=owner)]
    for _ in range(6):
        line.append(PersonFactory(owner=owner, referred_by=line[-1]))
    owner_client.get(short.get_absolute_url())  # the first request checks for users
    with CaptureQueriesContext(connection) as few:
        owner_client.get(short.get_absolute_url())
    with django_assert_num_queries(len(few.captured_queries)):
        owner_client.get(line[-1].get_absolute_url())
