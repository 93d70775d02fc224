"""Web views of people and organizations: the owner sees and changes theirs, nobody else's."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.core.http import PAGE_SIZE
from coffeechat.interviews.models import PIPELINE, Stage
from coffeechat.people.models import Organization, Person, Relationship, Tag
from coffeechat.people.services import set_tags
from tests.factories import (
    ActivityFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    TaskFactory,
)


def field_errors(response, name: str) -> str:  # type: ignore[no-untyped-def]
    """The text of the error list rendered with the form field `name` ('' when none)."""
    match = re.search(
        rf'<ul class="errorlist" id="id_{name}_error">(.*?)</ul>', response.content.decode(), re.S
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1))) if match else ""


def person_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Ada Lovelace",
        "title": "Research Engineer",
        "organization": "",
        "location": "London",
        "time_zone": "Europe/London",
        "emails": "",
        "phones": "",
        "profile_url": "",
        "relationship": Relationship.ALUMNI,
        "relationship_context": "",
        "preferred_channel": "email",
        "hiring_power": "unknown",
        "what_they_do": "",
        "what_they_have_done": "",
        "tags": "",
    }
    data.update(overrides)
    return data


def names_listed(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [person.name for person in response.context["page"].object_list]


# --- person list -------------------------------------------------------------------------------


def test_person_list_shows_the_owners_people(owner_client: Client, owner: User) -> None:
    PersonFactory(owner=owner, name="Grace Hopper")
    response = owner_client.get("/people/")
    assert response.status_code == 200
    assertContains(response, "Grace Hopper")


def test_person_list_never_shows_another_users_people(
    owner_client: Client, owner: User, outsider: User
) -> None:
    PersonFactory(owner=owner, name="Grace Hopper")
    PersonFactory(owner=outsider, name="Secret Contact")
    response = owner_client.get("/people/")
    assert names_listed(response) == ["Grace Hopper"]
    assertNotContains(response, "Secret Contact")


def test_person_list_filter_menus_offer_only_the_owners_organizations_and_tags(
    owner_client: Client, owner: User, outsider: User
) -> None:
    mine = PersonFactory(owner=owner, organization__name="Mine Inc")
    set_tags(mine, ["my-tag"])
    theirs = PersonFactory(owner=outsider, organization__name="Theirs Ltd")
    set_tags(theirs, ["their-tag"])
    response = owner_client.get("/people/")
    assertContains(response, "Mine Inc")
    assertContains(response, "my-tag")
    assertNotContains(response, "Theirs Ltd")
    assertNotContains(response, "their-tag")


def test_person_list_redirects_to_login_when_signed_out(client: Client, owner: User) -> None:
    response = client.get("/people/")
    assertRedirects(response, "/accounts/login/?next=/people/", fetch_redirect_response=False)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("grace", ["Grace Hopper"]),
        ("compiler", ["Grace Hopper"]),
        ("navy", ["Grace Hopper"]),
        ("ANALYST", ["Ada Lovelace"]),
        ("grace compiler", ["Grace Hopper"]),
        ("grace analyst", []),
    ],
)
def test_person_list_search_matches_name_title_and_organization(
    owner_client: Client, owner: User, q: str, expected: list[str]
) -> None:
    PersonFactory(
        owner=owner, name="Grace Hopper", title="Compiler Lead", organization__name="US Navy"
    )
    PersonFactory(owner=owner, name="Ada Lovelace", title="Analyst", organization__name="Engines")
    response = owner_client.get("/people/", {"q": q})
    assert names_listed(response) == expected


def test_person_list_search_does_not_reach_another_users_people(
    owner_client: Client, outsider: User
) -> None:
    PersonFactory(owner=outsider, name="Grace Hopper")
    response = owner_client.get("/people/", {"q": "grace"})
    assert names_listed(response) == []


def test_person_list_filters_by_organization(owner_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    PersonFactory(owner=owner, name="At Acme", organization=acme)
    PersonFactory(owner=owner, name="Elsewhere")
    response = owner_client.get("/people/", {"organization": acme.pk})
    assert names_listed(response) == ["At Acme"]


def test_person_list_filter_by_another_users_organization_shows_nobody(
    owner_client: Client, owner: User, outsider: User
) -> None:
    theirs = OrganizationFactory(owner=outsider)
    PersonFactory(owner=outsider, organization=theirs)
    PersonFactory(owner=owner)
    response = owner_client.get("/people/", {"organization": theirs.pk})
    assert names_listed(response) == []


def test_person_list_filters_by_tag(owner_client: Client, owner: User) -> None:
    tagged = PersonFactory(owner=owner, name="Tagged")
    set_tags(tagged, ["design", "toronto"])
    PersonFactory(owner=owner, name="Untagged")
    response = owner_client.get("/people/", {"tag": "design"})
    assert names_listed(response) == ["Tagged"]


def test_person_list_filters_by_relationship(owner_client: Client, owner: User) -> None:
    PersonFactory(owner=owner, name="Friend", relationship=Relationship.FRIEND)
    PersonFactory(owner=owner, name="Stranger", relationship=Relationship.NEW_CONNECTION)
    response = owner_client.get("/people/", {"relationship": Relationship.FRIEND})
    assert names_listed(response) == ["Friend"]


def test_person_list_filters_by_the_stage_of_the_latest_interview(
    owner_client: Client, owner: User
) -> None:
    moved_on = PersonFactory(owner=owner, name="Moved On")
    old = InterviewFactory(owner=owner, person=moved_on, stage=Stage.HELD)
    InterviewFactory(owner=owner, person=moved_on, stage=Stage.IDEA)
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    held = PersonFactory(owner=owner, name="Held Recently")
    InterviewFactory(owner=owner, person=held, stage=Stage.HELD)

    assert names_listed(owner_client.get("/people/", {"stage": Stage.HELD})) == ["Held Recently"]
    assert names_listed(owner_client.get("/people/", {"stage": Stage.IDEA})) == ["Moved On"]


def test_person_list_paginates(owner_client: Client, owner: User) -> None:
    for i in range(PAGE_SIZE + 1):
        PersonFactory(owner=owner, name=f"Person {i:03d}")
    first = owner_client.get("/people/")
    second = owner_client.get("/people/", {"page": 2})
    assert len(names_listed(first)) == PAGE_SIZE
    assert names_listed(second) == [f"Person {PAGE_SIZE:03d}"]
    assertContains(first, "Page 1 of 2")
    assertContains(first, "page=2")


def test_person_list_pagination_keeps_the_filters(owner_client: Client, owner: User) -> None:
    for i in range(PAGE_SIZE + 1):
        PersonFactory(owner=owner, name=f"Person {i:03d}", relationship=Relationship.FRIEND)
    response = owner_client.get("/people/", {"relationship": Relationship.FRIEND})
    assertContains(response, "relationship=friend&amp;page=2")


def test_person_list_answers_the_rows_only_to_htmx(owner_client: Client, owner: User) -> None:
    PersonFactory(owner=owner, name="Grace Hopper")
    response = owner_client.get("/people/", {"q": "grace"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.templates[0].name == "people/_person_rows.html"
    assertContains(response, "Grace Hopper")
    assertNotContains(response, "<html")
    assertNotContains(response, 'role="search"')


def test_person_list_without_htmx_is_the_full_page(owner_client: Client, owner: User) -> None:
    response = owner_client.get("/people/")
    assertContains(response, "<html")
    assertContains(response, 'role="search"')


def test_person_list_empty_state_invites_adding_the_first_person(owner_client: Client) -> None:
    response = owner_client.get("/people/")
    assertContains(response, "No people yet.")
    assertContains(response, 'href="/people/new/"')


def test_person_list_empty_state_with_filters_offers_to_clear_them(
    owner_client: Client, owner: User
) -> None:
    PersonFactory(owner=owner, name="Grace Hopper")
    response = owner_client.get("/people/", {"q": "nobody-matches-this"})
    assertContains(response, "Nobody matches these filters.")
    assertNotContains(response, "No people yet.")


# --- person detail -----------------------------------------------------------------------------


def test_person_detail_shows_the_person(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner, name="Grace Hopper", title="Compiler Lead")
    response = owner_client.get(f"/people/{person.pk}/")
    assert response.status_code == 200
    assertContains(response, "Grace Hopper")
    assertContains(response, "Compiler Lead")


def test_outsider_gets_404_on_person_detail(outsider_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    assert outsider_client.get(f"/people/{person.pk}/").status_code == 404


def test_person_detail_of_a_missing_id_is_404(owner_client: Client) -> None:
    assert owner_client.get("/people/999999/").status_code == 404


def test_person_detail_timeline_is_newest_first(owner_client: Client, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    now = timezone.now()
    for days, text in [(3, "entry-three-days-ago"), (0, "entry-now"), (1, "entry-yesterday")]:
        ActivityFactory(owner=owner, interview=interview, at=now - timedelta(days=days), text=text)
    content = owner_client.get(f"/people/{interview.person.pk}/").content.decode()
    positions = [
        content.index(f"<div>{text}</div>")
        for text in ("entry-now", "entry-yesterday", "entry-three-days-ago")
    ]
    assert positions == sorted(positions)


def test_person_detail_shows_tags_and_interviews(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    set_tags(person, ["design", "toronto"])
    InterviewFactory(owner=owner, person=person, topic="How design reviews work")
    response = owner_client.get(f"/people/{person.pk}/")
    assertContains(response, "design")
    assertContains(response, "toronto")
    assertContains(response, "?tag=design")
    assertContains(response, "How design reviews work")


def test_person_detail_shows_open_tasks_about_them(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    TaskFactory(owner=owner, person=person, title="Send the article")
    TaskFactory(owner=owner, person=person, title="Already done", done=True)
    response = owner_client.get(f"/people/{person.pk}/")
    assertContains(response, "Send the article")
    assertNotContains(response, "Already done")


def test_person_detail_without_interviews_says_so(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner, name="Grace Hopper")
    response = owner_client.get(f"/people/{person.pk}/")
    assertContains(response, "No interview planned with Grace yet.")
    assertContains(response, "Nothing recorded yet.")


# --- person create -----------------------------------------------------------------------------


def test_person_create_form_shows(owner_client: Client) -> None:
    response = owner_client.get("/people/new/")
    assert response.status_code == 200
    assertContains(response, 'name="name"')


def test_person_create_saves_and_redirects_to_the_person(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/people/new/", person_data())
    person = Person.objects.get()
    assertRedirects(response, f"/people/{person.pk}/")
    assert person.owner == owner
    assert person.name == "Ada Lovelace"
    assert person.time_zone == "Europe/London"


def test_person_create_saves_tags(owner_client: Client, owner: User) -> None:
    owner_client.post("/people/new/", person_data(tags="design, toronto, design"))
    person = Person.objects.get()
    assert sorted(tag.name for tag in person.tags.all()) == ["design", "toronto"]
    assert set(Tag.objects.values_list("owner", flat=True)) == {owner.pk}


def test_person_create_reads_emails_one_per_line(owner_client: Client) -> None:
    emails = "ada@example.org\r\n\r\n  ada.lovelace@example.com  \n"
    owner_client.post("/people/new/", person_data(emails=emails))
    assert Person.objects.get().emails == ["ada@example.org", "ada.lovelace@example.com"]


def test_person_create_shows_a_bad_email_with_the_emails_field(owner_client: Client) -> None:
    response = owner_client.post(
        "/people/new/", person_data(emails="ada@example.org\nnot-an-email")
    )
    assert response.status_code == 200
    assert "not-an-email is not a valid email address." in field_errors(response, "emails")
    assert not Person.objects.exists()


def test_person_create_shows_a_bad_phone_with_the_phones_field(owner_client: Client) -> None:
    response = owner_client.post("/people/new/", person_data(phones="call me maybe"))
    assert "call me maybe is not a phone number" in field_errors(response, "phones")
    assert not Person.objects.exists()


def test_person_create_requires_a_name(owner_client: Client) -> None:
    response = owner_client.post("/people/new/", person_data(name=""))
    assert response.status_code == 200
    assert "This field is required." in field_errors(response, "name")
    assert not Person.objects.exists()


def test_person_create_rejects_an_unknown_time_zone_with_the_field(owner_client: Client) -> None:
    response = owner_client.post("/people/new/", person_data(time_zone="Mars/Olympus_Mons"))
    assert "Select a valid choice." in field_errors(response, "time_zone")
    assert not Person.objects.exists()


def test_person_create_cannot_choose_another_users_organization(
    owner_client: Client, outsider: User
) -> None:
    theirs = OrganizationFactory(owner=outsider, name="Theirs Ltd")
    response = owner_client.post("/people/new/", person_data(organization=theirs.pk))
    assert response.status_code == 200
    assert "Select a valid choice." in field_errors(response, "organization")
    assert not Person.objects.exists()


def test_person_create_form_offers_only_the_owners_organizations(
    owner_client: Client, owner: User, outsider: User
) -> None:
    OrganizationFactory(owner=owner, name="Mine Inc")
    OrganizationFactory(owner=outsider, name="Theirs Ltd")
    response = owner_client.get("/people/new/")
    assertContains(response, "Mine Inc")
    assertNotContains(response, "Theirs Ltd")


def test_person_create_with_the_owners_organization(owner_client: Client, owner: User) -> None:
    mine = OrganizationFactory(owner=owner)
    owner_client.post("/people/new/", person_data(organization=mine.pk))
    assert Person.objects.get().organization == mine


def test_person_create_preselects_the_organization_from_the_query(
    owner_client: Client, owner: User
) -> None:
    mine = OrganizationFactory(owner=owner)
    response = owner_client.get("/people/new/", {"organization": mine.pk})
    assert response.context["form"]["organization"].value() == mine.pk


# --- person edit -------------------------------------------------------------------------------


def test_person_edit_form_shows_the_current_values(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner, emails=["a@example.org", "b@example.org"])
    set_tags(person, ["design", "toronto"])
    response = owner_client.get(f"/people/{person.pk}/edit/")
    assert response.status_code == 200
    assertContains(response, "a@example.org\nb@example.org")
    assertContains(response, 'value="design, toronto"')


def test_person_edit_saves_the_changes(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner, name="Old Name")
    set_tags(person, ["old-tag"])
    response = owner_client.post(
        f"/people/{person.pk}/edit/", person_data(name="New Name", tags="new-tag")
    )
    assertRedirects(response, f"/people/{person.pk}/")
    person.refresh_from_db()
    assert person.name == "New Name"
    assert [tag.name for tag in person.tags.all()] == ["new-tag"]


def test_outsider_gets_404_on_person_edit(outsider_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner, name="Grace Hopper")
    assert outsider_client.get(f"/people/{person.pk}/edit/").status_code == 404
    response = outsider_client.post(f"/people/{person.pk}/edit/", person_data(name="Hijacked"))
    assert response.status_code == 404
    person.refresh_from_db()
    assert person.name == "Grace Hopper"


# --- person delete -----------------------------------------------------------------------------


def test_person_delete_get_asks_for_confirmation(owner_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner, name="Grace Hopper")
    response = owner_client.get(f"/people/{person.pk}/delete/")
    assert response.status_code == 200
    assertContains(response, "Delete Grace Hopper?")
    assert Person.objects.filter(pk=person.pk).exists()


def test_person_delete_post_deletes_them_and_their_interviews(
    owner_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    person = interview.person
    response = owner_client.post(f"/people/{person.pk}/delete/")
    assertRedirects(response, "/people/")
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not type(interview).objects.filter(pk=interview.pk).exists()


def test_outsider_gets_404_on_person_delete(outsider_client: Client, owner: User) -> None:
    person = PersonFactory(owner=owner)
    assert outsider_client.get(f"/people/{person.pk}/delete/").status_code == 404
    assert outsider_client.post(f"/people/{person.pk}/delete/").status_code == 404
    assert Person.objects.filter(pk=person.pk).exists()


# --- organizations -----------------------------------------------------------------------------


def test_organization_list_shows_the_owners_organizations_with_head_counts(
    owner_client: Client, owner: User
) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    PersonFactory.create_batch(3, owner=owner, organization=acme)
    response = owner_client.get("/organizations/")
    assert response.status_code == 200
    [row] = response.context["page"].object_list
    assert (row.name, row.people_count) == ("Acme", 3)
    assertContains(response, "Acme")


def test_organization_list_never_shows_another_users_organizations(
    owner_client: Client, owner: User, outsider: User
) -> None:
    OrganizationFactory(owner=owner, name="Mine Inc")
    OrganizationFactory(owner=outsider, name="Theirs Ltd")
    response = owner_client.get("/organizations/")
    assert [o.name for o in response.context["page"].object_list] == ["Mine Inc"]
    assertNotContains(response, "Theirs Ltd")


def test_organization_list_searches_name_industry_and_location(
    owner_client: Client, owner: User
) -> None:
    OrganizationFactory(owner=owner, name="Acme", industry="Robotics", location="Berlin")
    OrganizationFactory(owner=owner, name="Globex", industry="Energy", location="Springfield")
    for q in ("acme", "robot", "berlin"):
        response = owner_client.get("/organizations/", {"q": q})
        assert [o.name for o in response.context["page"].object_list] == ["Acme"]


def test_organization_list_empty_state(owner_client: Client) -> None:
    assertContains(owner_client.get("/organizations/"), "No organizations yet.")


def test_organization_list_empty_search_names_the_query(owner_client: Client, owner: User) -> None:
    OrganizationFactory(owner=owner, name="Acme")
    response = owner_client.get("/organizations/", {"q": "zzz"})
    assertContains(response, "No organization matches “zzz”.")


def test_organization_detail_shows_its_people_and_interviews(
    owner_client: Client, owner: User
) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    person = PersonFactory(owner=owner, name="Grace Hopper", organization=acme)
    InterviewFactory(owner=owner, person=person, topic="Life at Acme")
    PersonFactory(owner=owner, name="Somewhere Else")
    response = owner_client.get(f"/organizations/{acme.pk}/")
    assert response.status_code == 200
    assertContains(response, "Grace Hopper")
    assertContains(response, "Life at Acme")
    assertNotContains(response, "Somewhere Else")


def test_outsider_gets_404_on_organization_detail(outsider_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner)
    assert outsider_client.get(f"/organizations/{acme.pk}/").status_code == 404


def test_organization_create_saves_and_redirects(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/organizations/new/",
        {
            "name": "Acme",
            "website": "acme.example",
            "industry": "",
            "location": "",
            "research_notes": "",
        },
    )
    acme = Organization.objects.get()
    assertRedirects(response, f"/organizations/{acme.pk}/")
    assert acme.owner == owner
    assert acme.website == "https://acme.example"


def test_organization_create_requires_a_name(owner_client: Client) -> None:
    response = owner_client.post("/organizations/new/", {"name": ""})
    assert "This field is required." in field_errors(response, "name")
    assert not Organization.objects.exists()


def test_organization_edit_saves_the_changes(owner_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    assert owner_client.get(f"/organizations/{acme.pk}/edit/").status_code == 200
    response = owner_client.post(f"/organizations/{acme.pk}/edit/", {"name": "Acme Corp"})
    assertRedirects(response, f"/organizations/{acme.pk}/")
    acme.refresh_from_db()
    assert acme.name == "Acme Corp"


def test_outsider_gets_404_on_organization_edit(outsider_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    assert outsider_client.get(f"/organizations/{acme.pk}/edit/").status_code == 404
    assert outsider_client.post(f"/organizations/{acme.pk}/edit/", {"name": "X"}).status_code == 404
    acme.refresh_from_db()
    assert acme.name == "Acme"


def test_organization_delete_get_asks_for_confirmation(owner_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    response = owner_client.get(f"/organizations/{acme.pk}/delete/")
    assertContains(response, "Delete Acme?")
    assert Organization.objects.filter(pk=acme.pk).exists()


def test_organization_delete_post_keeps_its_people(owner_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner)
    person = PersonFactory(owner=owner, organization=acme)
    response = owner_client.post(f"/organizations/{acme.pk}/delete/")
    assertRedirects(response, "/organizations/")
    assert not Organization.objects.filter(pk=acme.pk).exists()
    person.refresh_from_db()
    assert person.organization is None


def test_outsider_gets_404_on_organization_delete(outsider_client: Client, owner: User) -> None:
    acme = OrganizationFactory(owner=owner)
    assert outsider_client.get(f"/organizations/{acme.pk}/delete/").status_code == 404
    assert outsider_client.post(f"/organizations/{acme.pk}/delete/").status_code == 404
    assert Organization.objects.filter(pk=acme.pk).exists()


# --- CSRF --------------------------------------------------------------------------------------


def test_person_create_without_a_csrf_token_is_refused(owner: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.post("/people/new/", person_data())
    assert response.status_code == 403
    assert not Person.objects.exists()


def test_person_create_with_the_csrf_token_is_accepted(owner: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    client.get("/people/new/")
    token = client.cookies["csrftoken"].value
    response = client.post("/people/new/", person_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert Person.objects.count() == 1


# --- query counts ------------------------------------------------------------------------------


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def add_people(owner: User, count: int) -> None:
    organizations = OrganizationFactory.create_batch(3, owner=owner)
    for i in range(count):
        person = PersonFactory(owner=owner, organization=organizations[i % 3])
        set_tags(person, ["design", f"group-{i % 4}"])
        InterviewFactory(owner=owner, person=person, stage=PIPELINE[i % len(PIPELINE)])
        TaskFactory(owner=owner, person=person)


def test_person_list_queries_do_not_grow_with_the_number_of_people(
    owner_client: Client, owner: User, django_assert_num_queries, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    add_people(owner, 2)
    owner_client.get("/people/")  # warm up the session
    with django_assert_max_num_queries(20):
        few = count_queries(owner_client, "/people/")
    add_people(owner, 198)
    with django_assert_num_queries(few):
        response = owner_client.get("/people/")
    assert len(response.context["page"].object_list) == PAGE_SIZE


def test_person_list_filtered_queries_do_not_grow_with_the_number_of_people(
    owner_client: Client, owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    add_people(owner, 2)
    url = "/people/?tag=design&q=person"
    owner_client.get(url)
    few = count_queries(owner_client, url)
    add_people(owner, 198)
    with django_assert_num_queries(few):
        owner_client.get(url)


def test_organization_list_queries_do_not_grow_with_the_number_of_organizations(
    owner_client: Client, owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    add_people(owner, 2)
    owner_client.get("/organizations/")
    few = count_queries(owner_client, "/organizations/")
    for _ in range(66):
        add_people(owner, 3)
    assert Organization.objects.filter(owner=owner).count() == 201
    with django_assert_num_queries(few):
        owner_client.get("/organizations/")
