"""The demo account shows every part of the product with realistic data."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from coffeechat.debrief.models import Debrief, Resource
from coffeechat.demo import DEMO_USERNAME, create_demo
from coffeechat.interviews.models import Stage
from coffeechat.people.models import Person
from coffeechat.prep.models import Pitch, PlanEntry


@pytest.fixture
def demo(db: None) -> User:
    create_demo()
    return User.objects.get(username=DEMO_USERNAME)


def test_every_scheduled_demo_interview_has_a_question_plan(demo: User) -> None:
    scheduled = demo.interviews.filter(stage=Stage.SCHEDULED)
    planned = PlanEntry.objects.filter(interview__in=scheduled).values("interview").distinct()
    assert planned.count() == scheduled.count() > 0


HELD = [Stage.HELD, Stage.THANKED, Stage.CLOSED]


def test_every_held_demo_interview_has_a_debrief(demo: User) -> None:
    held = demo.interviews.filter(stage__in=HELD)
    assert Debrief.objects.filter(interview__in=held).count() == held.count() > 0


def test_every_held_demo_interview_recorded_two_resources(demo: User) -> None:
    held = demo.interviews.filter(stage__in=HELD)
    assert Resource.objects.filter(owner=demo, interview__in=held).count() == 2 * held.count()


def test_the_demo_pitch_has_versions(demo: User) -> None:
    assert Pitch.objects.filter(owner=demo).count() == 2


def test_the_demo_has_a_referral_chain_of_three(demo: User) -> None:
    chains = Person.objects.filter(owner=demo, referred_by__referred_by__isnull=False)
    assert chains.exists()


def test_running_the_demo_again_replaces_its_data(demo: User) -> None:
    create_demo()
    assert Pitch.objects.filter(owner__username=DEMO_USERNAME).count() == 2
