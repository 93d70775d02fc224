"""The resources library (P22) and the skills map of a career changer (P27).

The same book recommended by three people is one entry with three recommenders: rows are grouped
by their title case-folded with spaces collapsed, and ticking it off as read or joined ticks every
row of that title. Skills are grouped the same way by name; their status (have it already,
learning it, a gap) is the user's own view and is changed for every row of the name at once.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404

from coffeechat.debrief.models import Resource, ResourceKind, Skill, SkillStatus
from coffeechat.insights.learned import (
    UNSPECIFIED,
    grouping_key,
    most_common_spelling,
    tidy,
)
from coffeechat.people.models import Person

# ------------------------------------------------------------------------------ resources


def get_resource(user: User, pk: int) -> Resource:
    """The user's resource, or 404: another user's id looks exactly like a missing one."""
    return get_object_or_404(Resource, pk=pk, owner=user)


_DONE_WORDS: dict[str, str] = {
    ResourceKind.ASSOCIATION: "joined",
    ResourceKind.COURSE: "taken",
    ResourceKind.EVENT: "attended",
}


def resource_anchor(key: str) -> str:
    """The entry's id on the page: the same whatever its state, filters or spelling."""
    return "resource-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def has_resources(user: User) -> bool:
    return Resource.objects.filter(owner=user).exists()


@dataclass
class RecommendedResource:
    """Every recommendation of one title."""

    key: str
    title: str
    kind: str
    kind_label: str
    url: str
    count: int
    people: list[Person]
    notes: list[str]
    done: bool
    # The row a "mark as done/not done" form posts: one whose state is the entry's state, so
    # toggling it moves the whole entry to the other state.
    representative: int

    @property
    def anchor(self) -> str:
        return resource_anchor(self.key)

    @property
    def done_word(self) -> str:
        """What doing it means for this kind: a book is read, an association joined."""
        return _DONE_WORDS.get(self.kind, "read")


def _kind_of(rows: list[Resource]) -> str:
    counts = Counter(row.kind for row in rows)
    order = list(ResourceKind.values)
    return min(counts, key=lambda kind: (-counts[kind], order.index(kind)))


def _entry(key: str, rows: list[Resource]) -> RecommendedResource:
    kind = _kind_of(rows)
    people = {row.recommended_by.pk: row.recommended_by for row in rows if row.recommended_by}
    done = all(row.done for row in rows)
    urls = Counter(row.url for row in rows if row.url)
    return RecommendedResource(
        key=key,
        title=most_common_spelling(row.title for row in rows),
        kind=kind,
        kind_label=str(ResourceKind(kind).label),
        url=min(urls, key=lambda url: (-urls[url], url)) if urls else "",
        count=len(rows),
        people=sorted(people.values(), key=lambda p: (p.name.casefold(), p.pk)),
        notes=list(dict.fromkeys(tidy(row.notes) for row in rows if row.notes.strip())),
        done=done,
        representative=next(row.pk for row in rows if row.done == done),
    )


def resource_library(
    user: User, *, kind: str = "", not_done_only: bool = False, key: str | None = None
) -> list[RecommendedResource]:
    """The user's resources, one entry per title, most recommended first (one query).

    ``kind`` keeps the recommendations of that kind; ``not_done_only`` the entries not yet read
    or joined; ``key`` the one entry of that normalised title.
    """
    rows = Resource.objects.filter(owner=user).select_related("recommended_by").order_by("id")
    if kind:
        rows = rows.filter(kind=kind)
    grouped: dict[str, list[Resource]] = defaultdict(list)
    for row in rows:
        grouped[grouping_key(row.title)].append(row)
    entries = [_entry(k, items) for k, items in grouped.items() if key is None or k == key]
    if not_done_only:
        entries = [entry for entry in entries if not entry.done]
    return sorted(entries, key=lambda e: (-e.count, e.title.casefold()))


@transaction.atomic
def set_resource_done(resource: Resource, done: bool | None = None) -> bool:
    """Mark every recommendation of the resource's title read/joined, or not; returns the state.

    ``done=None`` toggles the state of the given row; a form that says which state it wants is
    safe to send twice.
    """
    state = (not resource.done) if done is None else done
    key = grouping_key(resource.title)
    same = [
        pk
        for pk, title in Resource.objects.filter(owner_id=resource.owner_id).values_list(
            "pk", "title"
        )
        if grouping_key(title) == key
    ]
    Resource.objects.filter(owner_id=resource.owner_id, pk__in=same).update(done=state)
    return state


# ------------------------------------------------------------------------------ skills


