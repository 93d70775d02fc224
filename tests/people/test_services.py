"""People services: validation naming the field, tags, search."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404

from coffeechat.interviews.models import Stage
from coffeechat.people.models import Person, Relationship, Tag
from coffeechat.people.services import (
    get_organization,
    get_person,
    normalize_tags,
    people_of,
    save_person,
    search_people,
    set_tags,
)
from tests.factories import InterviewFactory, OrganizationFactory, PersonFactory

# --- save_person -------------------------------------------------------------------------------


def test_save_person_saves_a_valid_person_with_tags(owner: User) -> None:
    person = save_person(
        Person(owner=owner, name="Ada Lovelace", emails=["ada@example.org"]), tags=["design"]
    )
    assert person.pk is not None
    assert [tag.name for tag in person.tags.all()] == ["design"]


def test_save_person_rejects_an_unknown_time_zone_naming_the_field(owner: User) -> None:
    with pytest.raises(ValidationError) as error:
        save_person(Person(owner=owner, name="Ada", time_zone="Mars/Olympus_Mons"))
    assert list(error.value.message_dict) == ["time_zone"]
    assert "Mars/Olympus_Mons is not a known time zone" in error.value.message_dict["time_zone"][0]
    assert not Person.objects.exists()


def test_save_person_rejects_a_bad_email_in_the_list_naming_the_field(owner: User) -> None:
    with pytest.raises(ValidationError) as error:
        save_person(Person(owner=owner, name="Ada", emails=["ada@example.org", "not-an-email"]))
    assert list(error.value.message_dict) == ["emails"]
    assert not Person.objects.exists()


def test_save_person_bad_email_message_names_the_address(owner: User) -> None:
    with pytest.raises(ValidationError) as error:
        save_person(Person(owner=owner, name="Ada", emails=["not-an-email"]))
    assert "not-an-email" in error.value.message_dict["emails"][0]


def test_save_person_rejects_another_owners_organization_naming_the_field(
    owner: User, outsider: User
) -> None:
    theirs = OrganizationFactory(owner=outsider)
    with pytest.raises(ValidationError) as error:
        save_person(Person(owner=owner, name="Ada", organization=theirs))
    assert error.value.message_dict == {"organization": ["No such organization."]}
    assert not Person.objects.exists()


def test_save_person_rejects_a_referrer_of_another_owner(owner: User, outsider: User) -> None:
    theirs = PersonFactory(owner=outsider)
    with pytest.raises(ValidationError) as error:
        save_person(Person(owner=owner, name="Ada", referred_by=theirs))
    assert error.value.message_dict == {"referred_by": ["No such person."]}


def test_save_person_with_invalid_data_keeps_the_old_tags(owner: User) -> None:
    person = PersonFactory(owner=owner)
    set_tags(person, ["kept"])
    person.time_zone = "Nowhere/Nothing"
    with pytest.raises(ValidationError):
        save_person(person, tags=["replaced"])
    assert [tag.name for tag in Person.objects.get(pk=person.pk).tags.all()] == ["kept"]
    assert not Tag.objects.filter(name="replaced").exists()


# --- tags --------------------------------------------------------------------------------------


def test_normalize_tags_drops_blanks_squeezes_spaces_and_dedups_in_order() -> None:
    assert normalize_tags(["  ux  research ", "design", "", "ux research", "  ", "design"]) == [
        "ux research",
        "design",
    ]


def test_set_tags_dedups_the_names(owner: User) -> None:
    person = PersonFactory(owner=owner)
    set_tags(person, ["design", " design ", "design", "toronto"])
    assert sorted(tag.name for tag in person.tags.all()) == ["design", "toronto"]
    assert Tag.objects.filter(owner=owner).count() == 2


def test_set_tags_reuses_the_owners_existing_tags(owner: User) -> None:
    first = PersonFactory(owner=owner)
    second = PersonFactory(owner=owner)
    set_tags(first, ["design"])
    existing = Tag.objects.get(owner=owner, name="design")
    set_tags(second, ["design", "new"])
    assert Tag.objects.filter(owner=owner, name="design").count() == 1
    assert existing in second.tags.all()
    assert Tag.objects.filter(owner=owner).count() == 2


def test_set_tags_never_reuses_another_owners_tag(owner: User, outsider: User) -> None:
    theirs = PersonFactory(owner=outsider)
    set_tags(theirs, ["design"])
    mine = PersonFactory(owner=owner)
    set_tags(mine, ["design"])
    [tag] = mine.tags.all()
    assert tag.owner == owner
    assert Tag.objects.filter(name="design").count() == 2


def test_set_tags_replaces_the_previous_tags(owner: User) -> None:
    person = PersonFactory(owner=owner)
    set_tags(person, ["old", "kept"])
    set_tags(person, ["kept", "new"])
    assert sorted(tag.name for tag in person.tags.all()) == ["kept", "new"]


def test_set_tags_with_no_names_clears_them(owner: User) -> None:
    person = PersonFactory(owner=owner)
    set_tags(person, ["old"])
    set_tags(person, ["", "  "])
    assert list(person.tags.all()) == []


# --- getters -----------------------------------------------------------------------------------


def test_get_person_of_another_owner_is_404(owner: User, outsider: User) -> None:
    person = PersonFactory(owner=owner)
    assert get_person(owner, person.pk) == person
    with pytest.raises(Http404):
        get_person(outsider, person.pk)


def test_get_organization_of_another_owner_is_404(owner: User, outsider: User) -> None:
    organization = OrganizationFactory(owner=owner)
    assert get_organization(owner, organization.pk) == organization
    with pytest.raises(Http404):
        get_organization(outsider, organization.pk)


# --- search_people -----------------------------------------------------------------------------


def search(user: User, **filters: object) -> list[str]:
    return [person.name for person in search_people(people_of(user), **filters)]  # type: ignore[arg-type]


def test_people_of_lists_only_the_users_people(owner: User, outsider: User) -> None:
    PersonFactory(owner=owner, name="Mine")
    PersonFactory(owner=outsider, name="Theirs")
    assert search(owner) == ["Mine"]


def test_search_people_matches_every_word_in_name_title_organization_or_location(
    owner: User,
) -> None:
    PersonFactory(
        owner=owner,
        name="Grace Hopper",
        title="Compiler Lead",
        organization__name="US Navy",
        location="Arlington",
    )
    PersonFactory(owner=owner, name="Ada Lovelace", title="Analyst", organization__name="Engines")
    assert search(owner, q="hopper") == ["Grace Hopper"]
    assert search(owner, q="COMPILER") == ["Grace Hopper"]
    assert search(owner, q="navy") == ["Grace Hopper"]
    assert search(owner, q="arlington") == ["Grace Hopper"]
    assert search(owner, q="grace navy") == ["Grace Hopper"]
    assert search(owner, q="grace engines") == []
    assert search(owner, q="   ") == ["Ada Lovelace", "Grace Hopper"]


def test_search_people_combines_filters(owner: User) -> None:
    acme = OrganizationFactory(owner=owner)
    match = PersonFactory(
        owner=owner, name="Match", organization=acme, relationship=Relationship.FRIEND
    )
    set_tags(match, ["design"])
    wrong_tag = PersonFactory(
        owner=owner, name="Wrong tag", organization=acme, relationship=Relationship.FRIEND
    )
    set_tags(wrong_tag, ["sales"])
    PersonFactory(owner=owner, name="Wrong relationship", organization=acme)
    assert search(
        owner, organization_id=acme.pk, tag="design", relationship=Relationship.FRIEND
    ) == ["Match"]


def test_search_people_by_stage_uses_the_latest_interview(owner: User) -> None:
    person = PersonFactory(owner=owner, name="Grace")
    InterviewFactory(owner=owner, person=person, stage=Stage.CLOSED)
    InterviewFactory(owner=owner, person=person, stage=Stage.REQUESTED)
    PersonFactory(owner=owner, name="No interview")
    assert search(owner, stage=Stage.REQUESTED) == ["Grace"]
    assert search(owner, stage=Stage.CLOSED) == []


def test_people_of_annotates_the_latest_stage(owner: User) -> None:
    person = PersonFactory(owner=owner)
    InterviewFactory(owner=owner, person=person, stage=Stage.IDEA)
    InterviewFactory(owner=owner, person=person, stage=Stage.HELD)
    PersonFactory(owner=owner)
    stages = {p.pk: p.latest_stage for p in people_of(owner)}  # type: ignore[attr-defined]
    assert stages[person.pk] == Stage.HELD
    assert set(stages.values()) == {Stage.HELD, None}
