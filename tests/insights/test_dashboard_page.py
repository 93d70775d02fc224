"""The /dashboard/ page: the signed-in user's numbers drawn, nobody else's, in constant queries."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coffeechat.followup.models import Task, TaskKind
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from tests.factories import ActivityFactory, InterviewFactory, PersonFactory, TaskFactory

URL = "/dashboard/"
MAX_QUERIES = 12


def page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def value_of(html: str, chart_id: str, attribute: str, label: str) -> str:
    """The data-value of the element of ``chart_id`` whose ``attribute`` is ``label``."""
    svg = re.search(rf'<svg [^>]*id="{chart_id}".*?</svg>', html, re.S)
    assert svg, f"no chart {chart_id}"
    found = re.search(rf'{attribute}="{re.escape(label)}" data-value="([^"]*)"', svg.group(0))
    assert found, f"no {label} in {chart_id}"
    return found.group(1)


def some_of_everything(user: User, name: str = "Ada Lovelace") -> None:
    """Two interviews (one held and thanked within a day), a reply, a keep-in-touch reminder."""
    now = timezone.now()
    person = PersonFactory(owner=user, name=name, keep_posted=True)
    held = InterviewFactory(owner=user, person=person, stage=Stage.THANKED)
    asked = InterviewFactory(owner=user, person=person, stage=Stage.DECLINED)
    for interview, kind, ago in [
        (held, ActivityKind.REQUEST_SENT, timedelta(days=9)),
        (held, ActivityKind.REPLY_RECEIVED, timedelta(days=7)),
        (held, ActivityKind.HELD, timedelta(days=2)),
        (held, ActivityKind.THANK_YOU_SENT, timedelta(days=2) - timedelta(hours=3)),
        (asked, ActivityKind.REQUEST_SENT, timedelta(days=5)),
    ]:
        ActivityFactory(owner=user, interview=interview, kind=kind, at=now - ago)
    TaskFactory(
        owner=user, kind=TaskKind.KEEP_POSTED, person=person, due_at=now + timedelta(days=2)
    )


def test_dashboard_answers_at_its_design_path() -> None:
    assert reverse("dashboard") == URL


def test_dashboard_asks_an_anonymous_visitor_to_sign_in(owner: User) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_dashboard_loads_its_own_stylesheet(owner_client: Client) -> None:
    assert "/static/insights/dashboard.css" in page(owner_client)


def test_funnel_shows_how_many_reached_each_stage(owner_client: Client, owner: User) -> None:
    some_of_everything(owner)
    html = page(owner_client)
    reached = {
        label: value_of(html, "chart-funnel", "data-label", label)
        for label in ("Idea", "Requested", "Scheduled", "Thanked", "Closed")
    }
    assert reached == {
        "Idea": "2",
        "Requested": "2",
        "Scheduled": "1",
        "Thanked": "1",
        "Closed": "0",
    }


def test_funnel_shows_the_exits_below_it(owner_client: Client, owner: User) -> None:
    some_of_everything(owner)
    html = page(owner_client)
    assert '<span data-stage="declined" data-value="1">declined <strong>1</strong></span>' in html
    assert 'data-stage="cancelled" data-value="0"' in html


def test_weekly_chart_shows_this_weeks_and_earlier_activity(
    owner_client: Client, owner: User
) -> None:
    some_of_everything(owner)
    html = page(owner_client)
    series = re.findall(r'data-series="([^"]+)" data-label="[^"]+" data-value="(\d+)"', html)
    totals: dict[str, int] = {}
    for name, value in series:
        totals[name] = totals.get(name, 0) + int(value)
    assert totals == {"Requests": 2, "Replies": 1, "Conversations": 1, "Thank-yous": 1}
    assert len(series) == 48  # 12 weeks, 4 series


def test_weekly_chart_has_a_legend_naming_every_series(owner_client: Client, owner: User) -> None:
    some_of_everything(owner)
    html = page(owner_client)
    legend = re.findall(r'<g class="chart-legend" data-series="([^"]+)">', html)
    assert legend == ["Requests", "Replies", "Conversations", "Thank-yous"]


def test_reply_rate_and_median_days_are_shown(owner_client: Client, owner: User) -> None:
    some_of_everything(owner)
    html = page(owner_client)
    assert ">1 of 2 (50%)</text>" in html
    assert '<strong class="dash-median" data-value="2">2 days</strong>' in html
    assert "1 of 2 requests answered (50%); median time to reply: 2 days." in html


def test_thank_yous_within_24_hours_are_shown_as_a_share(owner_client: Client, owner: User) -> None:
    some_of_everything(owner)
    late = InterviewFactory(owner=owner, stage=Stage.THANKED)
    held_at = timezone.now() - timedelta(days=4)
    ActivityFactory(owner=owner, interview=late, kind=ActivityKind.HELD, at=held_at)
    ActivityFactory(
        owner=owner,
        interview=late,
        kind=ActivityKind.THANK_YOU_SENT,
        at=held_at + timedelta(days=2),
    )
    html = page(owner_client)
    assert ">1 of 2 (50%)</text>" in html
    assert "1 of 2 conversations held thanked within 24 hours (50%)." in html


def test_people_due_a_keep_in_touch_are_counted_and_linked(
    owner_client: Client, owner: User
) -> None:
    some_of_everything(owner)
    person = PersonFactory(owner=owner, name="Grace Hopper")
    TaskFactory(
        owner=owner,
        kind=TaskKind.KEEP_POSTED,
        person=person,
        due_at=timezone.now() - timedelta(days=1),
    )
    html = page(owner_client)
    assert '<strong class="dash-count" data-value="2">2</strong> people due an update' in html
    assert f'<a href="/people/{person.pk}/">Grace Hopper</a>' in html
    assert "Overdue since" in html


def test_every_chart_has_its_text_alternative_and_a_table(
    owner_client: Client, owner: User
) -> None:
    some_of_everything(owner)
    html = page(owner_client)
    charts = re.findall(r'<svg [^>]*id="([^"]+)" role="img" aria-labelledby="([^"]+)"', html)
    assert [chart_id for chart_id, _ in charts] == [
        "chart-funnel",
        "chart-weekly",
        "chart-replies",
        "chart-thank-yous",
    ]
    for chart_id, labelled_by in charts:
        assert labelled_by == f"{chart_id}-title {chart_id}-desc"
        assert f'<title id="{chart_id}-title">' in html
        assert f'<desc id="{chart_id}-desc">' in html
    assert html.count("<summary>Show as a table</summary>") == 4


def test_funnel_desc_says_the_numbers_in_words(owner_client: Client, owner: User) -> None:
    some_of_everything(owner)
    assert (
        "Of 2 interviews, 2 reached researching; 2 reached requested; 1 reached scheduled; "
        "1 reached held; 1 reached thanked; 0 reached closed. Exits: declined 1, no response 0, "
        "cancelled 0."
    ) in page(owner_client)


def test_an_empty_account_is_told_what_to_do_next(owner_client: Client) -> None:
    html = page(owner_client)
    assert "Nothing to chart yet" in html
    assert '<a href="/people/new/">Add a person</a>' in html
    assert '<a href="/interviews/new/">Plan an interview</a>' in html
    assert "<svg" not in html


def test_an_account_with_only_a_plan_gets_no_empty_charts(
    owner_client: Client, owner: User
) -> None:
    InterviewFactory(owner=owner, stage=Stage.IDEA)
    html = page(owner_client)
    assert 'id="chart-funnel"' in html
    assert 'id="chart-weekly"' not in html
    assert "No requests, replies, conversations or thank-yous in the last 12 weeks." in html
    assert "No request sent yet." in html
    assert "No conversation held yet." in html


def test_another_users_data_never_shows(owner_client: Client, owner: User, outsider: User) -> None:
    some_of_everything(owner)
    for _ in range(3):
        some_of_everything(outsider, name="Zed Outsider")
    html = page(owner_client)
    assert "Zed Outsider" not in html
    assert value_of(html, "chart-funnel", "data-label", "Idea") == "2"
    assert '<strong class="dash-count" data-value="1">1</strong>' in html


def test_an_outsiders_data_leaves_their_own_dashboard_empty(
    outsider_client: Client, owner: User
) -> None:
    some_of_everything(owner)
    html = page(outsider_client)
    assert "Nothing to chart yet" in html
    assert "Ada Lovelace" not in html


def many_rows(user: User, interviews: int, activities_each: int, reminders: int) -> None:
    person = PersonFactory(owner=user)
    stages = list(Stage)
    Interview.objects.bulk_create(
        Interview(owner=user, person=person, topic=f"Topic {n}", stage=stages[n % len(stages)])
        for n in range(interviews)
    )
    kinds = [
        ActivityKind.REQUEST_SENT,
        ActivityKind.REPLY_RECEIVED,
        ActivityKind.HELD,
        ActivityKind.THANK_YOU_SENT,
        ActivityKind.NOTE,
    ]
    now = timezone.now()
    Activity.objects.bulk_create(
        Activity(
            owner=user,
            person=person,
            interview=interview,
            kind=kinds[n % len(kinds)],
            at=now - timedelta(hours=7 * n + i),
        )
        for i, interview in enumerate(Interview.objects.filter(owner=user))
        for n in range(activities_each)
    )
    Task.objects.bulk_create(
        Task(
            owner=user,
            kind=TaskKind.KEEP_POSTED,
            person=PersonFactory(owner=user),
            title=f"Keep {n} posted",
            due_at=now + timedelta(hours=n),
        )
        for n in range(reminders)
    )


def queries_for(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        page(client)
    return len(captured)


def test_query_count_does_not_grow_with_the_data(
    owner_client: Client, owner: User, outsider_client: Client, outsider: User
) -> None:
    many_rows(owner, interviews=2, activities_each=3, reminders=1)
    many_rows(outsider, interviews=220, activities_each=5, reminders=20)
    assert Activity.objects.filter(owner=outsider).count() == 1100
    assert queries_for(owner_client) == queries_for(outsider_client)


def test_a_page_with_hundreds_of_interviews_stays_within_its_queries(
    outsider_client: Client, outsider: User, django_assert_max_num_queries: Any
) -> None:
    many_rows(outsider, interviews=220, activities_each=5, reminders=20)
    assert Activity.objects.filter(owner=outsider).count() == 1100
    with django_assert_max_num_queries(MAX_QUERIES):
        html = page(outsider_client)
    assert value_of(html, "chart-funnel", "data-label", "Idea") == "220"
    assert '<strong class="dash-count" data-value="20">20</strong>' in html
