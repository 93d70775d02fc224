"""What was learned, gathered across conversations (P22, P26, P27).

A debrief counts once something was written in it or the fit was scored: a conversation timed in
live mode and never debriefed has nothing to teach yet. Conversations are gathered by field (the
organization's industry), by role (the person's title) or by organization; a field or a role
typed with other capitals or spaces ("Product manager", " product  Manager") is the same group,
shown in its most common spelling. Everything is read in a fixed number of queries and grouped
here, because the grouping key (a case-folded, whitespace-collapsed text) has no portable SQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal, TypeVar

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from coffeechat.debrief.models import Debrief, Resource, Skill
from coffeechat.interviews.models import Activity, ActivityKind, Interview
from coffeechat.people.models import Organization, Person
from coffeechat.playbook.placeholders import fill_placeholders
from coffeechat.prep.models import PlanEntry
from coffeechat.prep.services import placeholder_values

Grouping = Literal["field", "role", "organization"]
GROUPINGS: dict[str, str] = {"field": "Field", "role": "Role", "organization": "Organization"}
UNSPECIFIED: dict[str, str] = {
    "field": "Unspecified field",
    "role": "Unspecified role",
    "organization": "No organization",
}
_PHRASES: dict[str, str] = {"field": "in", "role": "working as", "organization": "at"}
_WRITTEN_FIELDS = (
    "insights",
    "memorable",
    "next_step",
    "fit_line",
    "likes",
    "challenges",
    "entry_path",
)

T = TypeVar("T")


# ------------------------------------------------------------------------------ normalising


def tidy(text: str) -> str:
    """The text as shown: trimmed, inner runs of spaces and line breaks made one space."""
    return " ".join(text.split())


def grouping_key(text: str) -> str:
    """What two spellings of the same name share: "Product  Manager" and "product manager"."""
    return tidy(text).casefold()


def most_common_spelling(spellings: Iterable[str]) -> str:
    """The spelling used most often; a tie goes to the one that sorts first, so it is stable."""
    counts = Counter(tidy(spelling) for spelling in spellings)
    if not counts:
        return ""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def average_score(scores: Iterable[int]) -> Decimal | None:
    """The mean to one decimal, halves rounded up (4.25 → 4.3, as people round); None if none."""
    values = list(scores)
    if not values:
        return None
    mean = Decimal(sum(values)) / Decimal(len(values))
    return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def people_phrase(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


# ------------------------------------------------------------------------------ what was heard


@dataclass
class Mention:
    """A resource or a skill heard in one or more conversations, and from whom."""

    key: str
    label: str
    count: int
    people: list[Person]


def mentions(
    rows: Iterable[T], text: Callable[[T], str], who: Callable[[T], Person | None]
) -> list[Mention]:
    """Rows with the same name, case and spacing aside, made one mention; most heard first."""
    spellings: dict[str, list[str]] = defaultdict(list)
    people: dict[str, dict[int, Person]] = defaultdict(dict)
    for row in rows:
        key = grouping_key(text(row))
        spellings[key].append(text(row))
        person = who(row)
        if person is not None:
            people[key][person.pk] = person
    found = [
        Mention(
            key=key,
            label=most_common_spelling(names),
            count=len(names),
            people=sorted(people[key].values(), key=lambda p: (p.name.casefold(), p.pk)),
        )
        for key, names in spellings.items()
    ]
    return sorted(found, key=lambda m: (-m.count, m.label.casefold()))


def resources_heard(rows: QuerySet[Resource]) -> QuerySet[Resource]:
    """Only what a mention shows: hundreds of whole rows and people take far longer to read."""
    return rows.select_related("recommended_by").only(
        "title", "interview", "recommended_by", "recommended_by__name"
    )


def skills_heard(rows: QuerySet[Skill]) -> QuerySet[Skill]:
    return rows.select_related("mentioned_by").only(
        "name", "interview", "mentioned_by", "mentioned_by__name"
    )


def written() -> Q:
    """A debrief with something in it (any text, or the fit scored)."""
    condition = Q(fit_score__isnull=False)
    for name in _WRITTEN_FIELDS:
        condition |= ~Q(**{name: ""})
    return condition


def written_debriefs(user: User) -> QuerySet[Debrief]:
    """The user's debriefs with something written, newest conversation first."""
    return (
        Debrief.objects.filter(interview__owner=user)
        .filter(written())
        .select_related("interview__person__organization")
        .annotate(
            held_on=Coalesce("started_at", "interview__scheduled_start", "interview__created_at")
        )
        .order_by("-held_on", "-interview_id")
    )


