"""The benchmark's data generator, at the tiny scale (2 users × 50 people) on the test database."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.db.models import Count, F

from bench.generate import BENCH_PASSWORD, Generated, generate
from bench.layout import Layout
from bench.people_rows import username
from bench.scales import SCALES
from coffeechat.accounts.models import Profile
from coffeechat.followup.models import Task
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person, Tag

TINY = SCALES["tiny"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def generated() -> Generated:
    return generate(TINY)


def per_owner(model: type[Organization | Person | Tag | Interview | Activity | Task]) -> list[int]:
    rows = model.objects.values("owner").annotate(n=Count("id")).order_by("owner")
    return [row["n"] for row in rows]


def test_tiny_writes_exact_counts_for_each_user(generated: Generated) -> None:
    assert sorted(User.objects.values_list("username", flat=True)) == ["bench0001", "bench0002"]
    assert Profile.objects.count() == 2
    assert per_owner(Person) == [50, 50]
    assert per_owner(Organization) == [10, 10]
    assert per_owner(Tag) == [5, 5]
    assert per_owner(Interview) == [20, 20]
    assert per_owner(Activity) == [120, 120]
    assert per_owner(Task) == [30, 30]


def test_reported_row_counts_match_the_tables(generated: Generated) -> None:
    assert generated.rows["people"] == Person.objects.count() == 100
    assert generated.rows["activities"] == Activity.objects.count() == 240
    assert generated.rows["person tags"] == Person.tags.through.objects.count()


def test_every_link_stays_within_its_owner(generated: Generated) -> None:
    people = Person.objects
    assert not people.filter(organization__isnull=False).exclude(organization__owner=F("owner"))
    assert not people.filter(referred_by__isnull=False).exclude(referred_by__owner=F("owner"))
    assert not Person.tags.through.objects.exclude(tag__owner=F("person__owner"))
    assert not Interview.objects.exclude(person__owner=F("owner"))
    assert not Activity.objects.exclude(person__owner=F("owner"))
    assert not Activity.objects.filter(interview__isnull=False).exclude(interview__owner=F("owner"))
    assert not Task.objects.exclude(person__owner=F("owner"))
    assert not Task.objects.filter(interview__isnull=False).exclude(interview__owner=F("owner"))


def test_an_interview_activity_is_about_the_interview_person(generated: Generated) -> None:
    linked = Activity.objects.filter(interview__isnull=False)
    assert linked.count() > 0
    assert not linked.exclude(person=F("interview__person"))


def test_the_star_person_has_the_long_timeline(generated: Generated) -> None:
    star = Person.objects.get(pk=generated.star_person_id(2))
    assert star.owner.username == "bench0002"
    assert Activity.objects.filter(person=star).count() >= TINY.star_activities
    assert star.referred_by is not None
    assert star.referred_by.referred_by is not None
    assert Person.objects.filter(referred_by=star).count() == 5


def test_every_stage_of_the_main_road_is_generated(generated: Generated) -> None:
    stages = set(Interview.objects.values_list("stage", flat=True))
    assert {"idea", "requested", "scheduled", "held", "thanked"} <= stages


def test_a_generated_user_signs_in_with_the_bench_password(generated: Generated) -> None:
    user = authenticate(username=username(1), password=BENCH_PASSWORD)
    assert user is not None
    assert user.pk == generated.user_id(1)


def test_new_rows_get_ids_after_the_generated_ones(generated: Generated) -> None:
    owner = User.objects.get(username="bench0001")
    person = Person.objects.create(owner=owner, name="Added later")
    assert person.pk > max(Person.objects.exclude(pk=person.pk).values_list("pk", flat=True))


def test_generating_into_a_database_that_has_the_users_is_refused(
    generated: Generated,
) -> None:
    with pytest.raises(ValueError, match="bench0001 exists already"):
        generate(TINY)


def test_a_layout_gives_each_row_the_next_id_in_writing_order() -> None:
    layout = Layout(base=10, users=3, per_user=7, run=3)
    ids = [layout.id(user, index) for user, index in layout.order()]
    assert ids == list(range(10, 31))
