"""Factories for test data: every object belongs to an owner, as in the app."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.debrief.models import Debrief, Resource, ResourceKind, Skill
from coffeechat.followup.models import Task, TaskKind
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.people.models import Organization, Person
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def profile(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            self.save()
            Profile.objects.create(user=self, **kwargs)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Organization {n}")
    industry = "Software"
    location = "Toronto"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    title = "Product Manager"
    organization = factory.SubFactory(OrganizationFactory, owner=factory.SelfAttribute("..owner"))
    emails = factory.LazyAttribute(lambda p: [f"{p.name.split()[-1].lower()}@example.org"])


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    owner = factory.SubFactory(UserFactory)
    person = factory.SubFactory(PersonFactory, owner=factory.SelfAttribute("..owner"))
    topic = "How research works day to day"
    stage = Stage.IDEA


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    owner = factory.SubFactory(UserFactory)
    interview = factory.SubFactory(InterviewFactory, owner=factory.SelfAttribute("..owner"))
    person = factory.SelfAttribute("interview.person")
    kind = ActivityKind.NOTE
    at = factory.LazyFunction(timezone.now)
    text = "A note"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    owner = factory.SubFactory(UserFactory)
    kind = TaskKind.CUSTOM
    title = factory.Sequence(lambda n: f"Task {n}")
    due_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))


class QuestionFactory(factory.django.DjangoModelFactory):
    """The user's own question (no bank key)."""

    class Meta:
        model = Question

    owner = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"What surprised you most in your first year, part {n}?")
    category = "path"
    tiara = "insights"
    phase = "questions"
    minutes = 1.5


class PlanEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanEntry

    interview = factory.SubFactory(InterviewFactory)
    question = factory.SubFactory(QuestionFactory, owner=factory.SelfAttribute("..interview.owner"))
    position = factory.Sequence(lambda n: n)


class PreparationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Preparation

    interview = factory.SubFactory(InterviewFactory)
    why_them = "They moved from teaching into research, as I hope to."
    objectives = "Learn what a first year in research looks like."


class PitchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pitch

    owner = factory.SubFactory(UserFactory)
    text = (
        "I taught secondary science for eight years and I am exploring user research, "
        "because the part of teaching I loved most was watching how people learn."
    )


class DebriefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Debrief

    interview = factory.SubFactory(InterviewFactory)
    started_at = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=25))
    ended_at = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=5))
    insights = "Research teams value clear writing over tools."
    memorable = "the best researchers are curious about the boring parts"
    next_step = "join the local research meetup"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    owner = factory.SubFactory(UserFactory)
    kind = ResourceKind.BOOK
    title = factory.Sequence(lambda n: f"A useful book {n}")


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Skill {n}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    owner = factory.SubFactory(UserFactory)
    title = "10 conversations with engineers in Toronto"
    target_count = 10
    start_date = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
