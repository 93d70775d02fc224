"""The pages of what was learned: what they show, whose data, and how many queries they take."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coffeechat.debrief.models import Resource, ResourceKind, Skill, SkillStatus
from coffeechat.interviews.models import ActivityKind, Interview
from coffeechat.people.models import Organization
from tests.factories import (
    ActivityFactory,
    DebriefFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    PlanEntryFactory,
    QuestionFactory,
    ResourceFactory,
    SkillFactory,
)
from tests.insights.test_learned import conversation

PAGES = ["insights", "insights_compare", "resource_list", "skill_map"]


def page(name: str, organization: Organization | None = None) -> str:
    if name == "organization_learned":
        assert organization is not None
        return reverse(name, args=[organization.pk])
    return reverse(name)


@pytest.fixture
def acme(owner: User) -> Organization:
    return OrganizationFactory(
        owner=owner,
        name="Acme Research",
        industry="User research",
        research_notes="Acme runs studies for hospitals.",
    )


def full_conversation(owner: User, organization: Organization) -> Interview:
    """A debriefed conversation at the organization, with a resource, a skill and live notes."""
    debrief = conversation(
        owner,
        organization=organization,
        title="UX Researcher",
        insights="Synthesis matters more than tools.",
        memorable="Research is a team sport",
        likes="Watching people use the product",
        challenges="Getting time with busy users",
        entry_path="From teaching, through a bootcamp",
        next_step="read the book she recommended",
        fit_score=4,
    )
    interview = debrief.interview
    ResourceFactory(
        owner=owner,
        interview=interview,
        recommended_by=interview.person,
        title="Just Enough Research",
        url="https://example.org/jer",
    )
    SkillFactory(
        owner=owner, interview=interview, mentioned_by=interview.person, name="Survey design"
    )
    return interview


# --- everyone must sign in ----------------------------------------------------------------------


@pytest.mark.parametrize("name", [*PAGES, "insights_compare_csv"])
def test_a_visitor_is_asked_to_sign_in(client: Client, owner: User, name: str) -> None:
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_visitor_is_asked_to_sign_in_for_an_organization(
    client: Client, acme: Organization
) -> None:
    response = client.get(page("organization_learned", acme))
    assert response["Location"].startswith("/accounts/login/")


# --- /insights/ ----------------------------------------------------------------------------------


def test_insights_show_the_group_heading_and_each_debrief(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    interview = full_conversation(owner, acme)
    response = owner_client.get(reverse("insights"))
    assertContains(response, "What 1 person in User research told you")
    assertContains(
        response, f'<a href="/people/{interview.person.pk}/">{interview.person.name}</a>'
    )
    for text in (
        "Synthesis matters more than tools.",
        "“Research is a team sport”",
        "Watching people use the product",
        "Getting time with busy users",
        "From teaching, through a bootcamp",
        "read the book she recommended",
        "fit 4/5",
        "Just Enough Research",
        "Survey design",
    ):
        assertContains(response, text)


def test_insights_by_role_group_the_titles(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    full_conversation(owner, acme)
    response = owner_client.get(reverse("insights"), {"by": "role"})
    assertContains(response, "What 1 person working as UX Researcher told you")
    assertContains(response, '<a href="?by=role" aria-current="true">Role</a>', html=True)


def test_insights_by_organization_link_to_everything_learned_there(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    full_conversation(owner, acme)
    response = owner_client.get(reverse("insights"), {"by": "organization"})
    assertContains(response, "What 1 person at Acme Research told you")
    assertContains(response, f'href="/organizations/{acme.pk}/learned/"')


def test_insights_name_an_unknown_grouping(owner_client: Client, owner: User) -> None:
    conversation(owner, industry="Museums")
    response = owner_client.get(reverse("insights"), {"by": "salary"})
    assertContains(response, "Group by: choose one of field, role, organization; showing by field.")
    assertContains(response, "What 1 person in Museums told you")


def test_insights_with_an_empty_grouping_are_by_field_quietly(
    owner_client: Client, owner: User
) -> None:
    conversation(owner, industry="Museums")
    response = owner_client.get(reverse("insights"), {"by": ""})
    assertNotContains(response, "Group by: choose")
    assertContains(response, "What 1 person in Museums told you")


def test_insights_with_nothing_written_say_what_to_do(owner_client: Client, owner: User) -> None:
    InterviewFactory(owner=owner, stage="held")
    response = owner_client.get(reverse("insights"))
    assertContains(response, "Nothing gathered yet.")
    assertContains(response, "then fill its debrief")


def test_insights_never_show_another_users_debriefs(
    owner_client: Client, owner: User, outsider: User
) -> None:
    conversation(outsider, insights="Bob's private insight", industry="Secret industry")
    conversation(owner, insights="Alice's own insight")
    response = owner_client.get(reverse("insights"))
    assertContains(response, "Alice&#x27;s own insight")
    assertNotContains(response, "Bob&#x27;s private insight")
    assertNotContains(response, "Secret industry")


def test_insights_load_their_stylesheet(owner_client: Client) -> None:
    assertContains(owner_client.get(reverse("insights")), "insights/learned.css")


# --- /resources/ ---------------------------------------------------------------------------------


def test_the_library_lists_each_title_with_its_recommenders(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    interview = full_conversation(owner, acme)
    other = InterviewFactory(owner=owner)
    ResourceFactory(
        owner=owner, interview=other, recommended_by=other.person, title="just enough research"
    )
    response = owner_client.get(reverse("resource_list"))
    assertContains(response, '<a href="https://example.org/jer" rel="noopener noreferrer">')
    assertContains(response, "Recommended 2 times by")
    assertContains(response, f'<a href="/people/{interview.person.pk}/">')
    assertContains(response, f'<a href="/people/{other.person.pk}/">')
    assertContains(response, "Mark as read")


def test_the_library_filters_are_labelled(owner_client: Client, owner: User) -> None:
    ResourceFactory(owner=owner, title="A book")
    response = owner_client.get(reverse("resource_list"))
    assertContains(response, '<label for="filter-kind">Kind</label>', html=True)
    assertContains(response, '<label for="filter-todo">Not done yet</label>', html=True)


def test_the_library_names_an_unknown_kind(owner_client: Client, owner: User) -> None:
    ResourceFactory(owner=owner, title="A book")
    response = owner_client.get(reverse("resource_list"), {"kind": "scroll"})
    assertContains(response, "Kind: “scroll” is not a kind of resource; showing all.")
    assertContains(response, "A book")


def test_the_library_says_when_no_resource_matches(owner_client: Client, owner: User) -> None:
    ResourceFactory(owner=owner, title="A book", kind=ResourceKind.BOOK)
    response = owner_client.get(reverse("resource_list"), {"kind": "event"})
    assertContains(response, "No resource matches these filters.")


def test_an_empty_library_says_what_to_ask(owner_client: Client) -> None:
    response = owner_client.get(reverse("resource_list"))
    assertContains(response, "No resources yet.")
    assertContains(response, "Note them in the conversation's debrief")


def test_the_library_never_shows_another_users_resources(
    owner_client: Client, owner: User, outsider: User
) -> None:
    ResourceFactory(owner=outsider, title="Bob's hidden book")
    ResourceFactory(owner=owner, title="Alice's book")
    response = owner_client.get(reverse("resource_list"))
    assertContains(response, "Alice&#x27;s book")
    assertNotContains(response, "Bob&#x27;s hidden book")


# --- /skills/ ------------------------------------------------------------------------------------


def test_the_skills_map_draws_labelled_bars_by_status(owner_client: Client, owner: User) -> None:
    for name, status in (
        ("SQL", SkillStatus.TO_LEARN),
        ("sql", SkillStatus.TO_LEARN),
        ("Interviewing", SkillStatus.HAVE),
    ):
        SkillFactory(owner=owner, name=name, status=status)
    response = owner_client.get(reverse("skill_map"))
    assertContains(response, '<rect class="learned-bar-value" width="100"', count=1)
    assertContains(response, '<rect class="learned-bar-value" width="50"', count=1)
    assertContains(
        response,
        '<span class="learned-status-pill status-to_learn">Gap</span>',
        html=True,
    )
    assertContains(response, "2 skills, 3 mentions:")
    assertContains(response, 'Gap <span class="muted">1 skill, 2 mentions</span>')


def test_the_skills_map_has_a_text_alternative(owner_client: Client, owner: User) -> None:
    SkillFactory(owner=owner, name="SQL")
    response = owner_client.get(reverse("skill_map"))
    assertContains(
        response,
        '<tr><th scope="row">SQL</th><td>1</td><td>Gap</td></tr>',
        html=True,
    )


def test_every_status_form_has_a_label(owner_client: Client, owner: User) -> None:
    SkillFactory(owner=owner, name="SQL")
    SkillFactory(owner=owner, name="Figma", status=SkillStatus.LEARNING)
    response = owner_client.get(reverse("skill_map"))
    assertContains(response, '<label for="status-to_learn-1">Status of SQL</label>', html=True)
    assertContains(response, '<label for="status-learning-1">Status of Figma</label>', html=True)


def test_the_skills_map_names_an_unknown_field(owner_client: Client, owner: User) -> None:
    SkillFactory(owner=owner, name="SQL")
    response = owner_client.get(reverse("skill_map"), {"field": "astrology"})
    assertContains(response, "Field: no skills were heard in that field; showing all.")
    assertContains(response, "SQL")


def test_an_empty_skills_map_says_what_to_ask(owner_client: Client) -> None:
    response = owner_client.get(reverse("skill_map"))
    assertContains(response, "No skills on your map yet.")


def test_the_skills_map_never_shows_another_users_skills(
    owner_client: Client, owner: User, outsider: User
) -> None:
    SkillFactory(owner=outsider, name="Bobs secret skill")
    SkillFactory(owner=owner, name="Alices skill")
    response = owner_client.get(reverse("skill_map"))
    assertContains(response, "Alices skill")
    assertNotContains(response, "Bobs secret skill")


# --- /organizations/<id>/learned/ ----------------------------------------------------------------


def test_the_organization_page_gathers_everything_learned_there(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    interview = full_conversation(owner, acme)
    question = QuestionFactory(owner=owner, text="What changed at {organization} this year?")
    PlanEntryFactory(interview=interview, question=question, notes="A new hospital client")
    ActivityFactory(
        owner=owner, interview=interview, kind=ActivityKind.NOTE, text="Prefers mornings"
    )
    response = owner_client.get(page("organization_learned", acme))
    for text in (
        "Everything you learned about Acme Research",
        "Acme runs studies for hospitals.",
        interview.person.name,
        "UX Researcher",
        '<span class="pill stage-held">Held</span>',
        "Synthesis matters more than tools.",
        "From teaching, through a bootcamp",
        "What changed at Acme Research this year?",
        "A new hospital client",
        "Just Enough Research",
        "Survey design",
        "Prefers mornings",
    ):
        assertContains(response, text)


def test_the_organization_page_says_who_recommended_what(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    interview = full_conversation(owner, acme)
    response = owner_client.get(page("organization_learned", acme))
    assertContains(
        response,
        f'recommended once by <a href="/people/{interview.person.pk}/">{interview.person.name}</a>',
    )


def test_a_conversation_with_live_notes_only_invites_to_debrief(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    interview = InterviewFactory(owner=owner, person=PersonFactory(owner=owner, organization=acme))
    PlanEntryFactory(interview=interview, notes="Noted live")
    response = owner_client.get(page("organization_learned", acme))
    assertContains(response, "Noted live")
    assertContains(response, f'href="/interviews/{interview.pk}/debrief/"')
    assertContains(response, "No debrief written yet.")


def test_notes_from_other_kinds_of_activity_are_left_out(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    interview = full_conversation(owner, acme)
    ActivityFactory(
        owner=owner, interview=interview, kind=ActivityKind.REQUEST_SENT, text="Sent the ask"
    )
    response = owner_client.get(page("organization_learned", acme))
    assertNotContains(response, "Sent the ask")


def test_an_organization_with_nothing_learned_says_what_to_do(
    owner_client: Client, acme: Organization
) -> None:
    response = owner_client.get(page("organization_learned", acme))
    assertContains(response, "No conversation with someone here has notes yet.")
    assertContains(response, f'href="/people/new/?organization={acme.pk}"')


def test_another_users_organization_is_404(
    outsider_client: Client, owner: User, acme: Organization
) -> None:
    full_conversation(owner, acme)
    assert outsider_client.get(page("organization_learned", acme)).status_code == 404


def test_the_organization_page_leaves_out_other_organizations(
    owner_client: Client, owner: User, acme: Organization
) -> None:
    full_conversation(owner, acme)
    elsewhere = OrganizationFactory(owner=owner, name="Elsewhere")
    conversation(owner, organization=elsewhere, insights="Heard at Elsewhere")
    response = owner_client.get(page("organization_learned", acme))
    assertNotContains(response, "Heard at Elsewhere")


def test_the_organization_page_is_printable(owner_client: Client, acme: Organization) -> None:
    response = owner_client.get(page("organization_learned", acme))
    assertContains(response, "insights/learned.css")
    css = Path(str(finders.find("insights/learned.css"))).read_text()
    assert "@media print" in css


def test_the_organization_detail_links_to_what_was_learned(
    owner_client: Client, acme: Organization
) -> None:
    response = owner_client.get(reverse("organization", args=[acme.pk]))
    link = (
        f'<a href="/organizations/{acme.pk}/learned/">Everything you learned about {acme.name}</a>'
    )
    assertContains(response, link, html=True)


# --- queries do not grow with the data -----------------------------------------------------------


def count_queries(client: Client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries.captured_queries)


def add_many(owner: User, organization: Organization) -> None:
    """100 debriefed conversations at the organization, 300 resources, 300 skills, and notes."""
    titles = ["UX Researcher", "ux researcher", "Designer", "Product Manager"]
    people = [
        PersonFactory(owner=owner, organization=organization, title=titles[i % 4])
        for i in range(25)
    ]
    start = timezone.now() - timedelta(days=1)
    interviews = [
        InterviewFactory(owner=owner, person=people[i % 25], stage="held") for i in range(100)
    ]
    for i, interview in enumerate(interviews):
        DebriefFactory(
            interview=interview, started_at=start, likes=f"Like {i}", fit_score=i % 5 + 1
        )
        PlanEntryFactory(interview=interview, notes=f"Live note {i}")
        ActivityFactory(owner=owner, interview=interview, kind=ActivityKind.NOTE, text=f"Note {i}")
    Resource.objects.bulk_create(
        Resource(
            owner=owner,
            title=f"Book {i % 60}",
            kind=ResourceKind.BOOK,
            interview=interviews[i % 100],
            recommended_by=interviews[i % 100].person,
        )
        for i in range(300)
    )
    Skill.objects.bulk_create(
        Skill(
            owner=owner,
            name=f"Skill {i % 40}",
            status=SkillStatus.values[i % 3],
            interview=interviews[i % 100],
            mentioned_by=interviews[i % 100].person,
        )
        for i in range(300)
    )


@pytest.mark.parametrize("name", [*PAGES, "insights_compare_csv", "organization_learned"])
def test_the_page_queries_do_not_grow_with_the_data(
    owner_client: Client, owner: User, acme: Organization, name: str, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    interview = full_conversation(owner, acme)
    PlanEntryFactory(interview=interview, notes="Live")
    ActivityFactory(owner=owner, interview=interview, kind=ActivityKind.NOTE, text="A note")
    address = page(name, acme)
    owner_client.get(address)  # warm up: the first request checks that a user exists
    few = count_queries(owner_client, address)
    add_many(owner, acme)
    assert Resource.objects.filter(owner=owner).count() == 301
    with django_assert_max_num_queries(few):
        response = owner_client.get(address)
    assert response.status_code == 200
    assert few <= 10
