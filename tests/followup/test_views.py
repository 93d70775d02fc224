"""The Today page and the task views."""

from __future__ import annotations

import html
import re
import zoneinfo
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.followup import services as followup_services
from coffeechat.followup import views as followup_views
from coffeechat.followup.models import Task, TaskKind
from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, PersonFactory, TaskFactory, UserFactory

VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=VANCOUVER)  # type: ignore[misc]


# Thursday 15 January 2026, noon in Vancouver.
NOW = local(2026, 1, 15, 12, 0)


@pytest.fixture
def vancouverite(db: None) -> User:
    return UserFactory(username="carol", profile__time_zone="America/Vancouver")


@pytest.fixture
def vancouver_client(vancouverite: User) -> Client:
    client = Client()
    client.force_login(vancouverite)
    return client


@pytest.fixture
def frozen_agenda(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Today page judges its agenda at NOW rather than at the real time."""

    def agenda_at_now(user: User, now: datetime | None = None) -> followup_services.Agenda:
        return followup_services.agenda(user, now=NOW)

    monkeypatch.setattr(followup_views, "agenda", agenda_at_now)


def field_errors(response, name: str) -> str:  # type: ignore[no-untyped-def]
    match = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))) if match else ""


def task_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Send Grace the article",
        "kind": TaskKind.KEEP_POSTED,
        "due_at": "2026-01-20T09:00",
        "person": "",
        "interview": "",
        "notes": "",
    }
    data.update(overrides)
    return data


# --- Today -------------------------------------------------------------------------------------


@pytest.mark.usefixtures("frozen_agenda")
def test_today_shows_each_section_with_its_items(
    vancouver_client: Client, vancouverite: User
) -> None:
    InterviewFactory(
        owner=vancouverite,
        stage=Stage.SCHEDULED,
        scheduled_start=local(2026, 1, 15, 16, 0),
        topic="interview-this-afternoon",
    )
    InterviewFactory(
        owner=vancouverite,
        stage=Stage.SCHEDULED,
        scheduled_start=local(2026, 1, 19, 10, 0),
        topic="interview-on-monday",
    )
    TaskFactory(owner=vancouverite, title="task-overdue", due_at=local(2026, 1, 14, 9, 0))
    TaskFactory(owner=vancouverite, title="task-late-tonight", due_at=local(2026, 1, 15, 23, 30))
    TaskFactory(owner=vancouverite, title="task-tomorrow", due_at=local(2026, 1, 16, 9, 0))
    content = vancouver_client.get("/today/").content.decode()
    order = [
        "Interviews today",
        "interview-this-afternoon",
        ">Overdue<",
        "task-overdue",
        ">Due today<",
        "task-late-tonight",
        "Next 7 days",
        "interview-on-monday",
        "task-tomorrow",
    ]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Nothing due." not in content


@pytest.mark.usefixtures("frozen_agenda")
def test_today_shows_interview_times_in_the_users_time_zone(
    vancouver_client: Client, vancouverite: User
) -> None:
    InterviewFactory(
        owner=vancouverite, stage=Stage.SCHEDULED, scheduled_start=local(2026, 1, 15, 16, 0)
    )
    assertContains(vancouver_client.get("/today/"), ">16:00</time>")


@pytest.mark.usefixtures("frozen_agenda")
def test_today_leaves_out_done_tasks(vancouver_client: Client, vancouverite: User) -> None:
    TaskFactory(
        owner=vancouverite, title="already-done", due_at=local(2026, 1, 15, 15, 0), done=True
    )
    response = vancouver_client.get("/today/")
    assertNotContains(response, "already-done")
    assertContains(response, "Nothing due.")


@pytest.mark.usefixtures("frozen_agenda")
def test_today_empty_state(vancouver_client: Client) -> None:
    response = vancouver_client.get("/today/")
    assert response.status_code == 200
    assertContains(response, "Nothing due.")
    for heading in ("Interviews today", ">Overdue<", ">Due today<", "Next 7 days"):
        assertNotContains(response, heading)


def test_today_answers_without_a_frozen_clock(owner_client: Client, owner: User) -> None:
    TaskFactory(owner=owner, title="long-overdue", due_at=datetime(2020, 1, 1, tzinfo=UTC))
    response = owner_client.get("/today/")
    assertContains(response, "long-overdue")
    assertContains(response, ">Overdue<")


def test_today_never_shows_another_users_tasks_or_interviews(
    owner_client: Client, outsider: User
) -> None:
    TaskFactory(owner=outsider, title="their-task", due_at=datetime(2020, 1, 1, tzinfo=UTC))
    response = owner_client.get("/today/")
    assertNotContains(response, "their-task")
    assertContains(response, "Nothing due.")


def test_today_redirects_to_login_when_signed_out(client: Client, owner: User) -> None:
    response = client.get("/today/")
    assertRedirects(response, "/accounts/login/?next=/today/", fetch_redirect_response=False)


def test_home_leads_to_today(owner_client: Client) -> None:
    assertRedirects(owner_client.get("/"), "/today/")


@pytest.mark.usefixtures("frozen_agenda")
def test_today_queries_do_not_grow_with_the_number_of_tasks_and_interviews(
    vancouver_client: Client, vancouverite: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    def add(count: int) -> None:
        for i in range(count):
            interview = InterviewFactory(
                owner=vancouverite,
                stage=Stage.SCHEDULED,
                scheduled_start=local(2026, 1, 15, 13, 0) + timedelta(hours=i % 100),
            )
            TaskFactory(
                owner=vancouverite,
                interview=interview if i % 2 else None,
                person=None if i % 2 else interview.person,
                due_at=local(2026, 1, 13, 9, 0) + timedelta(hours=i % 200),
            )

    add(2)
    vancouver_client.get("/today/")
    with CaptureQueriesContext(connection) as queries:
        vancouver_client.get("/today/")
    add(198)
    with django_assert_num_queries(len(queries.captured_queries)):
        response = vancouver_client.get("/today/")
    plan = response.context["agenda"]
    for section in ("interviews_today", "upcoming_interviews", "overdue", "due_today"):
        assert getattr(plan, section), section
    assert plan.upcoming_tasks


# --- task create and edit ----------------------------------------------------------------------


def test_task_create_form_preselects_the_person_and_interview(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.get(
        "/tasks/new/", {"person": interview.person.pk, "interview": interview.pk}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert (form["person"].value(), form["interview"].value()) == (
        interview.person.pk,
        interview.pk,
    )


def test_task_create_saves_and_goes_to_today(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(
        "/tasks/new/", task_data(person=interview.person.pk, interview=interview.pk)
    )
    assertRedirects(response, "/today/")
    task = Task.objects.get()
    assert (task.owner, task.person, task.interview) == (owner, interview.person, interview)
    assert (task.title, task.kind, task.done) == ("Send Grace the article", "keep_posted", False)


def test_task_create_reads_the_due_time_in_the_users_time_zone(
    vancouver_client: Client,
) -> None:
    vancouver_client.post("/tasks/new/", task_data(due_at="2026-01-20T09:00"))
    assert Task.objects.get().due_at == datetime(2026, 1, 20, 17, 0, tzinfo=UTC)


def test_task_create_requires_a_title(owner_client: Client) -> None:
    response = owner_client.post("/tasks/new/", task_data(title=""))
    assert "This field is required." in field_errors(response, "title")
    assert not Task.objects.exists()


def test_task_create_cannot_point_at_another_users_person_or_interview(
    owner_client: Client, outsider: User
) -> None:
    theirs = InterviewFactory(owner=outsider)
    response = owner_client.post(
        "/tasks/new/", task_data(person=theirs.person.pk, interview=theirs.pk)
    )
    assert "Select a valid choice." in field_errors(response, "person")
    assert "Select a valid choice." in field_errors(response, "interview")
    assert not Task.objects.exists()


def test_task_create_form_offers_only_the_users_people(
    owner_client: Client, owner: User, outsider: User
) -> None:
    PersonFactory(owner=owner, name="My Contact")
    PersonFactory(owner=outsider, name="Their Contact")
    response = owner_client.get("/tasks/new/")
    assertContains(response, "My Contact")
    assertNotContains(response, "Their Contact")


def test_task_edit_saves_the_changes(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner, title="Old title")
    assert owner_client.get(f"/tasks/{task.pk}/edit/").status_code == 200
    response = owner_client.post(f"/tasks/{task.pk}/edit/", task_data(title="New title"))
    assertRedirects(response, "/today/")
    task.refresh_from_db()
    assert task.title == "New title"


def test_task_edit_marking_done_stamps_the_time(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    owner_client.post(f"/tasks/{task.pk}/edit/", task_data(done="on"))
    task.refresh_from_db()
    assert task.done
    assert task.done_at is not None


def test_outsider_gets_404_on_task_edit(outsider_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner, title="Old title")
    assert outsider_client.get(f"/tasks/{task.pk}/edit/").status_code == 404
    response = outsider_client.post(f"/tasks/{task.pk}/edit/", task_data(title="Hijacked"))
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.title == "Old title"


# --- toggle ------------------------------------------------------------------------------------


def test_task_toggle_marks_done_and_goes_back_to_next(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    person = PersonFactory(owner=owner)
    response = owner_client.post(
        f"/tasks/{task.pk}/toggle/", {"done": "on", "next": f"/people/{person.pk}/"}
    )
    assertRedirects(response, f"/people/{person.pk}/")
    task.refresh_from_db()
    assert task.done
    assert task.done_at is not None


def test_task_toggle_without_done_marks_it_open_again(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner, done=True, done_at=datetime(2026, 1, 1, tzinfo=UTC))
    response = owner_client.post(f"/tasks/{task.pk}/toggle/", {})
    assertRedirects(response, "/today/")
    task.refresh_from_db()
    assert (task.done, task.done_at) == (False, None)


def test_task_toggle_with_htmx_answers_the_task_item(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner, title="Thank Grace")
    response = owner_client.post(
        f"/tasks/{task.pk}/toggle/", {"done": "on"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith(f'<li id="task-{task.pk}">')
    assert "checked" in content
    assert "<s>Thank Grace</s>" in content
    assert "<html" not in content
    task.refresh_from_db()
    assert task.done


def test_task_toggle_with_htmx_can_reopen_a_task(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner, title="Thank Grace", done=True)
    response = owner_client.post(f"/tasks/{task.pk}/toggle/", {}, headers={"HX-Request": "true"})
    assertNotContains(response, "checked")
    task.refresh_from_db()
    assert not task.done


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/path", "http://evil.example"]
)
def test_task_toggle_refuses_an_off_site_next(
    owner_client: Client, owner: User, next_url: str
) -> None:
    task = TaskFactory(owner=owner)
    response = owner_client.post(f"/tasks/{task.pk}/toggle/", {"done": "on", "next": next_url})
    assertRedirects(response, "/today/")


def test_task_toggle_with_get_is_not_allowed(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    assert owner_client.get(f"/tasks/{task.pk}/toggle/").status_code == 405
    task.refresh_from_db()
    assert not task.done


def test_outsider_gets_404_on_task_toggle(outsider_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    response = outsider_client.post(f"/tasks/{task.pk}/toggle/", {"done": "on"})
    assert response.status_code == 404
    htmx = outsider_client.post(
        f"/tasks/{task.pk}/toggle/", {"done": "on"}, headers={"HX-Request": "true"}
    )
    assert htmx.status_code == 404
    task.refresh_from_db()
    assert not task.done


# --- delete ------------------------------------------------------------------------------------


def test_task_delete_deletes_it(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    response = owner_client.post(f"/tasks/{task.pk}/delete/")
    assertRedirects(response, "/today/")
    assert not Task.objects.filter(pk=task.pk).exists()


def test_task_delete_with_get_is_not_allowed(owner_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    assert owner_client.get(f"/tasks/{task.pk}/delete/").status_code == 405
    assert Task.objects.filter(pk=task.pk).exists()


def test_outsider_gets_404_on_task_delete(outsider_client: Client, owner: User) -> None:
    task = TaskFactory(owner=owner)
    assert outsider_client.post(f"/tasks/{task.pk}/delete/").status_code == 404
    assert Task.objects.filter(pk=task.pk).exists()


def test_htmx_toggle_keeps_the_pages_address_for_the_no_script_fallback(
    owner_client: Client, owner: User
) -> None:
    task = TaskFactory(owner=owner)
    response = owner_client.post(
        f"/tasks/{task.pk}/toggle/",
        {"done": "on", "next": "/people/"},
        headers={"HX-Request": "true"},
    )
    assert b'name="next" value="/people/"' in response.content
