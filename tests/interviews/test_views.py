"""Web views of interviews: the board, moving cards, scheduling in the right zone, the timeline."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.interviews.models import EXITS, PIPELINE, Activity, ActivityKind, Interview, Stage
from tests.factories import InterviewFactory, PersonFactory, TaskFactory
from tests.interviews.cases import STAGE_ACTIVITY

DESIGN_ORDER = [
    "idea",
    "researching",
    "requested",
    "scheduled",
    "held",
    "thanked",
    "closed",
    "declined",
    "no_response",
    "cancelled",
]


def field_errors(response, name: str) -> str:  # type: ignore[no-untyped-def]
    match = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))) if match else ""


def board_columns(response) -> dict[str, list[int]]:  # type: ignore[no-untyped-def]
    """Column stage → the interview ids of the cards in it, in page order."""
    content = response.content.decode()
    chunks = re.split(r'<section class="column" data-stage="', content)[1:]
    return {
        chunk.split('"', 1)[0]: [int(pk) for pk in re.findall(r'id="card-(\d+)"', chunk)]
        for chunk in chunks
    }


def interview_data(person, **overrides: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "person": person.pk,
        "topic": "How product research works",
        "stage": Stage.SCHEDULED,
        "duration_minutes": 20,
        "scheduled_local": "",
        "time_zone": "",
        "mode": "video",
        "location": "",
        "video_url": "",
        "outcome_notes": "",
    }
    data.update(overrides)
    return data


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


# --- board -------------------------------------------------------------------------------------


def test_board_has_one_column_per_stage_in_design_order(owner_client: Client) -> None:
    response = owner_client.get("/interviews/")
    assert response.status_code == 200
    assert list(board_columns(response)) == DESIGN_ORDER
    assert [s.value for s in (*PIPELINE, *EXITS)] == DESIGN_ORDER


def test_board_puts_each_card_in_its_stage_column(owner_client: Client, owner: User) -> None:
    idea = InterviewFactory(owner=owner, stage=Stage.IDEA)
    held = InterviewFactory(owner=owner, stage=Stage.HELD)
    declined = InterviewFactory(owner=owner, stage=Stage.DECLINED)
    columns = board_columns(owner_client.get("/interviews/"))
    assert columns["idea"] == [idea.pk]
    assert columns["held"] == [held.pk]
    assert columns["declined"] == [declined.pk]
    assert sum(len(cards) for cards in columns.values()) == 3


def test_board_never_shows_another_users_interviews(
    owner_client: Client, owner: User, outsider: User
) -> None:
    mine = InterviewFactory(owner=owner, person__name="My Contact")
    InterviewFactory(owner=outsider, person__name="Their Contact")
    response = owner_client.get("/interviews/")
    assert [pk for cards in board_columns(response).values() for pk in cards] == [mine.pk]
    assertNotContains(response, "Their Contact")


def test_board_empty_state_invites_planning_one(owner_client: Client) -> None:
    assertContains(owner_client.get("/interviews/"), "Your pipeline is empty.")


def test_board_redirects_to_login_when_signed_out(client: Client, owner: User) -> None:
    response = client.get("/interviews/")
    assertRedirects(response, "/accounts/login/?next=/interviews/", fetch_redirect_response=False)


# --- moving a card -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "kind"),
    STAGE_ACTIVITY,
)
def test_moving_a_card_changes_the_stage_and_records_the_matching_activity(
    owner_client: Client, owner: User, stage: str, kind: str
) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    response = owner_client.post(f"/interviews/{interview.pk}/move/", {"stage": stage})
    assertRedirects(response, f"/interviews/{interview.pk}/")
    interview.refresh_from_db()
    assert interview.stage == stage
    [activity] = Activity.objects.filter(interview=interview)
    assert activity.kind == kind
    assert activity.owner == owner
    assert activity.person == interview.person


def test_moving_a_card_to_idea_records_a_stage_change(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.RESEARCHING)
    owner_client.post(f"/interviews/{interview.pk}/move/", {"stage": Stage.IDEA})
    [activity] = Activity.objects.filter(interview=interview)
    assert activity.kind == ActivityKind.STAGE_CHANGED
    assert activity.text == "Researching → Idea"


def test_moving_a_card_with_htmx_answers_the_board_with_a_status(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA, person__name="Grace Hopper")
    response = owner_client.post(
        f"/interviews/{interview.pk}/move/",
        {"stage": Stage.HELD, "next": "/interviews/"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert board_columns(response)["held"] == [interview.pk]
    assertContains(response, "Grace Hopper moved to Held.")
    interview.refresh_from_db()
    assert interview.stage == Stage.HELD
    assert Activity.objects.get(interview=interview).kind == ActivityKind.HELD


def test_moving_a_card_goes_back_to_the_next_page(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(
        f"/interviews/{interview.pk}/move/", {"stage": Stage.HELD, "next": "/interviews/"}
    )
    assertRedirects(response, "/interviews/")


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/"])
def test_moving_a_card_refuses_an_off_site_next(
    owner_client: Client, owner: User, next_url: str
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(
        f"/interviews/{interview.pk}/move/", {"stage": Stage.HELD, "next": next_url}
    )
    assertRedirects(response, f"/interviews/{interview.pk}/")


def test_moving_a_card_to_the_same_stage_records_nothing(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.HELD)
    owner_client.post(f"/interviews/{interview.pk}/move/", {"stage": Stage.HELD})
    assert not Activity.objects.exists()


def test_moving_a_card_to_an_unknown_stage_is_400_and_changes_nothing(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    response = owner_client.post(f"/interviews/{interview.pk}/move/", {"stage": "hired"})
    assert response.status_code == 400
    interview.refresh_from_db()
    assert interview.stage == Stage.IDEA
    assert not Activity.objects.exists()


def test_moving_a_card_with_get_is_not_allowed(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    assert owner_client.get(f"/interviews/{interview.pk}/move/?stage=held").status_code == 405
    interview.refresh_from_db()
    assert interview.stage == Stage.IDEA


def test_outsider_gets_404_moving_the_owners_card(outsider_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.IDEA)
    response = outsider_client.post(f"/interviews/{interview.pk}/move/", {"stage": Stage.HELD})
    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.stage == Stage.IDEA
    assert not Activity.objects.exists()


# --- detail ------------------------------------------------------------------------------------


def test_interview_detail_shows_the_interview_and_its_timeline(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner, topic="How research works", person__name="Grace")
    owner_client.post(f"/interviews/{interview.pk}/move/", {"stage": Stage.REQUESTED})
    TaskFactory(owner=owner, interview=interview, title="Nudge Grace")
    response = owner_client.get(f"/interviews/{interview.pk}/")
    assert response.status_code == 200
    assertContains(response, "How research works")
    assertContains(response, "Grace")
    assertContains(response, "Request sent")
    assertContains(response, "Nudge Grace")


def test_interview_detail_shows_the_scheduled_start_in_the_users_time_zone(
    owner: User,
) -> None:
    owner.profile.time_zone = "Europe/Paris"
    owner.profile.save()
    client = Client()
    client.force_login(owner)
    interview = InterviewFactory(
        owner=owner, stage=Stage.SCHEDULED, scheduled_start=utc(2026, 7, 1, 8, 0)
    )
    response = client.get(f"/interviews/{interview.pk}/")
    assertContains(response, "Wednesday 1 July 2026, 10:00")


def test_outsider_gets_404_on_interview_detail(outsider_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    assert outsider_client.get(f"/interviews/{interview.pk}/").status_code == 404


# --- create and edit ---------------------------------------------------------------------------


def test_interview_create_form_preselects_the_person(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    response = owner_client.get("/interviews/new/", {"person": person.pk})
    assert response.status_code == 200
    assert response.context["form"]["person"].value() == person.pk


def test_interview_create_saves_and_redirects(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    response = owner_client.post("/interviews/new/", interview_data(person))
    interview = Interview.objects.get()
    assertRedirects(response, f"/interviews/{interview.pk}/")
    assert (interview.owner, interview.person, interview.scheduled_start) == (owner, person, None)


@pytest.mark.parametrize(
    ("typed", "zone", "stored"),
    [
        # Toronto moves to daylight time at 02:00 on Sunday 8 March 2026: 10:00 is EDT (UTC−4).
        ("2026-03-08T10:00", "America/Toronto", utc(2026, 3, 8, 14, 0)),
        # The day before it is still EST (UTC−5).
        ("2026-03-07T10:00", "America/Toronto", utc(2026, 3, 7, 15, 0)),
        # Back to EST on Sunday 1 November 2026.
        ("2026-11-01T10:00", "America/Toronto", utc(2026, 11, 1, 15, 0)),
        ("2026-07-01T09:30", "Asia/Kolkata", utc(2026, 7, 1, 4, 0)),
    ],
)
def test_interview_create_reads_the_start_in_the_interviews_time_zone(
    owner_client: Client, owner: User, typed: str, zone: str, stored: datetime
) -> None:
    person = PersonFactory(owner=owner)
    owner_client.post(
        "/interviews/new/", interview_data(person, scheduled_local=typed, time_zone=zone)
    )
    interview = Interview.objects.get()
    assert interview.scheduled_start == stored
    assert interview.time_zone == zone


def test_interview_create_without_a_time_zone_reads_the_start_in_the_users_time_zone(
    owner: User,
) -> None:
    owner.profile.time_zone = "Europe/Paris"
    owner.profile.save()
    client = Client()
    client.force_login(owner)
    person = PersonFactory(owner=owner)
    client.post("/interviews/new/", interview_data(person, scheduled_local="2026-07-01T10:00"))
    assert Interview.objects.get().scheduled_start == utc(2026, 7, 1, 8, 0)


def test_interview_create_accepts_a_start_that_only_the_users_time_zone_skips(
    owner: User,
) -> None:
    # 01:30 on 29 March 2026 does not exist in London (clocks jump from 01:00 to 02:00), but it is
    # an ordinary time in Toronto, where the interview happens.
    owner.profile.time_zone = "Europe/London"
    owner.profile.save()
    client = Client()
    client.force_login(owner)
    person = PersonFactory(owner=owner)
    response = client.post(
        "/interviews/new/",
        interview_data(person, scheduled_local="2026-03-29T01:30", time_zone="America/Toronto"),
    )
    assert response.status_code == 302, field_errors(response, "scheduled_local")
    assert Interview.objects.get().scheduled_start == utc(2026, 3, 29, 5, 30)


def test_interview_create_refuses_a_start_the_interviews_time_zone_skips(
    owner_client: Client, owner: User
) -> None:
    # Toronto's clocks jump from 02:00 to 03:00 on 8 March 2026: 02:30 never happens there.
    person = PersonFactory(owner=owner)
    response = owner_client.post(
        "/interviews/new/",
        interview_data(person, scheduled_local="2026-03-08T02:30", time_zone="America/Toronto"),
    )
    assert response.status_code == 200
    assert "does not exist in America/Toronto" in field_errors(response, "scheduled_local")
    assert not Interview.objects.exists()


def test_interview_edit_form_shows_the_start_as_the_same_wall_clock_time(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner)
    owner_client.post(
        "/interviews/new/",
        interview_data(person, scheduled_local="2026-03-08T10:00", time_zone="America/Toronto"),
    )
    interview = Interview.objects.get()
    response = owner_client.get(f"/interviews/{interview.pk}/edit/")
    assert response.status_code == 200
    assertContains(response, 'value="2026-03-08T10:00"')


def test_interview_edit_keeps_the_start_when_saved_unchanged(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner)
    data = interview_data(person, scheduled_local="2026-03-08T10:00", time_zone="America/Toronto")
    owner_client.post("/interviews/new/", data)
    interview = Interview.objects.get()
    response = owner_client.post(f"/interviews/{interview.pk}/edit/", {**data, "topic": "New goal"})
    assertRedirects(response, f"/interviews/{interview.pk}/")
    interview.refresh_from_db()
    assert interview.topic == "New goal"
    assert interview.scheduled_start == utc(2026, 3, 8, 14, 0)


def test_interview_edit_clearing_the_start_unschedules_it(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner, scheduled_start=utc(2026, 3, 8, 14, 0))
    owner_client.post(f"/interviews/{interview.pk}/edit/", interview_data(interview.person))
    interview.refresh_from_db()
    assert interview.scheduled_start is None


@pytest.mark.parametrize(
    ("minutes", "message"),
    [
        (4, "Ensure this value is greater than or equal to 5."),
        (181, "Ensure this value is less than or equal to 180."),
    ],
)
def test_interview_duration_outside_5_to_180_minutes_is_rejected_with_the_field(
    owner_client: Client, owner: User, minutes: int, message: str
) -> None:
    person = PersonFactory(owner=owner)
    response = owner_client.post(
        "/interviews/new/", interview_data(person, duration_minutes=minutes)
    )
    assert response.status_code == 200
    assert message in field_errors(response, "duration_minutes")
    assert not Interview.objects.exists()


@pytest.mark.parametrize("minutes", [5, 180])
def test_interview_duration_bounds_are_accepted(
    owner_client: Client, owner: User, minutes: int
) -> None:
    person = PersonFactory(owner=owner)
    owner_client.post("/interviews/new/", interview_data(person, duration_minutes=minutes))
    assert Interview.objects.get().duration_minutes == minutes


def test_interview_create_cannot_choose_another_users_person(
    owner_client: Client, outsider: User
) -> None:
    theirs = PersonFactory(owner=outsider)
    response = owner_client.post("/interviews/new/", interview_data(theirs))
    assert "Select a valid choice." in field_errors(response, "person")
    assert not Interview.objects.exists()


def test_interview_edit_saves_the_changes(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="Old goal")
    assert owner_client.get(f"/interviews/{interview.pk}/edit/").status_code == 200
    response = owner_client.post(
        f"/interviews/{interview.pk}/edit/", interview_data(interview.person, topic="New goal")
    )
    assertRedirects(response, f"/interviews/{interview.pk}/")
    interview.refresh_from_db()
    assert interview.topic == "New goal"


def test_outsider_gets_404_on_interview_edit(outsider_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="Old goal")
    assert outsider_client.get(f"/interviews/{interview.pk}/edit/").status_code == 404
    response = outsider_client.post(
        f"/interviews/{interview.pk}/edit/", interview_data(interview.person, topic="Hijacked")
    )
    assert response.status_code == 404
    interview.refresh_from_db()
    assert interview.topic == "Old goal"


# --- delete ------------------------------------------------------------------------------------


def test_interview_delete_get_asks_for_confirmation(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.get(f"/interviews/{interview.pk}/delete/")
    assert response.status_code == 200
    assertContains(response, "This cannot be undone.")
    assert Interview.objects.filter(pk=interview.pk).exists()


def test_interview_delete_post_deletes_it_but_not_the_person(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(f"/interviews/{interview.pk}/delete/")
    assertRedirects(response, "/interviews/")
    assert not Interview.objects.filter(pk=interview.pk).exists()
    assert type(interview.person).objects.filter(pk=interview.person.pk).exists()


def test_outsider_gets_404_on_interview_delete(outsider_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    assert outsider_client.get(f"/interviews/{interview.pk}/delete/").status_code == 404
    assert outsider_client.post(f"/interviews/{interview.pk}/delete/").status_code == 404
    assert Interview.objects.filter(pk=interview.pk).exists()


# --- adding an activity by hand ----------------------------------------------------------------


def activity_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": ActivityKind.REPLY_RECEIVED,
        "at": "2026-03-02T09:15",
        "text": "Said yes to Thursday",
        "person": "",
        "interview": "",
    }
    data.update(overrides)
    return data


def test_activity_create_on_the_owners_person(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    response = owner_client.post("/activities/new/", activity_data(person=person.pk))
    assertRedirects(response, f"/people/{person.pk}/")
    activity = Activity.objects.get()
    assert (activity.owner, activity.person, activity.interview) == (owner, person, None)
    assert activity.kind == ActivityKind.REPLY_RECEIVED
    assert activity.text == "Said yes to Thursday"
    assert activity.at == utc(2026, 3, 2, 9, 15)


def test_activity_create_on_the_owners_interview(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(
        "/activities/new/", activity_data(person=interview.person.pk, interview=interview.pk)
    )
    assertRedirects(response, f"/interviews/{interview.pk}/")
    activity = Activity.objects.get()
    assert (activity.interview, activity.person) == (interview, interview.person)


def test_activity_create_on_an_interview_alone_fills_in_its_person(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    owner_client.post("/activities/new/", activity_data(interview=interview.pk))
    assert Activity.objects.get().person == interview.person


def test_activity_create_reads_the_time_in_the_users_time_zone(owner: User) -> None:
    owner.profile.time_zone = "America/Toronto"
    owner.profile.save()
    client = Client()
    client.force_login(owner)
    person = PersonFactory(owner=owner)
    client.post("/activities/new/", activity_data(person=person.pk, at="2026-03-02T09:15"))
    assert Activity.objects.get().at == utc(2026, 3, 2, 14, 15)


def test_activity_create_shows_up_in_the_persons_timeline(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner)
    response = owner_client.post("/activities/new/", activity_data(person=person.pk), follow=True)
    assertContains(response, "Added to the timeline.")
    assertContains(response, "Said yes to Thursday")


def test_outsider_cannot_attach_an_activity_to_the_owners_person(
    outsider_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner)
    response = outsider_client.post("/activities/new/", activity_data(person=person.pk))
    assert response.status_code == 302
    assert response.url != f"/people/{person.pk}/"  # type: ignore[attr-defined]
    assert not Activity.objects.exists()


def test_outsider_cannot_attach_an_activity_to_the_owners_interview(
    outsider_client: Client, outsider: User, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    own_person = PersonFactory(owner=outsider)
    response = outsider_client.post(
        "/activities/new/", activity_data(person=own_person.pk, interview=interview.pk), follow=True
    )
    assertContains(response, "Select a valid choice.")
    assert not Activity.objects.exists()


def test_activity_create_with_an_unknown_kind_saves_nothing(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner)
    owner_client.post("/activities/new/", activity_data(person=person.pk, kind="telepathy"))
    assert not Activity.objects.exists()


def test_activity_create_cannot_forge_a_stage_change(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    owner_client.post(
        "/activities/new/", activity_data(person=person.pk, kind=ActivityKind.STAGE_CHANGED)
    )
    assert not Activity.objects.exists()


def test_activity_create_with_get_is_not_allowed(owner_client: Client) -> None:
    assert owner_client.get("/activities/new/").status_code == 405


# --- query counts ------------------------------------------------------------------------------


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def add_interviews(owner: User, count: int) -> None:
    stages = (*PIPELINE, *EXITS)
    for i in range(count):
        InterviewFactory(
            owner=owner,
            stage=stages[i % len(stages)],
            scheduled_start=timezone.now() + timedelta(days=i % 9),
        )


def test_board_queries_do_not_grow_with_the_number_of_interviews(
    owner_client: Client, owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    add_interviews(owner, 2)
    owner_client.get("/interviews/")
    few = count_queries(owner_client, "/interviews/")
    add_interviews(owner, 198)
    with django_assert_num_queries(few):
        response = owner_client.get("/interviews/")
    assert sum(len(cards) for cards in board_columns(response).values()) == 200


def test_board_shows_the_25_most_recently_moved_cards_and_counts_the_rest(
    owner_client: Client, owner: User
) -> None:
    person = PersonFactory(owner=owner)
    InterviewFactory.create_batch(27, owner=owner, person=person, stage=Stage.IDEA)
    response = owner_client.get("/interviews/")
    idea = next(c for c in response.context["columns"] if c.stage == Stage.IDEA)
    assert (len(idea.cards), idea.count) == (25, 27)
    assert b"and 2 more, moved earlier" in response.content