STATUS_ORDER: tuple[str, ...] = (SkillStatus.HAVE, SkillStatus.LEARNING, SkillStatus.TO_LEARN)
UNSPECIFIED_FIELD_KEY = "~unspecified"


@dataclass
class HeardSkill:
    key: str
    name: str
    status: str
    status_label: str
    count: int
    people: list[Person]
    # The bar's length: mentions as a share of the most mentioned skill on the map.
    percent: int = 0


@dataclass
class SkillShelf:
    """The skills of one status: have, learning or gap."""

    status: str
    label: str
    skills: list[HeardSkill]

    @property
    def mentions(self) -> int:
        return sum(skill.count for skill in self.skills)


@dataclass
class SkillsMap:
    shelves: list[SkillShelf]
    fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def skill_count(self) -> int:
        return sum(len(shelf.skills) for shelf in self.shelves)

    @property
    def mention_count(self) -> int:
        return sum(shelf.mentions for shelf in self.shelves)


def _field_of(skill: Skill) -> str:
    """The industry of the organization where it was heard ('' when not known)."""
    person = skill.interview.person if skill.interview else skill.mentioned_by
    organization = person.organization if person else None
    return organization.industry if organization else ""


def _field_key(text: str) -> str:
    return grouping_key(text) or UNSPECIFIED_FIELD_KEY


def _heard(key: str, rows: list[Skill]) -> HeardSkill:
    # The newest row says where the user stands now (the form keeps them all in step anyway).
    status = max(rows, key=lambda row: (row.created_at, row.pk)).status
    people = {row.mentioned_by.pk: row.mentioned_by for row in rows if row.mentioned_by}
    return HeardSkill(
        key=key,
        name=most_common_spelling(row.name for row in rows),
        status=status,
        status_label=str(SkillStatus(status).label),
        count=len(rows),
        people=sorted(people.values(), key=lambda p: (p.name.casefold(), p.pk)),
    )


def _fields(rows: list[Skill]) -> list[tuple[str, str]]:
    spellings: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        spellings[_field_key(_field_of(row))].append(_field_of(row))
    named = [
        (key, most_common_spelling(texts))
        for key, texts in spellings.items()
        if key != UNSPECIFIED_FIELD_KEY
    ]
    named.sort(key=lambda item: item[1].casefold())
    if UNSPECIFIED_FIELD_KEY in spellings:
        named.append((UNSPECIFIED_FIELD_KEY, UNSPECIFIED["field"]))
    return named


def skills_map(user: User, field_key: str = "") -> SkillsMap:
    """The skills heard as needed, by status, most mentioned first (one query).

    ``field_key`` (a key of ``SkillsMap.fields``) keeps the skills heard in that field.
    """
    rows = list(
        Skill.objects.filter(owner=user)
        .select_related("mentioned_by__organization", "interview__person__organization")
        .order_by("id")
    )
    fields = _fields(rows)
    if field_key:
        rows = [row for row in rows if _field_key(_field_of(row)) == field_key]
    grouped: dict[str, list[Skill]] = defaultdict(list)
    for row in rows:
        grouped[grouping_key(row.name)].append(row)
    heard = [_heard(key, items) for key, items in grouped.items()]
    most = max((skill.count for skill in heard), default=0)
    for skill in heard:
        skill.percent = round(100 * skill.count / most) if most else 0
    heard.sort(key=lambda s: (-s.count, s.name.casefold()))
    shelves = [
        SkillShelf(
            status=status,
            label=str(SkillStatus(status).label),
            skills=[skill for skill in heard if skill.status == status],
        )
        for status in STATUS_ORDER
    ]
    return SkillsMap(shelves=shelves, fields=fields)


@transaction.atomic
def set_skill_status(user: User, name: str, status: str) -> int:
    """Set the status of every one of the user's skills called ``name`` (case aside).

    Returns how many rows were updated; a bad input raises a ValidationError naming its field,
    and nothing is changed.
    """
    if status not in SkillStatus.values:
        choices = ", ".join(str(label) for label in SkillStatus.labels)
        shown = tidy(status)[:40]
        raise ValidationError({"status": f"Choose one of {choices}; “{shown}” is not one."})
    key = grouping_key(name)
    if not key:
        raise ValidationError({"name": "Say which skill to change."})
    same = [
        pk
        for pk, skill_name in Skill.objects.filter(owner=user).values_list("pk", "name")
        if grouping_key(skill_name) == key
    ]
    if not same:
        raise ValidationError({"name": f"There is no skill called “{tidy(name)}” on your map."})
    return Skill.objects.filter(owner=user, pk__in=same).update(status=status)
