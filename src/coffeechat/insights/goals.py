"""Series goals (P5 "plan a series, not one meeting"): which conversations count, and the pace.

An interview counts toward a goal when its person matches every criterion the goal sets and the
conversation was held inside the goal's window (dates in the user's time zone). Matching happens in
Python over the user's candidate interviews, fetched once: the dashboard shows every goal for the
same few queries, however many goals and interviews there are.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, QuerySet, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffeechat.accounts.services import user_zone
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.people.models import Person
from coffeechat.people.services import normalize_tags

# The conversation happened at these stages; the earlier ones are the pipeline toward it.
HELD_STAGES: tuple[Stage, ...] = (Stage.HELD, Stage.THANKED, Stage.CLOSED)
PIPELINE_STAGES: tuple[Stage, ...] = (
    Stage.IDEA,
    Stage.RESEARCHING,
    Stage.REQUESTED,
    Stage.SCHEDULED,
)
MIN_TARGET = 1
MAX_TARGET = 500


# ------------------------------------------------------------------------------ the pace rule


class PaceStatus(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    MET = "met"
    MISSED = "missed"


@dataclass(frozen=True)
class Pace:
    status: PaceStatus
    expected: float  # conversations expected by today on a straight line from start to due
    shortfall: int  # N in "behind by N" / "missed by N"; 0 otherwise

    @property
    def label(self) -> str:
        """``On track``, ``Behind by 2``, …: the status as a short phrase."""
        if self.status is PaceStatus.BEHIND:
            return f"Behind by {self.shortfall}"
        if self.status is PaceStatus.MISSED:
            return f"Missed by {self.shortfall}"
        return {
            PaceStatus.NOT_STARTED: "Not started",
            PaceStatus.ON_TRACK: "On track",
            PaceStatus.MET: "Met",
        }[self.status]


def pace(target: int, counted: int, start: date, due: date, today: date) -> Pace:
    """Where a series stands on ``today``: the straight line from (start, 0) to (due, target).

    Reaching the target is "met" at once, even before the due date: nothing is left to do.
    """
    total_days = max((due - start).days, 1)
    elapsed = min(max((today - start).days, 0), total_days)
    expected = target * elapsed / total_days
    # Integer division, so 10 × 3 / 10 is exactly 3 (a float could land on 2.999…).
    expected_whole = target * elapsed // total_days
    if today < start:
        return Pace(PaceStatus.NOT_STARTED, expected, 0)
    if counted >= target:
        return Pace(PaceStatus.MET, expected, 0)
    if today > due:
        return Pace(PaceStatus.MISSED, expected, target - counted)
    if counted >= expected_whole:
        return Pace(PaceStatus.ON_TRACK, expected, 0)
    return Pace(PaceStatus.BEHIND, expected, expected_whole - counted)


# ------------------------------------------------------------------------------ criteria


def split_words(text: str) -> list[str]:
    """Comma-separated words, trimmed, blanks and repeats dropped, in the order typed."""
    return normalize_tags(text.split(","))


@dataclass(frozen=True)
class Criteria:
    """A goal's filter, folded once for case-insensitive matching; a blank criterion is unset."""

    keywords: tuple[str, ...]
    industry: str
    location: str
    tags: frozenset[str]

    @classmethod
    def of(cls, goal: Goal) -> Criteria:
        return cls(
            keywords=tuple(word.casefold() for word in split_words(goal.role_keywords)),
            industry=goal.industry.strip().casefold(),
            location=goal.location.strip().casefold(),
            tags=frozenset(name.casefold() for name in goal.tags if name.strip()),
        )

    def matches(self, person: Person, tag_names: frozenset[str]) -> bool:
        """``tag_names``: the person's tags, casefolded (computed once per person by the caller)."""
        organization = person.organization
        if self.keywords:
            title = person.title.casefold()
            if not any(word in title for word in self.keywords):
                return False
        if self.industry and (
            organization is None or self.industry not in organization.industry.casefold()
        ):
            return False
        if self.location:
            places = [person.location, organization.location if organization else ""]
            if not any(self.location in place.casefold() for place in places):
                return False
        return self.tags <= tag_names


# ------------------------------------------------------------------------------ progress


@dataclass(frozen=True)
class HeldInterview:
    interview: Interview
    held_on: date  # in the user's time zone


@dataclass(frozen=True)
class GoalProgress:
    goal: Goal
    today: date
    counted: list[HeldInterview]  # in the order they were held
    pipeline: list[Interview]  # the furthest along first
    pace: Pace

    @property
    def target(self) -> int:
        return self.goal.target_count

    @property
    def counted_count(self) -> int:
        return len(self.counted)

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.counted_count / self.target))

    @property
    def expected(self) -> float:
        return self.pace.expected

    @property
    def status(self) -> PaceStatus:
        return self.pace.status

    @property
    def expected_text(self) -> str:
        """The expected count for reading: ``3``, ``3.3``."""
        return f"{self.pace.expected:.1f}".removesuffix(".0")

    @property
    def label(self) -> str:
        return self.pace.label

    @property
    def sentence(self) -> str:
        return progress_sentence(self)


def long_day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def conversations(count: int) -> str:
    return f"{count} conversation{'' if count == 1 else 's'}"


