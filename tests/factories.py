"""Factories for test data: every object belongs to an owner, as in the app."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.accounts.models import Profile
from coffeechat.followup.models import Task, TaskKind
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.people.models import Organization, Person

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
