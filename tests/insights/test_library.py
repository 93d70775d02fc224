"""The resources library (P22) and the skills map (P27): grouping, ticking off, statuses."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coffeechat.debrief.models import Resource, ResourceKind, Skill, SkillStatus
from coffeechat.insights.library import (
    UNSPECIFIED_FIELD_KEY,
    resource_anchor,
    resource_library,
    set_resource_done,
    set_skill_status,
    skills_map,
)
from tests.factories import (
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    ResourceFactory,
    SkillFactory,
)

HTMX = {"HX-Request": "true"}


def recommended(owner: User, title: str, **fields: object) -> Resource:
    """A resource recommended in a conversation with a new person."""
    interview = InterviewFactory(owner=owner)
    return ResourceFactory(
        owner=owner, title=title, interview=interview, recommended_by=interview.person, **fields
    )


def heard(owner: User, name: str, industry: str = "Software", **fields: object) -> Skill:
    """A skill mentioned in a conversation with someone at an organization of ``industry``."""
    organization = OrganizationFactory(owner=owner, industry=industry)
    interview = InterviewFactory(
        owner=owner, person=PersonFactory(owner=owner, organization=organization)
    )
    return SkillFactory(
        owner=owner, name=name, interview=interview, mentioned_by=interview.person, **fields
    )


# --- the library ---------------------------------------------------------------------------------


def test_the_same_title_spelled_differently_is_one_entry(owner: User) -> None:
    first = recommended(owner, "Just Enough Research")
    second = recommended(owner, "just  enough  research")
    third = recommended(owner, "Just Enough Research ")
    (entry,) = resource_library(owner)
    assert (entry.title, entry.count) == ("Just Enough Research", 3)
    people = [first.recommended_by, second.recommended_by, third.recommended_by]
    assert entry.people == sorted(people, key=lambda p: p.name)


def test_entries_come_most_recommended_first(owner: User) -> None:
    recommended(owner, "Alpha")
    recommended(owner, "Beta")
    recommended(owner, "beta")
    assert [(e.title, e.count) for e in resource_library(owner)] == [("Beta", 2), ("Alpha", 1)]


def test_an_entry_takes_the_most_common_kind_and_the_link_given(owner: User) -> None:
    recommended(owner, "UXPA", kind=ResourceKind.ASSOCIATION)
    recommended(owner, "uxpa", kind=ResourceKind.ASSOCIATION, url="https://uxpa.example")
    recommended(owner, "UXPA", kind=ResourceKind.WEBSITE)
    (entry,) = resource_library(owner)
    assert (entry.kind_label, entry.url, entry.done_word) == (
        "Professional association",
        "https://uxpa.example",
        "joined",
    )


def test_the_kind_filter_keeps_that_kind(owner: User) -> None:
    recommended(owner, "A book", kind=ResourceKind.BOOK)
    recommended(owner, "An event", kind=ResourceKind.EVENT)
    assert [e.title for e in resource_library(owner, kind="event")] == ["An event"]


def test_the_not_done_filter_hides_what_is_read(owner: User) -> None:
    recommended(owner, "Read already", done=True)
    recommended(owner, "Still to read")
    assert [e.title for e in resource_library(owner, not_done_only=True)] == ["Still to read"]


def test_an_entry_partly_done_is_not_done(owner: User) -> None:
    recommended(owner, "Half", done=True)
    recommended(owner, "half")
    (entry,) = resource_library(owner, not_done_only=True)
    assert entry.done is False
    assert Resource.objects.get(pk=entry.representative).done is False


def test_another_users_resources_are_not_in_the_library(owner: User, outsider: User) -> None:
    recommended(outsider, "Just Enough Research")
    recommended(owner, "just enough research")
    (entry,) = resource_library(owner)
    assert entry.count == 1


# --- marking as done -----------------------------------------------------------------------------


def test_marking_done_ticks_every_recommendation_of_the_title(owner: User, outsider: User) -> None:
    first = recommended(owner, "Just Enough Research")
    recommended(owner, "JUST ENOUGH   research")
    other = recommended(owner, "Another book")
    theirs = recommended(outsider, "Just Enough Research")
    assert set_resource_done(first) is True
    assert list(Resource.objects.filter(owner=owner).values_list("title", "done")) == [
        ("Another book", False),
        ("JUST ENOUGH   research", True),
        ("Just Enough Research", True),
    ]
    other.refresh_from_db()
    theirs.refresh_from_db()
    assert (other.done, theirs.done) == (False, False)


def test_marking_again_toggles_back(owner: User) -> None:
    first = recommended(owner, "Book", done=True)
    recommended(owner, "book", done=True)
    assert set_resource_done(first) is False
    assert not Resource.objects.filter(owner=owner, done=True).exists()


def test_saying_done_twice_keeps_it_done(owner: User) -> None:
    resource = recommended(owner, "Book")
    set_resource_done(resource, done=True)
    resource.refresh_from_db()
    assert set_resource_done(resource, done=True) is True
    assert Resource.objects.get(pk=resource.pk).done is True


def test_the_done_form_works_without_javascript(owner_client: Client, owner: User) -> None:
    resource = recommended(owner, "Book")
    response = owner_client.post(
        reverse("resource_done", args=[resource.pk]), {"done": "1", "kind": "book", "todo": "1"}
    )
    assertRedirects(
        response,
        f"{reverse('resource_list')}?kind=book&todo=1#{resource_anchor('book')}",
        fetch_redirect_response=False,
    )
    assert Resource.objects.get(pk=resource.pk).done is True


def test_the_done_form_by_htmx_answers_the_entry_alone(owner_client: Client, owner: User) -> None:
    resource = recommended(owner, "Book")
    recommended(owner, "BOOK")
    response = owner_client.post(
        reverse("resource_done", args=[resource.pk]), {"done": "1"}, headers=HTMX
    )
    assert next(t.name for t in response.templates) == "insights/_learned_resource.html"
    assertContains(response, "“Book” is marked done.")
    assertContains(response, "Recommended 2 times")
    assertContains(response, "Not read yet")
    assertContains(response, f'<li id="{resource_anchor("book")}"')


def test_a_done_value_other_than_1_or_0_is_refused_by_name(
    owner_client: Client, owner: User
) -> None:
    resource = recommended(owner, "Book")
    response = owner_client.post(reverse("resource_done", args=[resource.pk]), {"done": "yes"})
    assert response.status_code == 400
    assert response.content.decode() == "Done: send 1 (read / joined) or 0 (not yet)."
    assert Resource.objects.get(pk=resource.pk).done is False


def test_another_users_resource_cannot_be_marked(outsider_client: Client, owner: User) -> None:
    resource = recommended(owner, "Book")
    response = outsider_client.post(reverse("resource_done", args=[resource.pk]), {"done": "1"})
    assert response.status_code == 404
    assert Resource.objects.get(pk=resource.pk).done is False


def test_another_users_resource_is_404_on_get_too(outsider_client: Client, owner: User) -> None:
    resource = recommended(owner, "Book")
    assert outsider_client.get(reverse("resource_done", args=[resource.pk])).status_code == 404


def test_get_on_the_done_form_is_not_allowed(owner_client: Client, owner: User) -> None:
    resource = recommended(owner, "Book")
    assert owner_client.get(reverse("resource_done", args=[resource.pk])).status_code == 405


# --- the skills map ------------------------------------------------------------------------------


def test_skills_are_counted_by_name_case_aside(owner: User) -> None:
    for name in ("SQL", "sql", " Sql", "Figma"):
        heard(owner, name)
    found = skills_map(owner)
    gap = found.shelves[2]
    assert [(s.name, s.count, s.percent) for s in gap.skills] == [("SQL", 3, 100), ("Figma", 1, 33)]
    assert (found.skill_count, found.mention_count) == (2, 4)


def test_each_skill_says_who_mentioned_it(owner: User) -> None:
    first = heard(owner, "SQL")
    second = heard(owner, "sql")
    (skill,) = skills_map(owner).shelves[2].skills
    assert skill.people == sorted([first.mentioned_by, second.mentioned_by], key=lambda p: p.name)


def test_skills_are_shelved_have_learning_gap_with_totals(owner: User) -> None:
    heard(owner, "Interviewing", status=SkillStatus.HAVE)
    heard(owner, "interviewing", status=SkillStatus.HAVE)
    heard(owner, "Figma", status=SkillStatus.LEARNING)
    heard(owner, "SQL")
    shelves = skills_map(owner).shelves
    assert [(s.label, [k.name for k in s.skills], s.mentions) for s in shelves] == [
        ("Have (transferable)", ["Interviewing"], 2),
        ("Learning", ["Figma"], 1),
        ("Gap", ["SQL"], 1),
    ]


def test_the_field_filter_keeps_skills_heard_in_that_field(owner: User) -> None:
    heard(owner, "SQL", industry="Software")
    heard(owner, "Triage", industry="Health care")
    heard(owner, "Python", industry=" software")
    found = skills_map(owner, "software")
    assert [s.name for s in found.shelves[2].skills] == ["Python", "SQL"]
    assert found.fields == [("health care", "Health care"), ("software", "Software")]


def test_skills_heard_outside_any_field_can_be_filtered(owner: User) -> None:
    SkillFactory(owner=owner, name="Listening")
    heard(owner, "SQL")
    found = skills_map(owner, UNSPECIFIED_FIELD_KEY)
    assert [s.name for s in found.shelves[2].skills] == ["Listening"]
    assert found.fields[-1] == (UNSPECIFIED_FIELD_KEY, "Unspecified field")


def test_another_users_skills_are_not_on_the_map(owner: User, outsider: User) -> None:
    heard(outsider, "SQL")
    assert skills_map(owner).skill_count == 0


# --- changing a status ---------------------------------------------------------------------------


def test_a_status_change_covers_every_spelling_of_the_name(owner: User, outsider: User) -> None:
    heard(owner, "SQL")
    heard(owner, "sql ")
    heard(owner, "Figma")
    theirs = heard(outsider, "SQL")
    assert set_skill_status(owner, "Sql", SkillStatus.LEARNING) == 2
    assert sorted(Skill.objects.filter(owner=owner).values_list("name", "status")) == [
        ("Figma", "to_learn"),
        ("SQL", "learning"),
        ("sql ", "learning"),
    ]
    assert Skill.objects.get(pk=theirs.pk).status == "to_learn"


def test_an_unknown_status_is_refused_by_name(owner: User) -> None:
    heard(owner, "SQL")
    with pytest.raises(ValidationError) as raised:
        set_skill_status(owner, "SQL", "mastered")
    assert raised.value.message_dict == {
        "status": ["Choose one of Have (transferable), Learning, Gap; “mastered” is not one."]
    }
    assert Skill.objects.get(owner=owner).status == "to_learn"


def test_an_unknown_skill_is_refused_by_name(owner: User) -> None:
    with pytest.raises(ValidationError) as raised:
        set_skill_status(owner, "Juggling", SkillStatus.HAVE)
    assert raised.value.message_dict == {
        "name": ["There is no skill called “Juggling” on your map."]
    }


def test_another_users_skill_cannot_be_changed(owner: User, outsider: User) -> None:
    theirs = heard(outsider, "SQL")
    with pytest.raises(ValidationError):
        set_skill_status(owner, "SQL", SkillStatus.HAVE)
    assert Skill.objects.get(pk=theirs.pk).status == "to_learn"


def test_the_status_form_changes_and_says_so(owner_client: Client, owner: User) -> None:
    heard(owner, "SQL")
    response = owner_client.post(
        reverse("skill_status"), {"name": "SQL", "status": "have"}, follow=True
    )
    assertRedirects(response, reverse("skill_map"))
    assertContains(response, "“SQL” is now: Have (transferable).")
    assert Skill.objects.get(owner=owner).status == "have"


def test_the_status_form_keeps_the_field_filter(owner_client: Client, owner: User) -> None:
    heard(owner, "SQL")
    response = owner_client.post(
        reverse("skill_status"), {"name": "SQL", "status": "have", "field": "software"}
    )
    assertRedirects(response, f"{reverse('skill_map')}?field=software")


def test_the_status_form_with_a_bad_status_explains_and_changes_nothing(
    owner_client: Client, owner: User
) -> None:
    heard(owner, "SQL")
    response = owner_client.post(
        reverse("skill_status"), {"name": "SQL", "status": "guru"}, follow=True
    )
    assertContains(
        response, "Status: Choose one of Have (transferable), Learning, Gap; “guru” is not one."
    )
    assertNotContains(response, "is now:")
    assert Skill.objects.get(owner=owner).status == "to_learn"


def test_the_status_form_without_a_name_asks_for_it(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("skill_status"), {"status": "have"}, follow=True)
    assertContains(response, "Skill: Say which skill to change.")


def test_the_status_form_is_post_only(owner_client: Client) -> None:
    assert owner_client.get(reverse("skill_status")).status_code == 405