def _group_text(debrief: Debrief, by: str) -> str:
    """The raw text a debrief is grouped under ('' when not known); organization: its id."""
    person = debrief.interview.person
    organization = person.organization
    if by == "role":
        return person.title
    if organization is None:
        return ""
    return str(organization.pk) if by == "organization" else organization.industry


# ------------------------------------------------------------------------------ groups


@dataclass
class Group:
    """The conversations of one field, role or organization, and what they taught."""

    key: str
    label: str
    heading: str
    debriefs: list[Debrief]
    people_count: int
    average_fit: Decimal | None
    fit_count: int
    resources: list[Mention] = field(default_factory=list)
    skills: list[Mention] = field(default_factory=list)
    organization: Organization | None = None

    @property
    def conversation_count(self) -> int:
        return len(self.debriefs)

    @property
    def fit_percent(self) -> int:
        """The average fit as a share of the best score (5), for a drawn bar."""
        return round(self.average_fit * 20) if self.average_fit is not None else 0


def _heading(by: str, label: str, people: int, specified: bool) -> str:
    if not specified:
        return f"{label}: what {people_phrase(people)} told you"
    return f"What {people_phrase(people)} {_PHRASES[by]} {label} told you"


def _make_group(by: str, key: str, debriefs: list[Debrief]) -> Group:
    texts = [_group_text(d, by) for d in debriefs]
    organization = debriefs[0].interview.person.organization if by == "organization" else None
    if not key:
        label = UNSPECIFIED[by]
    elif organization is not None:
        label = organization.name
    else:
        label = most_common_spelling(texts)
    people = len({d.interview.person_id for d in debriefs})
    scores = [d.fit_score for d in debriefs if d.fit_score is not None]
    return Group(
        key=key,
        label=label,
        heading=_heading(by, label, people, specified=bool(key)),
        debriefs=debriefs,
        people_count=people,
        average_fit=average_score(scores),
        fit_count=len(scores),
        organization=organization,
    )


def learned_by(user: User, by: Grouping) -> list[Group]:
    """Every written debrief of the user, grouped; the groups with most conversations first.

    Three queries whatever the numbers: the debriefs, then the resources and the skills noted in
    those conversations.
    """
    debriefs = written_debriefs(user)
    buckets: dict[str, list[Debrief]] = defaultdict(list)
    for debrief in debriefs:
        buckets[grouping_key(_group_text(debrief, by))].append(debrief)
    groups = [_make_group(by, key, items) for key, items in buckets.items()]
    group_of = {d.interview_id: g for g in groups for d in g.debriefs}
    conversations = debriefs.values("interview_id")
    resources = _by_group(
        resources_heard(Resource.objects.filter(owner=user, interview__in=conversations)),
        group_of,
    )
    skills = _by_group(
        skills_heard(Skill.objects.filter(owner=user, interview__in=conversations)), group_of
    )
    for group in groups:
        group.resources = mentions(
            resources[group.key], lambda r: r.title, lambda r: r.recommended_by
        )
        group.skills = mentions(skills[group.key], lambda s: s.name, lambda s: s.mentioned_by)
    # The unspecified group goes after the named ones with as many conversations.
    return sorted(groups, key=lambda g: (-g.conversation_count, not g.key, g.label.casefold()))


R = TypeVar("R", Resource, Skill)


