"""Series goals (P5): which interviews match, which count, and the pace, on fixed dates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coffeechat.insights.goals import (
    GoalProgress,
    PaceStatus,
    goal_progress,
    goals_summary,
    pace,
    save_goal,
)
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import ActivityKind, Interview, Stage
from coffeechat.people.models import Person
from coffeechat.people.services import set_tags
from tests.factories import (
    ActivityFactory,
    GoalFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
)

START, DUE = date(2027, 1, 10), date(2027, 1, 20)
DURING = date(2027, 1, 15)
# Inside the window, at noon UTC: the same date in any zone within ±11 hours.
HELD_AT = datetime(2027, 1, 12, 12, 0, tzinfo=UTC)


def set_zone(user: User, name: str) -> None:
    user.profile.time_zone = name
    user.profile.save()


def person(user: User, **fields: object) -> Person:
    """A person who matches nothing in particular unless told (no keyword in the title)."""
    organization = fields.pop("organization", None)
    if organization is None:
        organization = OrganizationFactory(owner=user, industry="", location="")
    defaults: dict[str, object] = {"title": "Volunteer", "location": ""}
    defaults.update(fields)
    return PersonFactory(owner=user, organization=organization, **defaults)


def held(
    user: User, who: Person | None = None, at: datetime = HELD_AT, stage: str = Stage.HELD
) -> Interview:
    """An interview whose conversation was held at ``at`` (a ``held`` activity says so)."""
    interview = InterviewFactory(owner=user, person=who or person(user), stage=stage)
    ActivityFactory(owner=user, interview=interview, kind=ActivityKind.HELD, at=at)
    return interview


def goal(user: User, **fields: object) -> Goal:
    defaults: dict[str, object] = {"start_date": START, "due_date": DUE, "target_count": 4}
    defaults.update(fields)
    return GoalFactory(owner=user, **defaults)


def counted_ids(progress: GoalProgress) -> list[int]:
    return [item.interview.pk for item in progress.counted]


def pipeline_ids(progress: GoalProgress) -> list[int]:
    return [interview.pk for interview in progress.pipeline]


# --- matching: role keywords --------------------------------------------------------------------


def test_any_role_keyword_in_the_title_matches_whatever_the_case(owner: User) -> None:
    engineer = held(owner, person(owner, title="Senior Software ENGINEER"))
    developer = held(owner, person(owner, title="Web developer"))
    held(owner, person(owner, title="Product Manager"))
    progress = goal_progress(goal(owner, role_keywords="engineer, Developer"), today=DURING)
    assert counted_ids(progress) == [engineer.pk, developer.pk]


def test_a_role_keyword_matches_inside_a_word_of_the_title(owner: User) -> None:
    engineering = held(owner, person(owner, title="Head of Engineering"))
    progress = goal_progress(goal(owner, role_keywords="engineer"), today=DURING)
    assert counted_ids(progress) == [engineering.pk]


# --- matching: industry -------------------------------------------------------------------------


def test_industry_matches_when_the_organizations_industry_contains_it(owner: User) -> None:
    fintech = OrganizationFactory(owner=owner, industry="Financial Software")
    banking = OrganizationFactory(owner=owner, industry="Banking")
    match = held(owner, person(owner, organization=fintech))
    held(owner, person(owner, organization=banking))
    progress = goal_progress(goal(owner, industry="software"), today=DURING)
    assert counted_ids(progress) == [match.pk]


def test_industry_never_matches_a_person_without_organization(owner: User) -> None:
    loner = PersonFactory(owner=owner, organization=None)
    held(owner, loner)
    assert goal_progress(goal(owner, industry="software"), today=DURING).counted == []


def test_a_person_without_organization_counts_when_no_industry_is_set(owner: User) -> None:
    interview = held(owner, PersonFactory(owner=owner, organization=None))
    assert counted_ids(goal_progress(goal(owner), today=DURING)) == [interview.pk]


# --- matching: location -------------------------------------------------------------------------


def test_location_matches_the_persons_location_whatever_the_case(owner: User) -> None:
    interview = held(owner, person(owner, location="Toronto, ON"))
    held(owner, person(owner, location="Montréal"))
    progress = goal_progress(goal(owner, location="TORONTO"), today=DURING)
    assert counted_ids(progress) == [interview.pk]


def test_location_matches_the_organizations_location(owner: User) -> None:
    office = OrganizationFactory(owner=owner, location="Downtown Toronto", industry="")
    interview = held(owner, person(owner, organization=office, location="Remote"))
    progress = goal_progress(goal(owner, location="toronto"), today=DURING)
    assert counted_ids(progress) == [interview.pk]


# --- matching: tags -----------------------------------------------------------------------------


def test_tags_match_only_a_person_with_every_listed_tag(owner: User) -> None:
    both, one = person(owner), person(owner)
    set_tags(both, ["alumni", "design"])
    set_tags(one, ["alumni"])
    interview = held(owner, both)
    held(owner, one)
    progress = goal_progress(goal(owner, tags=["alumni", "design"]), today=DURING)
    assert counted_ids(progress) == [interview.pk]


def test_tags_are_compared_without_regard_to_case(owner: User) -> None:
    tagged = person(owner)
    set_tags(tagged, ["Design"])
    interview = held(owner, tagged)
    assert counted_ids(goal_progress(goal(owner, tags=["design"]), today=DURING)) == [interview.pk]


def test_every_set_criterion_must_match(owner: User) -> None:
    toronto = OrganizationFactory(owner=owner, industry="Software", location="Toronto")
    vancouver = OrganizationFactory(owner=owner, industry="Software", location="Vancouver")
    match = held(owner, person(owner, title="Engineer", organization=toronto))
    held(owner, person(owner, title="Engineer", organization=vancouver))
    held(owner, person(owner, title="Recruiter", organization=toronto))
    criteria = {"role_keywords": "engineer", "industry": "software", "location": "toronto"}
    progress = goal_progress(goal(owner, **criteria), today=DURING)
    assert counted_ids(progress) == [match.pk]


def test_a_goal_without_criteria_counts_every_conversation_held(owner: User) -> None:
    first, second = held(owner), held(owner)
    assert counted_ids(goal_progress(goal(owner), today=DURING)) == [first.pk, second.pk]


def test_another_users_interviews_never_count(owner: User, outsider: User) -> None:
    held(outsider, person(outsider, title="Engineer"))
    progress = goal_progress(goal(owner, role_keywords="engineer"), today=DURING)
    assert (progress.counted, progress.pipeline) == ([], [])


# --- stages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("stage", [Stage.HELD, Stage.THANKED, Stage.CLOSED])
def test_a_held_thanked_or_closed_interview_counts(owner: User, stage: str) -> None:
    interview = held(owner, stage=stage)
    assert counted_ids(goal_progress(goal(owner), today=DURING)) == [interview.pk]


@pytest.mark.parametrize("stage", [Stage.IDEA, Stage.RESEARCHING, Stage.REQUESTED, Stage.SCHEDULED])
def test_an_interview_not_yet_held_is_in_the_pipeline(owner: User, stage: str) -> None:
    interview = InterviewFactory(owner=owner, person=person(owner), stage=stage)
    progress = goal_progress(goal(owner), today=DURING)
    assert (counted_ids(progress), pipeline_ids(progress)) == ([], [interview.pk])


@pytest.mark.parametrize("stage", [Stage.DECLINED, Stage.NO_RESPONSE, Stage.CANCELLED])
def test_an_interview_that_left_the_road_is_neither_counted_nor_pipeline(
    owner: User, stage: str
) -> None:
    held(owner, stage=stage)
    progress = goal_progress(goal(owner), today=DURING)
    assert (progress.counted, progress.pipeline) == ([], [])


def test_the_pipeline_lists_the_furthest_along_first(owner: User) -> None:
    idea = InterviewFactory(owner=owner, person=person(owner, name="Ann"), stage=Stage.IDEA)
    scheduled = InterviewFactory(
        owner=owner, person=person(owner, name="Zoe"), stage=Stage.SCHEDULED
    )
    requested = InterviewFactory(
        owner=owner, person=person(owner, name="Bea"), stage=Stage.REQUESTED
    )
    progress = goal_progress(goal(owner), today=DURING)
    assert pipeline_ids(progress) == [scheduled.pk, requested.pk, idea.pk]


def test_the_pipeline_ignores_the_window(owner: User) -> None:
    interview = InterviewFactory(owner=owner, person=person(owner), stage=Stage.SCHEDULED)
    progress = goal_progress(goal(owner), today=date(2026, 6, 1))
    assert pipeline_ids(progress) == [interview.pk]


def test_the_latest_held_activity_dates_the_conversation(owner: User) -> None:
    interview = held(owner, at=datetime(2027, 1, 2, 12, tzinfo=UTC))  # before the window
    ActivityFactory(
        owner=owner, interview=interview, kind=ActivityKind.HELD, at=HELD_AT
    )  # held again, for real, inside it
    progress = goal_progress(goal(owner), today=DURING)
    assert [item.held_on for item in progress.counted] == [date(2027, 1, 12)]


def test_without_a_held_activity_the_stage_change_dates_it(owner: User) -> None:
    interview = InterviewFactory(owner=owner, person=person(owner), stage=Stage.THANKED)
    Interview.objects.filter(pk=interview.pk).update(stage_changed_at=HELD_AT)
    progress = goal_progress(goal(owner), today=DURING)
    assert [(item.interview.pk, item.held_on) for item in progress.counted] == [
        (interview.pk, date(2027, 1, 12))
    ]


def test_counted_interviews_are_in_the_order_held(owner: User) -> None:
    later = held(owner, at=datetime(2027, 1, 18, 12, tzinfo=UTC))
    earlier = held(owner, at=datetime(2027, 1, 11, 12, tzinfo=UTC))
    assert counted_ids(goal_progress(goal(owner), today=DURING)) == [earlier.pk, later.pk]


# --- the window, in the user's time zone (Toronto: UTC-5 in January) ----------------------------


@pytest.fixture
def toronto(owner: User) -> User:
    set_zone(owner, "America/Toronto")
    return owner


@pytest.mark.parametrize(
    ("at", "counts"),
    [
        (datetime(2027, 1, 10, 4, 59, tzinfo=UTC), False),  # 9 Jan, 23:59 in Toronto
        (datetime(2027, 1, 10, 5, 0, tzinfo=UTC), True),  # 10 Jan, 00:00: the first day
        (datetime(2027, 1, 21, 4, 59, tzinfo=UTC), True),  # 20 Jan, 23:59: the last day
        (datetime(2027, 1, 21, 5, 0, tzinfo=UTC), False),  # 21 Jan, 00:00: after it
    ],
)
def test_the_window_edges_are_days_in_the_users_time_zone(
    toronto: User, at: datetime, counts: bool
) -> None:
    held(toronto, at=at)
    assert goal_progress(goal(toronto), today=DURING).counted_count == (1 if counts else 0)


def test_the_held_day_is_reported_in_the_users_time_zone(toronto: User) -> None:
    held(toronto, at=datetime(2027, 1, 21, 3, 0, tzinfo=UTC))  # 20 Jan, 22:00 in Toronto
    progress = goal_progress(goal(toronto), today=DURING)
    assert [item.held_on for item in progress.counted] == [date(2027, 1, 20)]


def test_the_stage_change_fallback_is_judged_in_the_users_time_zone(toronto: User) -> None:
    interview = InterviewFactory(owner=toronto, person=person(toronto), stage=Stage.CLOSED)
    # 10 Jan at 03:00 UTC is still 9 Jan in Toronto: before the window.
    at = datetime(2027, 1, 10, 3, 0, tzinfo=UTC)
    Interview.objects.filter(pk=interview.pk).update(stage_changed_at=at)
    assert goal_progress(goal(toronto), today=DURING).counted == []


def test_the_window_east_of_utc_starts_before_midnight_utc(owner: User) -> None:
    set_zone(owner, "Asia/Tokyo")  # UTC+9
    held(owner, at=datetime(2027, 1, 9, 15, 0, tzinfo=UTC))  # 10 Jan, 00:00 in Tokyo
    assert goal_progress(goal(owner), today=DURING).counted_count == 1


# --- the pace rule ------------------------------------------------------------------------------

TEN_DAYS = (date(2027, 1, 1), date(2027, 1, 11))


def test_before_the_start_the_goal_is_not_started() -> None:
    result = pace(10, 0, *TEN_DAYS, today=date(2026, 12, 31))
    assert (result.status, result.expected, result.label) == (
        PaceStatus.NOT_STARTED,
        0,
        "Not started",
    )


def test_on_the_first_day_nothing_is_expected_yet() -> None:
    result = pace(10, 0, *TEN_DAYS, today=date(2027, 1, 1))
    assert (result.status, result.expected) == (PaceStatus.ON_TRACK, 0)


def test_expected_grows_on_a_straight_line_from_start_to_due() -> None:
    assert pace(10, 0, *TEN_DAYS, today=date(2027, 1, 4)).expected == 3


def test_holding_the_expected_count_is_on_track() -> None:
    result = pace(10, 3, *TEN_DAYS, today=date(2027, 1, 4))
    assert (result.status, result.shortfall, result.label) == (PaceStatus.ON_TRACK, 0, "On track")


def test_fewer_than_expected_is_behind_by_the_difference() -> None:
    result = pace(10, 1, *TEN_DAYS, today=date(2027, 1, 4))
    assert (result.status, result.shortfall, result.label) == (
        PaceStatus.BEHIND,
        2,
        "Behind by 2",
    )


def test_on_track_compares_with_the_whole_part_of_expected() -> None:
    # 4 conversations over 3 days, 2 days in: 2.67 expected, so 2 held is on track.
    result = pace(4, 2, date(2027, 1, 1), date(2027, 1, 4), today=date(2027, 1, 3))
    assert (result.status, round(result.expected, 2)) == (PaceStatus.ON_TRACK, 2.67)


def test_on_the_due_date_a_shortfall_is_still_behind_not_missed() -> None:
    result = pace(10, 7, *TEN_DAYS, today=date(2027, 1, 11))
    assert (result.status, result.shortfall, result.expected) == (PaceStatus.BEHIND, 3, 10)


def test_after_the_due_date_a_shortfall_is_missed_by_the_difference() -> None:
    result = pace(10, 7, *TEN_DAYS, today=date(2027, 1, 12))
    assert (result.status, result.shortfall, result.label) == (
        PaceStatus.MISSED,
        3,
        "Missed by 3",
    )


def test_after_the_due_date_expected_stays_at_the_target() -> None:
    assert pace(10, 7, *TEN_DAYS, today=date(2027, 3, 1)).expected == 10


def test_after_the_due_date_reaching_the_target_is_met() -> None:
    result = pace(10, 10, *TEN_DAYS, today=date(2027, 1, 12))
    assert (result.status, result.label) == (PaceStatus.MET, "Met")


def test_reaching_the_target_early_is_met() -> None:
    assert pace(3, 3, *TEN_DAYS, today=date(2027, 1, 2)).status is PaceStatus.MET


# --- progress: numbers and sentence -------------------------------------------------------------


def test_progress_numbers_on_a_known_day(owner: User) -> None:
    held(owner)
    InterviewFactory(owner=owner, person=person(owner), stage=Stage.REQUESTED)
    progress = goal_progress(goal(owner, target_count=4), today=DURING)  # day 5 of 10
    assert (progress.counted_count, len(progress.pipeline), progress.percent) == (1, 1, 25)
    assert (progress.expected, progress.status) == (2, PaceStatus.BEHIND)
    assert progress.sentence == (
        "Behind by 1: 1 of 4 conversations held, 2 expected by today; 5 days left. "
        "1 in the pipeline."
    )


def test_the_sentence_on_track_shows_a_fraction_of_expected(owner: User) -> None:
    held(owner)
    progress = goal_progress(goal(owner, target_count=3), today=DURING)
    assert progress.sentence == (
        "On track: 1 of 3 conversations held, 1.5 expected by today; 5 days left."
    )


def test_the_sentence_on_the_last_day(owner: User) -> None:
    held(owner)
    progress = goal_progress(goal(owner, target_count=1), today=DUE)
    assert progress.sentence == "Met: 1 of 1 conversation held."


def test_the_sentence_before_the_start(owner: User) -> None:
    progress = goal_progress(goal(owner, target_count=10), today=date(2027, 1, 1))
    assert progress.sentence == "Starts on 10 January 2027: 10 conversations by 20 January 2027."


def test_the_sentence_when_missed(owner: User) -> None:
    held(owner)
    progress = goal_progress(goal(owner, target_count=4), today=date(2027, 2, 1))
    assert progress.sentence == "Missed by 3: 1 of 4 conversations held by 20 January 2027."


def test_percent_stops_at_100_when_the_target_is_passed(owner: User) -> None:
    for _ in range(3):
        held(owner)
    progress = goal_progress(goal(owner, target_count=2), today=DURING)
    assert (progress.counted_count, progress.percent) == (3, 100)


def test_today_defaults_to_the_users_date(owner: User) -> None:
    set_zone(owner, "Pacific/Kiritimati")  # UTC+14: often a day ahead of UTC
    expected = timezone.now().astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    assert goal_progress(goal(owner)).today == expected


# --- the summary --------------------------------------------------------------------------------


def test_the_summary_lists_the_users_goals_by_due_date(owner: User, outsider: User) -> None:
    later = goal(owner, title="Later", due_date=date(2027, 3, 1))
    sooner = goal(owner, title="Sooner")
    goal(outsider, title="Not mine")
    summary = goals_summary(owner, today=DURING)
    assert [progress.goal.pk for progress in summary] == [sooner.pk, later.pk]


def test_the_summary_counts_each_goal_with_its_own_criteria(owner: User) -> None:
    held(owner, person(owner, title="Engineer"))
    held(owner, person(owner, title="Designer"))
    goal(owner, title="Engineers", role_keywords="engineer")
    goal(owner, title="Everyone")
    summary = goals_summary(owner, today=DURING)
    assert [(p.goal.title, p.counted_count) for p in summary] == [("Engineers", 1), ("Everyone", 2)]


def test_the_summary_of_a_user_without_goals_is_empty(owner: User) -> None:
    held(owner)
    assert goals_summary(owner, today=DURING) == []


def _summary_queries(user: User) -> int:
    user = User.objects.get(pk=user.pk)  # nothing cached from earlier calls
    with CaptureQueriesContext(connection) as queries:
        goals_summary(user, today=DURING)
    return len(queries)


def test_the_summary_takes_the_same_queries_for_1_or_50_goals_and_300_interviews(
    owner: User, outsider: User
) -> None:
    goal(owner)
    held(owner, person(owner, title="Engineer"))
    few = _summary_queries(owner)
    tagged = person(owner, title="Engineer")
    set_tags(tagged, ["alumni"])
    for index in range(49):
        goal(owner, title=f"Goal {index}", role_keywords="engineer", tags=["alumni"])
    for index in range(299):
        stage = Stage.HELD if index % 2 else Stage.SCHEDULED
        who = tagged if index % 3 == 0 else person(owner, title="Engineer")
        InterviewFactory(owner=owner, person=who, stage=stage)
    many = _summary_queries(owner)
    # goals, profile, interviews, their people's tags
    assert (few, many) == (4, 4)


# --- saving -------------------------------------------------------------------------------------


def test_saving_refuses_a_due_date_on_or_before_the_start(owner: User) -> None:
    draft = Goal(owner=owner, title="Ten", target_count=10, start_date=START, due_date=START)
    with pytest.raises(ValidationError) as raised:
        save_goal(draft)
    assert raised.value.message_dict == {
        "due_date": ["Must be after the start date (10 January 2027)."]
    }


def test_saving_tidies_keywords_and_tags(owner: User) -> None:
    draft = Goal(
        owner=owner,
        title="  Ten   engineers ",
        target_count=10,
        start_date=START,
        due_date=DUE,
        role_keywords=" engineer ,, developer,engineer",
        tags=[" alumni ", "", "alumni", "design"],
    )
    saved = save_goal(draft)
    assert (saved.title, saved.role_keywords, saved.tags) == (
        "Ten engineers",
        "engineer, developer",
        ["alumni", "design"],
    )
