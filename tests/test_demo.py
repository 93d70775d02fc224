"""The demo account shows every part of the product with realistic data."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from coffeechat.debrief.models import Debrief, Resource
from coffeechat.demo import DEMO_USERNAME, create_demo
from coffeechat.insights.goals import goals_summary
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


def test_every_demo_debrief_says_what_people_like_find_hard_and_how_they_got_in(
    demo: User,
) -> None:
    debriefs = Debrief.objects.filter(interview__owner=demo)
    assert not debriefs.filter(likes="").exists()
    assert not debriefs.filter(challenges="").exists()
    assert not debriefs.filter(entry_path="").exists()


def test_the_demo_has_series_goals_with_conversations_counting_toward_them(demo: User) -> None:
    progress = goals_summary(demo)
    assert len(progress) == 2
    assert all(p.counted for p in progress)


def test_running_the_demo_again_replaces_its_data(demo: User) -> None:
    create_demo()
    assert Pitch.objects.filter(owner__username=DEMO_USERNAME).count() == 2
