"""Who else at this organization? The other people you know there, and where you are with them.

Shown wherever a person appears (their page, an interview, the prepare page, the printed brief):
someone else at the same place may give another view of it, or an introduction (P9, P22, P28).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery, Window

from coffeechat.interviews.models import Interview
from coffeechat.network.graph import NO_INTERVIEW, STAGE_LABELS
from coffeechat.people.models import Organization, Person


@dataclass(frozen=True)
class Colleague:
    id: int
    name: str
    title: str
    stage: str  # of their latest interview; NO_INTERVIEW when there is none

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)


@dataclass(frozen=True)
class Colleagues:
    organization: Organization | None
    people: list[Colleague] = field(default_factory=list)
    total: int = 0  # everyone else there, shown or not

    @property
    def more(self) -> int:
        return self.total - len(self.people)

    def __bool__(self) -> bool:
        return bool(self.people)


def colleagues_of(person: Person, limit: int = 10) -> Colleagues:
    """The owner's other people at ``person``'s organization, by name, with their latest stage.

    One query (none without an organization): the count of everyone there comes along as a
    window over the same rows, before the limit.
    """
    if person.organization_id is None:
        return Colleagues(None)
    latest_stage = (
        Interview.objects.filter(person=OuterRef("pk"))
        .order_by("-created_at", "-id")
        .values("stage")
    )
    rows = list(
        Person.objects.filter(owner_id=person.owner_id, organization_id=person.organization_id)
        .exclude(pk=person.pk)
        .annotate(stage=Subquery(latest_stage[:1]), total=Window(Count("pk")))
        .order_by("name", "id")
        .values_list("id", "name", "title", "stage", "total")[:limit]
    )
    people = [
        Colleague(pk, name, title, stage or NO_INTERVIEW) for pk, name, title, stage, _ in rows
    ]
    return Colleagues(person.organization, people, rows[0][4] if rows else 0)
