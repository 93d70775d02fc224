"""The goal pages: list, detail with the pace chart, create, edit, delete; nobody else's goals."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.insights.goals import goals_summary
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import ActivityKind, Interview, Stage
from coffeechat.people.services import set_tags
from tests.factories import ActivityFactory, GoalFactory, InterviewFactory, PersonFactory


def field_errors(response, name: str) -> str:  # type: ignore[no-untyped-def]
    """The text of the error list rendered with the form field `name` ('' when none)."""
    match = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))).strip() if match else ""


def today() -> date:
    return timezone.now().date()  # the test users' zone is UTC


def goal_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "10 conversations with engineers in Toronto",
        "target_count": "10",
        "start_date": "2027-01-10",
        "due_date": "2027-03-01",
        "role_keywords": "engineer, developer",
        "industry": "",
        "location": "Toronto",
        "tags": "alumni, design",
    }
    data.update(overrides)
    return data


def held(user: User, title: str = "Engineer", days_ago: int = 1) -> Interview:
    interview = InterviewFactory(
        owner=user, person=PersonFactory(owner=user, title=title), stage=Stage.HELD
    )
    at = timezone.now() - timedelta(days=days_ago)
    ActivityFactory(owner=user, interview=interview, kind=ActivityKind.HELD, at=at)
    return interview


def past_goal(user: User, **fields: object) -> Goal:
    """A goal whose window is over, so its status does not depend on the day the tests run."""
    defaults: dict[str, object] = {
        "start_date": today() - timedelta(days=100),
        "due_date": today() - timedelta(days=10),
        "target_count": 3,
    }
    defaults.update(fields)
    return GoalFactory(owner=user, **defaults)


# --- the list -----------------------------------------------------------------------------------


def test_the_list_shows_each_goal_with_its_status(owner_client: Client, owner: User) -> None:
    past_goal(owner, title="Five designers")
    response = owner_client.get(reverse("goal_list"))
    assertContains(response, "Five designers")
    assertContains(response, "Missed by 3")
    assertContains(response, '<progress max="3" value="0"')


def test_the_list_never_shows_another_users_goals(
    owner_client: Client, owner: User, outsider: User
) -> None:
    GoalFactory(owner=owner, title="Mine")
    GoalFactory(owner=outsider, title="Secret plan")
    response = owner_client.get(reverse("goal_list"))
    assert [progress.goal.title for progress in response.context["goals"]] == ["Mine"]
    assertNotContains(response, "Secret plan")


def test_the_empty_list_explains_a_series_with_an_example(owner_client: Client) -> None:
    response = owner_client.get(reverse("goal_list"))
    assertContains(response, "Plan a series, not one meeting (P5)")
    assertContains(response, "“10 conversations with engineers in Toronto by 1 March”")
    assertContains(response, f'href="{reverse("goal_create")}"')


def test_the_list_loads_the_goals_stylesheet(owner_client: Client) -> None:
    assertContains(owner_client.get(reverse("goal_list")), "insights/goals.css")


def test_signed_out_visitors_are_sent_to_log_in(client: Client, owner: User) -> None:
    goal = GoalFactory(owner=owner)
    response = client.get(reverse("goal", args=[goal.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- the dashboard partial ---------------------------------------------------------------------


def test_the_summary_partial_links_each_goal_with_its_bar_and_sentence(owner: User) -> None:
    goal = past_goal(owner, title="Five designers")
    markup = render_to_string("insights/_goals_summary.html", {"goals": goals_summary(owner)})
    assert f'<a class="goal-title" href="/goals/{goal.pk}/">Five designers</a>' in markup
    assert '<progress max="3" value="0"' in markup
    assert "Missed by 3: 0 of 3 conversations held by" in markup
    assert 'href="/goals/new/"' in markup


def test_the_summary_partial_without_goals_invites_one(owner: User) -> None:
    markup = render_to_string("insights/_goals_summary.html", {"goals": []})
    assert "Plan a series, not one meeting (P5)" in markup
    assert 'href="/goals/new/"' in markup


# --- the detail page ----------------------------------------------------------------------------


def test_the_detail_links_the_interviews_that_count(owner_client: Client, owner: User) -> None:
    interview = held(owner, title="Staff Engineer")
    held(owner, title="Recruiter")
    goal = GoalFactory(owner=owner, role_keywords="engineer")
    response = owner_client.get(reverse("goal", args=[goal.pk]))
    assert [item.interview.pk for item in response.context["progress"].counted] == [interview.pk]
    assertContains(response, f'href="{interview.get_absolute_url()}"')


def test_the_detail_lists_the_pipeline_with_stages(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(
        owner=owner, person=PersonFactory(owner=owner, name="Grace"), stage=Stage.SCHEDULED
    )
    goal = GoalFactory(owner=owner)
    response = owner_client.get(reverse("goal", args=[goal.pk]))
    assertContains(response, f'href="{interview.get_absolute_url()}"')
    assertContains(response, '<span class="pill stage-scheduled">Scheduled</span>', html=True)


def test_the_detail_draws_the_pace_chart_with_a_text_alternative(
    owner_client: Client, owner: User
) -> None:
    goal = GoalFactory(owner=owner, title="Ten engineers")
    response = owner_client.get(reverse("goal", args=[goal.pk]))
    content = response.content.decode()
    assert 'role="img" aria-labelledby="pace-title pace-desc"' in content
    assert '<title id="pace-title">Pace of “Ten engineers”</title>' in content
    assert '<desc id="pace-desc">Ideal pace: a straight line from 0 on' in content
    assert 'class="today"' in content  # the window runs from 30 days ago to 60 days ahead
    assertContains(response, "today: 3.3 expected")


def test_the_detail_keeps_another_users_interviews_out(
    owner_client: Client, owner: User, outsider: User
) -> None:
    secret = held(outsider)
    goal = GoalFactory(owner=owner)
    response = owner_client.get(reverse("goal", args=[goal.pk]))
    assert response.context["progress"].counted == []
    assertNotContains(response, secret.get_absolute_url())


# --- create and edit ----------------------------------------------------------------------------


def test_creating_a_goal_saves_it_and_shows_it(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("goal_create"), goal_data())
    goal = Goal.objects.get(owner=owner)
    assertRedirects(response, reverse("goal", args=[goal.pk]))
    assert (goal.title, goal.target_count, goal.tags, goal.role_keywords) == (
        "10 conversations with engineers in Toronto",
        10,
        ["alumni", "design"],
        "engineer, developer",
    )


def test_the_new_goal_form_starts_today(owner_client: Client) -> None:
    response = owner_client.get(reverse("goal_create"))
    assertContains(response, f'value="{today():%Y-%m-%d}"')


def test_every_field_of_the_form_has_a_label(owner_client: Client) -> None:
    content = owner_client.get(reverse("goal_create")).content.decode()
    inputs = re.findall(r'<(?:input|textarea|select)[^>]*id="(id_\w+)"', content)
    assert len(inputs) == 8
    for field_id in inputs:
        assert f'<label for="{field_id}"' in content, field_id


def test_a_due_date_before_the_start_is_refused_on_the_field(
    owner_client: Client, owner: User
) -> None:
    response = owner_client.post(
        reverse("goal_create"), goal_data(start_date="2027-03-01", due_date="2027-02-01")
    )
    assert response.status_code == 200
    assert field_errors(response, "due_date") == "Must be after the start date (1 March 2027)."
    assert not Goal.objects.filter(owner=owner).exists()


def test_a_due_date_on_the_start_is_refused(owner_client: Client) -> None:
    response = owner_client.post(
        reverse("goal_create"), goal_data(start_date="2027-03-01", due_date="2027-03-01")
    )
    assert field_errors(response, "due_date") == "Must be after the start date (1 March 2027)."


@pytest.mark.parametrize("target", ["0", "501"])
def test_a_target_outside_1_to_500_is_refused(owner_client: Client, target: str) -> None:
    response = owner_client.post(reverse("goal_create"), goal_data(target_count=target))
    assert field_errors(response, "target_count") == "Between 1 and 500 conversations."


def test_a_date_that_is_not_a_date_is_refused_on_its_field(owner_client: Client) -> None:
    response = owner_client.post(reverse("goal_create"), goal_data(start_date="next week"))
    assert field_errors(response, "start_date") == "Enter a valid date."


def test_the_tags_help_names_the_users_tags(owner_client: Client, owner: User) -> None:
    set_tags(PersonFactory(owner=owner), ["alumni"])
    assertContains(owner_client.get(reverse("goal_create")), "Your tags include: alumni.")


def test_the_edit_form_shows_the_tags_comma_separated(owner_client: Client, owner: User) -> None:
    goal = GoalFactory(owner=owner, tags=["alumni", "design"])
    response = owner_client.get(reverse("goal_edit", args=[goal.pk]))
    assertContains(response, 'value="alumni, design"')


def test_editing_a_goal_changes_it(owner_client: Client, owner: User) -> None:
    goal = GoalFactory(owner=owner)
    response = owner_client.post(
        reverse("goal_edit", args=[goal.pk]), goal_data(title="Five designers", tags="")
    )
    assertRedirects(response, reverse("goal", args=[goal.pk]))
    goal.refresh_from_db()
    assert (goal.title, goal.tags) == ("Five designers", [])


# --- delete -------------------------------------------------------------------------------------


def test_deleting_a_goal_keeps_the_interviews(owner_client: Client, owner: User) -> None:
    interview = held(owner)
    goal = GoalFactory(owner=owner)
    response = owner_client.post(reverse("goal_delete", args=[goal.pk]))
    assertRedirects(response, reverse("goal_list"))
    assert not Goal.objects.filter(pk=goal.pk).exists()
    assert Interview.objects.filter(pk=interview.pk).exists()


def test_delete_by_get_is_refused_and_deletes_nothing(owner_client: Client, owner: User) -> None:
    goal = GoalFactory(owner=owner)
    assert owner_client.get(reverse("goal_delete", args=[goal.pk])).status_code == 405
    assert Goal.objects.filter(pk=goal.pk).exists()


def test_the_detail_page_offers_the_delete_behind_a_confirmation(
    owner_client: Client, owner: User
) -> None:
    goal = GoalFactory(owner=owner, title="Ten engineers")
    response = owner_client.get(reverse("goal", args=[goal.pk]))
    assertContains(response, "<summary>Delete this goal…</summary>", html=True)
    assertContains(response, f'action="{reverse("goal_delete", args=[goal.pk])}"')


# --- another user's goal ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("goal", "get"),
        ("goal_edit", "get"),
        ("goal_edit", "post"),
        ("goal_delete", "post"),
        ("goal_delete", "get"),
    ],
)
def test_another_users_goal_is_404_on_every_url(
    outsider_client: Client, owner: User, name: str, method: str
) -> None:
    goal = GoalFactory(owner=owner, title="Mine")
    response = getattr(outsider_client, method)(reverse(name, args=[goal.pk]), goal_data())
    assert response.status_code == 404
    goal.refresh_from_db()
    assert goal.title == "Mine"


# --- queries ------------------------------------------------------------------------------------


def _queries(client: Client, url: str) -> int:
    client.get(url)  # the first request checks whether any account exists
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _many(owner: User) -> None:
    """50 goals and 300 interviews, a third of them with tagged people."""
    tagged = PersonFactory(owner=owner, title="Engineer")
    set_tags(tagged, ["alumni"])
    for index in range(49):
        GoalFactory(owner=owner, title=f"Goal {index}", role_keywords="engineer")
    for index in range(299):
        stage = Stage.HELD if index % 2 else Stage.REQUESTED
        who = tagged if index % 3 == 0 else PersonFactory(owner=owner, title="Engineer")
        InterviewFactory(owner=owner, person=who, stage=stage)


def test_the_list_takes_the_same_queries_with_50_goals_and_300_interviews(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    GoalFactory(owner=owner)
    held(owner)
    few = _queries(owner_client, reverse("goal_list"))
    _many(owner)
    # session, user, profile, goals, interviews, their people's tags
    with django_assert_max_num_queries(6):
        response = owner_client.get(reverse("goal_list"))
    assert len(response.context["goals"]) == 50
    assert _queries(owner_client, reverse("goal_list")) == few


def test_the_detail_takes_the_same_queries_with_300_interviews(
    owner_client: Client, owner: User, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    goal = GoalFactory(owner=owner, role_keywords="engineer")
    held(owner)
    url = reverse("goal", args=[goal.pk])
    few = _queries(owner_client, url)
    _many(owner)
    # session, user, profile, goal, interviews, their people's tags
    with django_assert_max_num_queries(6):
        response = owner_client.get(url)
    assert len(response.context["progress"].pipeline) == 150
    assert _queries(owner_client, url) == few


def test_tag_names_suggested_in_the_help_text_are_escaped(
    owner_client: Client, owner: User
) -> None:
    set_tags(PersonFactory(owner=owner), ["<b>bold</b>"])
    response = owner_client.get(reverse("goal_create"))
    assertContains(response, "Your tags include: &lt;b&gt;bold&lt;/b&gt;.")
    assertNotContains(response, "<b>bold</b>")
