"""Fixture files and helpers for the import, export and backup tests."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.debrief.models import Debrief, Resource, Skill
from coffeechat.followup.models import Task
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Mode, Stage
from coffeechat.people.models import Organization, Person, ReferralKind, Relationship, Tag
from coffeechat.people.services import set_tags
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question
from coffeechat.prep.services import ensure_bank
from tests.factories import (
    ActivityFactory,
    DebriefFactory,
    GoalFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    PitchFactory,
    PlanEntryFactory,
    PreparationFactory,
    QuestionFactory,
    ResourceFactory,
    SkillFactory,
    TaskFactory,
)

FIXTURES = Path(__file__).parent / "fixtures"
MODELS = (
    Organization,
    Person,
    Tag,
    Interview,
    Activity,
    Task,
    Question,
    PlanEntry,
    Preparation,
    Pitch,
    Debrief,
    Resource,
    Skill,
)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def row_counts() -> dict[str, int]:
    """How many rows each table holds, for "nothing was written" checks."""
    return {model.__name__: model.objects.count() for model in MODELS}


def build_full_account(user: User) -> None:
    """One of everything a user can have, with the links between them."""
    profile = profile_of(user)
    profile.time_zone = "America/Toronto"
    profile.about_me = "a teacher moving into user research"
    profile.career_change = True
    profile.digest = True
    profile.save()
    ensure_bank(user)
    northwind = OrganizationFactory(
        owner=user, name="Northwind Health", website="https://nw.example"
    )
    lumen = OrganizationFactory(owner=user, name="Lumen Analytics", research_notes="Series B.")
    amara = PersonFactory(
        owner=user,
        name="Amara Okafor",
        organization=northwind,
        emails=["amara@northwind.example", "a.okafor@mail.example"],
        phones=["+1 416 555 0101"],
        profile_url="https://www.linkedin.com/in/amara-okafor",
        relationship=Relationship.ALUMNI,
        relationship_since=date(2024, 3, 12),
        time_zone="America/Toronto",
        what_they_do="research for the booking service",
        keep_posted=True,
    )
    daniel = PersonFactory(
        owner=user,
        name="Daniel Chen",
        organization=lumen,
        referred_by=amara,
        referral_kind=ReferralKind.INTRODUCE,
        postal_address="1 Main St\nToronto",
    )
    PersonFactory(owner=user, name="渡辺 美咲", organization=None, emails=[])
    set_tags(amara, ["ux", "alumni network"])
    set_tags(daniel, ["ux"])
    Tag.objects.create(owner=user, name="unused tag")
    held = InterviewFactory(
        owner=user,
        person=amara,
        topic="Research operations",
        stage=Stage.HELD,
        scheduled_start=timezone.now() - timedelta(days=2),
        time_zone="America/Toronto",
        mode=Mode.CAFE,
        location="Café Rosa",
        outcome_notes="Great advice.",
    )
    InterviewFactory(
        owner=user,
        person=daniel,
        stage=Stage.SCHEDULED,
        scheduled_start=timezone.now() + timedelta(days=3),
        video_url="https://meet.example/abc",
    )
    PreparationFactory(interview=held, right_person="yes", plan_built_at=timezone.now())
    DebriefFactory(
        interview=held,
        fit_score=4,
        may_contact_again="yes",
        likes="The variety of projects.",
        challenges="Recruiting participants.",
        entry_path="Most came from teaching or psychology.",
    )
    own = QuestionFactory(owner=user, text="What would you do in my place?", tags=["advice"])
    bank = list(Question.objects.filter(owner=user).exclude(key="").order_by("id"))
    edited = bank[0]
    edited.text = "My own wording of the first question?"
    edited.starred = True
    edited.save()
    bank[1].delete()  # a deleted built-in question stays deleted
    PlanEntryFactory(interview=held, question=own, position=0, pinned=True, notes="Said: ask.")
    PlanEntryFactory(interview=held, question=bank[2], position=1)  # unedited, but planned
    PlanEntryFactory(interview=held, question=edited, position=2)
    ActivityFactory(owner=user, interview=held, kind=ActivityKind.HELD, text="Coffee at Rosa")
    ActivityFactory(owner=user, interview=None, person=daniel, kind=ActivityKind.NOTE)
    TaskFactory(owner=user, person=amara, interview=held, title="Thank Amara")
    TaskFactory(owner=user, title="Done task", done=True, done_at=timezone.now(), due_at=None)
    PitchFactory(owner=user, text="First pitch.")
    PitchFactory(owner=user, text="Second pitch, better.")
    ResourceFactory(
        owner=user, recommended_by=amara, interview=held, url="https://book.example", done=True
    )
    SkillFactory(
        owner=user, name="Survey design", mentioned_by=amara, interview=held, status="learning"
    )
    GoalFactory(
        owner=user,
        title="5 conversations in research by spring",
        role_keywords="researcher, research",
        tags=["ux"],
    )


@pytest.fixture
def full_owner(owner: User) -> User:
    build_full_account(owner)
    return owner
