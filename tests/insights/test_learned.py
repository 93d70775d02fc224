"""What was learned, gathered per field, role or organization (P26): the services."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.debrief.models import Debrief
from coffeechat.insights.learned import (
    average_score,
    grouping_key,
    learned_by,
    most_common_spelling,
    tidy,
)
from coffeechat.people.models import Organization, Person
from tests.factories import (
    DebriefFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    ResourceFactory,
    SkillFactory,
)


def conversation(
    owner: User,
    *,
    industry: str = "Software",
    title: str = "Product Manager",
    organization: Organization | None = None,
    person: Person | None = None,
    days_ago: int = 1,
    **debrief: Any,
) -> Debrief:
    """A held conversation with a written debrief (``debrief`` overrides its fields)."""
    if person is None:
        if organization is None:
            organization = OrganizationFactory(owner=owner, industry=industry)
        person = PersonFactory(owner=owner, organization=organization, title=title)
    interview = InterviewFactory(owner=owner, person=person, stage="held")
    start = timezone.now() - timedelta(days=days_ago)
    fields = {"started_at": start, "ended_at": start + timedelta(minutes=20), **debrief}
    return DebriefFactory(interview=interview, **fields)


# --- normalising ---------------------------------------------------------------------------------


def test_tidy_trims_and_collapses_inner_spaces() -> None:
    assert tidy("  Product \n  Manager ") == "Product Manager"


def test_grouping_key_ignores_case_and_spacing() -> None:
    assert (
        grouping_key(" Product  MANAGER ") == grouping_key("product manager") == "product manager"
    )


def test_grouping_key_case_folds_beyond_ascii() -> None:
    assert grouping_key("Straße") == grouping_key("STRASSE")


def test_the_most_common_spelling_is_shown() -> None:
    spellings = ["product manager", "Product Manager", " Product  Manager", "PM"]
    assert most_common_spelling(spellings) == "Product Manager"


def test_a_tie_of_spellings_goes_to_the_first_in_order() -> None:
    assert most_common_spelling(["b", "a", "B", "A"]) == "A"


def test_average_rounds_halves_up_to_one_decimal() -> None:
    assert average_score([2, 2, 2, 3]) == Decimal("2.3")


def test_average_of_three_scores() -> None:
    assert average_score([4, 5, 4]) == Decimal("4.3")


def test_average_of_nothing_is_none() -> None:
    assert average_score([]) is None


# --- what counts ---------------------------------------------------------------------------------


def test_a_debrief_with_only_the_times_does_not_count(owner: User) -> None:
    conversation(
        owner,
        insights="",
        memorable="",
        next_step="",
        fit_score=None,
        fit_line="",
        likes="",
        challenges="",
        entry_path="",
    )
    assert learned_by(owner, "field") == []


def test_a_debrief_with_only_a_fit_score_counts(owner: User) -> None:
    conversation(owner, insights="", memorable="", next_step="", fit_score=2)
    (group,) = learned_by(owner, "field")
    assert (group.conversation_count, group.average_fit) == (1, Decimal("2.0"))


def test_an_interview_without_a_debrief_does_not_count(owner: User) -> None:
    InterviewFactory(owner=owner, stage="held")
    assert learned_by(owner, "role") == []


def test_another_users_debriefs_are_never_gathered(owner: User, outsider: User) -> None:
    conversation(outsider, insights="Bob's secret insight")
    assert learned_by(owner, "field") == []


# --- by field ------------------------------------------------------------------------------------


def test_fields_spelled_differently_are_one_group(owner: User) -> None:
    conversation(owner, industry="Software")
    conversation(owner, industry=" software ")
    conversation(owner, industry="Software")
    (group,) = learned_by(owner, "field")
    assert (group.label, group.conversation_count) == ("Software", 3)


def test_groups_come_most_conversations_first(owner: User) -> None:
    conversation(owner, industry="Healthcare")
    conversation(owner, industry="Software")
    conversation(owner, industry="Software")
    assert [(g.label, g.conversation_count) for g in learned_by(owner, "field")] == [
        ("Software", 2),
        ("Healthcare", 1),
    ]


def test_groups_with_as_many_conversations_are_alphabetical(owner: User) -> None:
    for industry in ("retail", "Banking", "Consulting"):
        conversation(owner, industry=industry)
    assert [g.label for g in learned_by(owner, "field")] == ["Banking", "Consulting", "retail"]


def test_a_blank_industry_is_the_unspecified_field(owner: User) -> None:
    conversation(owner, industry="  ")
    (group,) = learned_by(owner, "field")
    assert group.label == "Unspecified field"


def test_a_person_without_organization_is_in_the_unspecified_field(owner: User) -> None:
    person = PersonFactory(owner=owner, organization=None)
    conversation(owner, person=person)
    (group,) = learned_by(owner, "field")
    assert group.label == "Unspecified field"


def test_the_unspecified_field_comes_after_a_named_one_of_the_same_size(owner: User) -> None:
    conversation(owner, industry="")
    conversation(owner, industry="Zoology")
    assert [g.label for g in learned_by(owner, "field")] == ["Zoology", "Unspecified field"]


def test_the_heading_counts_people_not_conversations(owner: User) -> None:
    person = PersonFactory(owner=owner, organization=OrganizationFactory(owner=owner))
    conversation(owner, person=person, days_ago=30)
    conversation(owner, person=person, days_ago=2)
    conversation(owner)
    (group,) = learned_by(owner, "field")
    assert group.heading == "What 2 people in Software told you"
    assert (group.conversation_count, group.people_count) == (3, 2)


def test_the_heading_of_one_person_is_singular(owner: User) -> None:
    conversation(owner, title="Designer")
    (group,) = learned_by(owner, "role")
    assert group.heading == "What 1 person working as Designer told you"


def test_the_heading_of_the_unspecified_field_names_it(owner: User) -> None:
    conversation(owner, industry="")
    (group,) = learned_by(owner, "field")
    assert group.heading == "Unspecified field: what 1 person told you"


def test_debriefs_of_a_group_are_newest_conversation_first(owner: User) -> None:
    old = conversation(owner, days_ago=20)
    new = conversation(owner, days_ago=1)
    middle = conversation(owner, days_ago=5)
    (group,) = learned_by(owner, "field")
    assert [d.pk for d in group.debriefs] == [new.pk, middle.pk, old.pk]


# --- by role and organization --------------------------------------------------------------------


def test_roles_are_grouped_case_and_space_aside_in_the_most_common_spelling(owner: User) -> None:
    conversation(owner, title="product manager")
    conversation(owner, title="Product Manager")
    conversation(owner, title=" Product  Manager ")
    conversation(owner, title="Designer")
    groups = learned_by(owner, "role")
    assert [(g.label, g.conversation_count) for g in groups] == [
        ("Product Manager", 3),
        ("Designer", 1),
    ]


def test_a_blank_title_is_the_unspecified_role(owner: User) -> None:
    conversation(owner, title="")
    assert [g.label for g in learned_by(owner, "role")] == ["Unspecified role"]


def test_organizations_are_grouped_by_organization(owner: User) -> None:
    acme = OrganizationFactory(owner=owner, name="Acme")
    conversation(owner, organization=acme)
    conversation(owner, organization=acme)
    conversation(owner, organization=OrganizationFactory(owner=owner, name="Zeta"))
    groups = learned_by(owner, "organization")
    assert [(g.label, g.conversation_count) for g in groups] == [("Acme", 2), ("Zeta", 1)]
    assert groups[0].organization == acme
    assert groups[0].heading == "What 2 people at Acme told you"


def test_people_without_organization_are_under_no_organization(owner: User) -> None:
    conversation(owner, person=PersonFactory(owner=owner, organization=None))
    assert [g.label for g in learned_by(owner, "organization")] == ["No organization"]


# --- fit, resources and skills of a group --------------------------------------------------------


def test_the_average_fit_ignores_conversations_not_scored(owner: User) -> None:
    for score in (4, 5, 4, None):
        conversation(owner, fit_score=score)
    (group,) = learned_by(owner, "field")
    assert (group.average_fit, group.fit_count, group.fit_percent) == (Decimal("4.3"), 3, 86)


@pytest.mark.parametrize(("scores", "expected"), [((3, 4), "3.5"), ((1, 2, 2), "1.7")])
def test_the_average_fit_has_one_decimal(
    owner: User, scores: tuple[int, ...], expected: str
) -> None:
    for score in scores:
        conversation(owner, fit_score=score)
    (group,) = learned_by(owner, "field")
    assert str(group.average_fit) == expected


def test_resources_of_a_group_are_counted_by_title_and_recommender(owner: User) -> None:
    first = conversation(owner)
    second = conversation(owner)
    for debrief, title in ((first, "Just Enough Research"), (second, "just  enough research")):
        interview = debrief.interview
        ResourceFactory(
            owner=owner, interview=interview, recommended_by=interview.person, title=title
        )
    ResourceFactory(owner=owner, interview=second.interview, title="Another book")
    (group,) = learned_by(owner, "field")
    assert [(m.label, m.count) for m in group.resources] == [
        ("Just Enough Research", 2),
        ("Another book", 1),
    ]
    assert group.resources[0].people == sorted(
        [first.interview.person, second.interview.person], key=lambda p: p.name
    )


def test_skills_of_a_group_are_counted_by_name(owner: User) -> None:
    debrief = conversation(owner)
    for name in ("SQL", "sql", "Figma"):
        SkillFactory(owner=owner, interview=debrief.interview, name=name)
    (group,) = learned_by(owner, "field")
    assert [(m.label, m.count) for m in group.skills] == [("SQL", 2), ("Figma", 1)]


def test_resources_go_to_the_group_of_their_conversation(owner: User) -> None:
    software = conversation(owner, industry="Software")
    health = conversation(owner, industry="Health")
    ResourceFactory(owner=owner, interview=software.interview, title="Code book")
    ResourceFactory(owner=owner, interview=health.interview, title="Care book")
    labels = {g.label: [m.label for m in g.resources] for g in learned_by(owner, "field")}
    assert labels == {"Software": ["Code book"], "Health": ["Care book"]}


def test_resources_of_a_conversation_not_debriefed_are_left_out(owner: User) -> None:
    conversation(owner)
    bare = InterviewFactory(owner=owner)
    ResourceFactory(owner=owner, interview=bare, title="Not from a debrief")
    (group,) = learned_by(owner, "field")
    assert group.resources == []