def progress_sentence(progress: GoalProgress) -> str:
    """One sentence saying where the series stands, with the numbers it is judged on."""
    goal, pace_now, held = progress.goal, progress.pace, progress.counted_count
    of_target = f"{held} of {conversations(goal.target_count)} held"
    in_pipeline = len(progress.pipeline)
    pipeline = f" {in_pipeline} in the pipeline." if in_pipeline else ""
    if pace_now.status is PaceStatus.NOT_STARTED:
        return (
            f"Starts on {long_day(goal.start_date)}: {conversations(goal.target_count)} "
            f"by {long_day(goal.due_date)}.{pipeline}"
        )
    if pace_now.status is PaceStatus.MET:
        return f"Met: {of_target}."
    if pace_now.status is PaceStatus.MISSED:
        return f"Missed by {pace_now.shortfall}: {of_target} by {long_day(goal.due_date)}."
    days_left = (goal.due_date - progress.today).days
    left = "the last day" if days_left == 0 else f"{days_left} day{'s' * (days_left != 1)} left"
    expected = f"{progress.expected_text} expected by today"
    return f"{pace_now.label}: {of_target}, {expected}; {left}.{pipeline}"


def today_for(user: User) -> date:
    """Today's date where the user is (not where the server or the active zone is)."""
    return timezone.now().astimezone(user_zone(user)).date()


def candidate_interviews(user: User) -> QuerySet[Interview]:
    """The user's interviews that can count or lead to a goal, with what matching reads.

    ``held_at`` is the latest ``held`` activity's time (the conversation may have been moved
    back and held again).
    """
    held_at = (
        Activity.objects.filter(interview=OuterRef("pk"), kind=ActivityKind.HELD)
        .order_by("-at", "-id")
        .values("at")[:1]
    )
    return (
        Interview.objects.filter(owner=user, stage__in=[*HELD_STAGES, *PIPELINE_STAGES])
        .select_related("person", "person__organization")
        .prefetch_related("person__tags")
        .annotate(held_at=Subquery(held_at))
        .order_by("id")
    )


@dataclass(frozen=True)
class _Candidate:
    interview: Interview
    tag_names: frozenset[str]
    held_on: date | None  # None for the pipeline stages


def _candidates(interviews: Iterable[Interview], zone: zoneinfo.ZoneInfo) -> list[_Candidate]:
    found = []
    for interview in interviews:
        held_on = None
        if interview.stage in HELD_STAGES:
            # Held with no ``held`` activity (moved on by hand): the stage change says when.
            moment: datetime = getattr(interview, "held_at", None) or interview.stage_changed_at
            held_on = moment.astimezone(zone).date()
        tags = frozenset(tag.name.casefold() for tag in interview.person.tags.all())
        found.append(_Candidate(interview, tags, held_on))
    return found


_STAGE_ORDER = {stage.value: index for index, stage in enumerate(PIPELINE_STAGES)}


def _progress(goal: Goal, candidates: Sequence[_Candidate], today: date) -> GoalProgress:
    criteria = Criteria.of(goal)
    counted: list[HeldInterview] = []
    pipeline: list[Interview] = []
    for candidate in candidates:
        interview = candidate.interview
        if not criteria.matches(interview.person, candidate.tag_names):
            continue
        if candidate.held_on is None:
            pipeline.append(interview)
        elif goal.start_date <= candidate.held_on <= goal.due_date:
            counted.append(HeldInterview(interview, candidate.held_on))
    counted.sort(key=lambda held: (held.held_on, held.interview.pk))
    pipeline.sort(key=lambda i: (-_STAGE_ORDER[i.stage], i.person.name.casefold(), i.pk))
    return GoalProgress(
        goal=goal,
        today=today,
        counted=counted,
        pipeline=pipeline,
        pace=pace(goal.target_count, len(counted), goal.start_date, goal.due_date, today),
    )


def goals_of(user: User) -> QuerySet[Goal]:
    return Goal.objects.filter(owner=user)


def get_goal(user: User, pk: int) -> Goal:
    """The user's goal, or 404: another user's id looks exactly like a missing one."""
    goal = get_object_or_404(Goal, pk=pk, owner=user)
    goal.owner = user  # already loaded: reaching the owner again costs no query
    return goal


def goal_progress(goal: Goal, today: date | None = None) -> GoalProgress:
    """Where one goal stands on ``today`` (default: today in its owner's time zone)."""
    user = goal.owner
    zone = user_zone(user)
    today = today or timezone.now().astimezone(zone).date()
    return _progress(goal, _candidates(candidate_interviews(user), zone), today)


def goals_summary(user: User, today: date | None = None) -> list[GoalProgress]:
    """Every goal of the user with its progress, for the same few queries whatever the numbers."""
    goals = list(goals_of(user))
    if not goals:
        return []
    zone = user_zone(user)
    today = today or timezone.now().astimezone(zone).date()
    candidates = _candidates(candidate_interviews(user), zone)
    for goal in goals:
        goal.owner = user
    return [_progress(goal, candidates, today) for goal in goals]


# ------------------------------------------------------------------------------ saving


def save_goal(goal: Goal) -> Goal:
    """Tidy, validate and save a goal; raises ValidationError naming the field."""
    goal.title = " ".join(goal.title.split())
    goal.role_keywords = ", ".join(split_words(goal.role_keywords))
    goal.industry = " ".join(goal.industry.split())
    goal.location = " ".join(goal.location.split())
    goal.tags = normalize_tags(goal.tags) if isinstance(goal.tags, list) else []
    errors: dict[str, str] = {}
    try:
        goal.full_clean()
    except ValidationError as error:
        errors.update({name: " ".join(texts) for name, texts in error.message_dict.items()})
    if "start_date" not in errors and "due_date" not in errors:
        message = dates_error(goal.start_date, goal.due_date)
        if message:
            errors["due_date"] = message
    if errors:
        raise ValidationError(errors)
    goal.save()
    return goal


def dates_error(start: date, due: date) -> str:
    """Why a window is impossible ('' when it is fine): the due date comes after the start."""
    if due <= start:
        return f"Must be after the start date ({long_day(start)})."
    return ""
