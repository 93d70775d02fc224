"""The question bank pages: search, filters, star, create, edit, delete; owners only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.core.http import PAGE_SIZE
from coffeechat.prep.models import PlanEntry, Question
from coffeechat.prep.services import questions_of
from tests.factories import PlanEntryFactory, QuestionFactory

HTMX = {"HX-Request": "true"}


def texts(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.text for q in response.context["page"].object_list]


# --- the list ------------------------------------------------------------------------------------


def test_the_bank_page_shows_the_built_in_questions(owner_client: Client, owner: User) -> None:
    response = owner_client.get("/questions/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == questions_of(owner).count() > 150


def test_the_bank_page_is_in_the_main_navigation(owner_client: Client) -> None:
    assertContains(
        owner_client.get("/questions/"), '<a href="/questions/" aria-current="page">Questions</a>'
    )


def test_search_matches_words_of_the_text(owner_client: Client, owner: User) -> None:
    QuestionFactory(owner=owner, text="Which zeppelinology podcast do you never miss?")
    assert texts(owner_client.get("/questions/?q=zeppelinology")) == [
        "Which zeppelinology podcast do you never miss?"
    ]


def test_search_matches_a_tag(owner_client: Client, owner: User) -> None:
    QuestionFactory(owner=owner, text="Who should I meet next?", tags=["networking"])
    assert texts(owner_client.get("/questions/?q=networking")) == ["Who should I meet next?"]


def test_search_answers_rows_only_to_htmx(owner_client: Client) -> None:
    response = owner_client.get("/questions/?q=day", headers=HTMX)
    assert next(t.name for t in response.templates) == "prep/_question_rows.html"
    assertNotContains(response, "<h1>")


def test_the_category_filter_keeps_that_category(owner_client: Client) -> None:
    response = owner_client.get("/questions/?category=advice")
    assert {q.category for q in response.context["page"].object_list} == {"advice"}


def test_the_tiara_filter_keeps_that_tiara(owner_client: Client) -> None:
    response = owner_client.get("/questions/?tiara=trends")
    assert {q.tiara for q in response.context["page"].object_list} == {"trends"}


def test_the_tag_filter_keeps_that_tag(owner_client: Client, owner: User) -> None:
    QuestionFactory(owner=owner, text="Tagged?", tags=["remote"])
    assert texts(owner_client.get("/questions/?tag=remote")) == ["Tagged?"]


def test_the_starred_filter_keeps_starred_questions(owner_client: Client, owner: User) -> None:
    QuestionFactory(owner=owner, text="A favourite?", starred=True)
    assert texts(owner_client.get("/questions/?starred=on")) == ["A favourite?"]


def test_the_15_minute_filter_keeps_questions_that_suit_a_short_call(
    owner_client: Client,
) -> None:
    response = owner_client.get("/questions/?fits_15=on")
    assert response.context["page"].paginator.count > 0
    assert all(q.fits_15 for q in response.context["page"].object_list)


def test_an_unknown_filter_value_is_ignored(owner_client: Client, owner: User) -> None:
    response = owner_client.get("/questions/?category=nonsense&tiara=<b>")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == questions_of(owner).count()


def test_nothing_matching_says_so(owner_client: Client) -> None:
    assertContains(owner_client.get("/questions/?q=zzzzqqq"), "No question matches")


def test_a_googleable_question_is_flagged_with_its_reason(
    owner_client: Client, owner: User
) -> None:
    QuestionFactory(owner=owner, text="When was the company founded?")
    response = owner_client.get("/questions/?q=founded")
    assertContains(response, "Googleable")


def test_a_personal_question_is_not_flagged(owner_client: Client, owner: User) -> None:
    QuestionFactory(owner=owner, text="What surprised you in your first month?")
    assertNotContains(owner_client.get("/questions/?q=surprised+first+month"), "Googleable")


def test_the_list_is_paginated(owner_client: Client) -> None:
    response = owner_client.get("/questions/?page=2")
    assert response.context["page"].number == 2
    assert len(response.context["page"].object_list) == PAGE_SIZE


def test_another_users_questions_are_not_listed(owner_client: Client, outsider: User) -> None:
    QuestionFactory(owner=outsider, text="Bob's secret question?")
    assertNotContains(owner_client.get("/questions/?q=secret"), "Bob's secret question?")


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries.captured_queries)


@pytest.mark.parametrize("url", ["/questions/", "/questions/?q=you&starred=on&tag=design"])
def test_the_bank_page_queries_do_not_grow_with_the_bank(
    owner_client: Client, owner: User, url: str, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    questions_of(owner).exclude(pk__in=questions_of(owner)[:3].values("pk")).delete()
    questions_of(owner).update(starred=True, tags=["design"])  # the filters match a few
    owner_client.get(url)  # warm up the session
    few = count_queries(owner_client, url)
    for i in range(200):
        QuestionFactory(owner=owner, starred=i % 2 == 0, tags=["design", f"t{i % 5}"])
    assert questions_of(owner).count() > 160
    with django_assert_max_num_queries(few):
        response = owner_client.get(url)
    assert len(response.context["page"].object_list) == PAGE_SIZE


# --- star ----------------------------------------------------------------------------------------


def test_starring_by_htmx_answers_the_button(owner_client: Client, owner: User) -> None:
    question = QuestionFactory(owner=owner)
    response = owner_client.post(f"/questions/{question.pk}/star/", {"starred": "on"}, headers=HTMX)
    assertContains(response, 'aria-pressed="true"')
    question.refresh_from_db()
    assert question.starred


def test_unstarring_without_js_goes_back_to_the_list(owner_client: Client, owner: User) -> None:
    question = QuestionFactory(owner=owner, starred=True)
    response = owner_client.post(f"/questions/{question.pk}/star/", {"next": "/questions/?q=first"})
    assertRedirects(response, "/questions/?q=first", fetch_redirect_response=False)
    question.refresh_from_db()
    assert not question.starred


def test_starring_never_redirects_to_another_site(owner_client: Client, owner: User) -> None:
    question = QuestionFactory(owner=owner)
    response = owner_client.post(
        f"/questions/{question.pk}/star/", {"starred": "on", "next": "https://evil.example/"}
    )
    assertRedirects(response, "/questions/", fetch_redirect_response=False)


# --- create, edit, delete ------------------------------------------------------------------------


def new_question(**changes: str) -> dict[str, str]:
    data = {
        "text": "What do you wish you had known in your first year?",
        "category": "path",
        "tiara": "advice",
        "phase": "questions",
        "minutes": "2",
        "fits_15": "on",
        "tags": "First Year, advice , first year",
    }
    return {**data, **changes}


def test_creating_a_question_keeps_it_as_the_users_own(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/questions/new/", new_question())
    assertRedirects(response, "/questions/", fetch_redirect_response=False)
    question = Question.objects.get(owner=owner, text__startswith="What do you wish")
    assert question.is_own


def test_tags_are_entered_comma_separated(owner_client: Client, owner: User) -> None:
    owner_client.post("/questions/new/", new_question())
    question = Question.objects.get(owner=owner, text__startswith="What do you wish")
    assert question.tags == ["first year", "advice"]


def test_every_input_of_the_question_form_has_a_label(owner_client: Client) -> None:
    response = owner_client.get("/questions/new/")
    for field in response.context["form"]:
        assertContains(response, f'<label for="{field.id_for_label}"')


def test_a_question_without_text_names_the_field(owner_client: Client) -> None:
    response = owner_client.post("/questions/new/", new_question(text=""))
    assert response.status_code == 200
    assert "text" in response.context["form"].errors


def test_too_many_tags_are_refused_on_the_tags_field(owner_client: Client) -> None:
    tags = ", ".join(f"tag{i}" for i in range(11))
    response = owner_client.post("/questions/new/", new_question(tags=tags))
    assert "tags" in response.context["form"].errors


def test_minutes_out_of_range_are_refused_on_the_minutes_field(owner_client: Client) -> None:
    response = owner_client.post("/questions/new/", new_question(minutes="90"))
    assert "minutes" in response.context["form"].errors


def test_saving_a_googleable_question_warns(owner_client: Client) -> None:
    response = owner_client.post(
        "/questions/new/", new_question(text="When was the company founded?"), follow=True
    )
    assertContains(response, "A web search may answer it")


def test_editing_changes_the_text(owner_client: Client, owner: User) -> None:
    question = QuestionFactory(owner=owner)
    owner_client.post(f"/questions/{question.pk}/edit/", new_question(text="Changed?"))
    question.refresh_from_db()
    assert question.text == "Changed?"


def test_the_edit_form_shows_the_tags_comma_separated(owner_client: Client, owner: User) -> None:
    question = QuestionFactory(owner=owner, tags=["design", "remote"])
    assertContains(owner_client.get(f"/questions/{question.pk}/edit/"), 'value="design, remote"')


def test_deleting_asks_first_and_names_the_plans_it_leaves(
    owner_client: Client, owner: User
) -> None:
    entry = PlanEntryFactory(interview__owner=owner)
    response = owner_client.get(f"/questions/{entry.question_id}/delete/")
    assertContains(response, "taken out of 1 interview plan.")
    assert Question.objects.filter(pk=entry.question_id).exists()


def test_deleting_removes_the_question_and_its_plan_entries(
    owner_client: Client, owner: User
) -> None:
    entry = PlanEntryFactory(interview__owner=owner)
    response = owner_client.post(f"/questions/{entry.question_id}/delete/")
    assertRedirects(response, "/questions/", fetch_redirect_response=False)
    assert not PlanEntry.objects.filter(pk=entry.pk).exists()


# --- owners only ---------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["edit", "delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_users_question_is_not_found(
    outsider_client: Client, owner: User, action: str, method: str
) -> None:
    question = QuestionFactory(owner=owner)
    response = getattr(outsider_client, method)(f"/questions/{question.pk}/{action}/")
    assert response.status_code == 404
    assert Question.objects.filter(pk=question.pk, text=question.text).exists()


def test_another_users_question_cannot_be_starred(outsider_client: Client, owner: User) -> None:
    question = QuestionFactory(owner=owner)
    response = outsider_client.post(f"/questions/{question.pk}/star/", {"starred": "on"})
    assert response.status_code == 404
    question.refresh_from_db()
    assert not question.starred


def test_starring_answers_get_the_same_for_everyone(
    owner_client: Client, outsider_client: Client, owner: User
) -> None:
    """A POST-only address answers 405 to a GET whoever asks, so it reveals nothing."""
    question = QuestionFactory(owner=owner)
    url = f"/questions/{question.pk}/star/"
    assert owner_client.get(url).status_code == outsider_client.get(url).status_code == 405


@pytest.mark.parametrize("url", ["/questions/", "/questions/new/"])
@pytest.mark.usefixtures("owner")
def test_the_bank_pages_need_a_sign_in(client: Client, url: str) -> None:
    assert client.get(url).status_code == 302