def _by_group(rows: QuerySet[R], group_of: dict[int, Group]) -> dict[str, list[R]]:
    """Rows under the key of their conversation's group."""
    grouped: dict[str, list[R]] = defaultdict(list)
    for row in rows.order_by("id"):
        if row.interview_id in group_of:
            grouped[group_of[row.interview_id].key].append(row)
    return grouped


# ------------------------------------------------------------------------------ one organization


@dataclass
class Conversation:
    """One conversation with someone at the organization: its debrief and the live notes."""

    interview: Interview
    debrief: Debrief | None
    live_notes: list[tuple[str, str]]
    held_on: datetime | None


@dataclass
class OrganizationLearned:
    organization: Organization
    people: list[Person]
    conversations: list[Conversation]
    resources: list[Mention]
    skills: list[Mention]
    notes: list[Activity]


def _debrief_if_written(interview: Interview) -> Debrief | None:
    try:
        debrief = interview.debrief
    except Debrief.DoesNotExist:
        return None
    has_text = any(getattr(debrief, name) for name in _WRITTEN_FIELDS)
    return debrief if has_text or debrief.fit_score is not None else None


def _people_at(organization: Organization) -> list[Person]:
    latest = Interview.objects.filter(person=OuterRef("pk")).order_by("-created_at", "-id")
    return list(
        Person.objects.filter(owner_id=organization.owner_id, organization=organization)
        .annotate(latest_stage=Subquery(latest.values("stage")[:1]))
        .order_by("name", "id")
    )


def _conversations_at(organization: Organization) -> list[Conversation]:
    """Interviews there with a written debrief or notes taken live, newest first (2 queries)."""
    notes = PlanEntry.objects.filter(interview=OuterRef("pk")).exclude(notes="")
    debriefed = Debrief.objects.filter(pk=OuterRef("pk")).filter(written())
    interviews = list(
        Interview.objects.filter(owner_id=organization.owner_id, person__organization=organization)
        .filter(Exists(notes) | Exists(debriefed))
        .select_related("person__organization", "debrief")
        .annotate(held_on=Coalesce("debrief__started_at", "scheduled_start", "created_at"))
        .order_by("-held_on", "-id")
    )
    entries: dict[int, list[tuple[str, str]]] = defaultdict(list)
    by_id = {interview.pk: interview for interview in interviews}
    for entry in (
        PlanEntry.objects.filter(interview__in=list(by_id))
        .exclude(notes="")
        .select_related("question")
        .order_by("interview_id", "position", "id")
    ):
        interview = by_id[entry.interview_id]
        question = fill_placeholders(entry.question.text, placeholder_values(interview))
        entries[entry.interview_id].append((question, entry.notes))
    return [
        Conversation(
            interview=i,
            debrief=_debrief_if_written(i),
            live_notes=entries[i.pk],
            held_on=getattr(i, "held_on", None),
        )
        for i in interviews
    ]


def learned_about(organization: Organization) -> OrganizationLearned:
    """Everything learned about one organization and from whom (P26), in a fixed few queries."""
    owner_id = organization.owner_id
    resources = Resource.objects.filter(owner_id=owner_id).filter(
        Q(interview__person__organization=organization)
        | Q(recommended_by__organization=organization)
    )
    skills = Skill.objects.filter(owner_id=owner_id).filter(
        Q(interview__person__organization=organization) | Q(mentioned_by__organization=organization)
    )
    notes = (
        Activity.objects.filter(owner_id=owner_id, kind=ActivityKind.NOTE)
        .exclude(text="")
        .filter(
            Q(person__organization=organization) | Q(interview__person__organization=organization)
        )
        .select_related("person", "interview__person")
        .order_by("-at", "-id")
    )
    return OrganizationLearned(
        organization=organization,
        people=_people_at(organization),
        conversations=_conversations_at(organization),
        resources=mentions(
            resources_heard(resources), lambda r: r.title, lambda r: r.recommended_by
        ),
        skills=mentions(skills_heard(skills), lambda s: s.name, lambda s: s.mentioned_by),
        notes=list(notes),
    )
