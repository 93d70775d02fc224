"""What each kind of object puts in the index: its title, its text, its links.

One builder per source reads a batch of objects by id as plain values (a rebuild reads a hundred
thousand rows: model instances would cost more than the rest of the work), in a constant number of
queries per batch, so indexing one saved object and rebuilding a whole account share the code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from coffeechat.debrief.models import Debrief, Resource, ResourceKind
from coffeechat.interviews.models import Activity, ActivityKind, Interview
from coffeechat.people.models import Organization, Person
from coffeechat.playbook.placeholders import fill_placeholders
from coffeechat.prep.models import PlanEntry
from coffeechat.search.models import SearchEntry, Source
from coffeechat.search.text import indexed, joined

MAX_TITLE_LENGTH = 600


@dataclass(frozen=True)
class Document:
    """The content of one SearchEntry, as built from its source."""

    owner_id: int
    title: str
    body: str
    title_words: str
    body_words: str
    about_person_id: int | None = None
    about_interview_id: int | None = None
    dated: datetime | None = None

    def apply(self, entry: SearchEntry) -> None:
        for name in FIELDS:
            setattr(entry, name, getattr(self, name))

    def same_as(self, entry: SearchEntry) -> bool:
        return all(getattr(entry, name) == getattr(self, name) for name in FIELDS)


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Document))
assert FIELDS[-1] == "dated"  # written last, as a time, by index._insert
Built = Iterator[tuple[int, Document]]


def _document(
    owner_id: int, title: str, body_parts: Sequence[str], *, index_title: bool = True, **links: Any
) -> Document:
    body = joined(body_parts)
    title = title[:MAX_TITLE_LENGTH]
    return Document(
        owner_id=owner_id,
        title=title,
        body=body,
        title_words=indexed(title) if index_title else "",
        body_words=indexed(body),
        **links,
    )


def _people(ids: list[int]) -> Built:
    tags: dict[int, list[str]] = defaultdict(list)
    through = Person.tags.through.objects.filter(person_id__in=ids).order_by("tag__name")
    for person_id, name in through.values_list("person_id", "tag__name"):
        tags[person_id].append(f"#{name}")
    rows = (
        Person.objects.filter(pk__in=ids)
        .order_by()
        .values_list(
            "pk",
            "owner_id",
            "name",
            "title",
            "organization__name",
            "location",
            "what_they_do",
            "what_they_have_done",
            "relationship_context",
            "emails",
        )
    )
    for pk, owner_id, name, *parts, emails in rows:
        addresses = " ".join(str(email) for email in emails or [])
        yield pk, _document(owner_id, name, [*parts, addresses, " ".join(tags[pk])])


def _organizations(ids: list[int]) -> Built:
    rows = (
        Organization.objects.filter(pk__in=ids)
        .order_by()
        .values_list("pk", "owner_id", "name", "industry", "location", "website", "research_notes")
    )
    for pk, owner_id, name, *parts in rows:
        yield pk, _document(owner_id, name, parts)


def _interviews(ids: list[int]) -> Built:
    # The research of its preparation is part of the conversation's entry.
    rows = (
        Interview.objects.filter(pk__in=ids)
        .order_by()
        .values_list(
            "pk",
            "owner_id",
            "topic",
            "person_id",
            "scheduled_start",
            "outcome_notes",
            "preparation__why_them",
            "preparation__already_public",
            "preparation__objectives",
        )
    )
    for pk, owner_id, topic, person_id, start, *parts in rows:
        yield (
            pk,
            _document(
                owner_id,
                topic,
                [part or "" for part in parts],
                about_person_id=person_id,
                about_interview_id=pk,
                dated=start,
            ),
        )


_ACTIVITY_LABELS = dict(ActivityKind.choices)


def _activities(ids: list[int]) -> Built:
    rows = (
        Activity.objects.filter(pk__in=ids)
        .exclude(text="")
        .order_by()
        .values_list("pk", "owner_id", "kind", "text", "person_id", "interview_id", "at")
    )
    for pk, owner_id, kind, text, person_id, interview_id, at in rows:
        yield (
            pk,
            _document(
                owner_id,
                _ACTIVITY_LABELS.get(kind, kind),
                [text],
                index_title=False,  # "Note" or "Reply received" would match every note
                about_person_id=person_id,
                about_interview_id=interview_id,
                dated=at,
            ),
        )


def _plan_entries(ids: list[int]) -> Built:
    rows = (
        PlanEntry.objects.filter(pk__in=ids)
        .exclude(notes="")
        .order_by()
        .values_list(
            "pk",
            "interview__owner_id",
            "question__text",
            "notes",
            "interview_id",
            "notes_updated_at",
        )
    )
    for pk, owner_id, question, notes, interview_id, at in rows:
        # The question with the neutral wording of its placeholders: filled with the person's
        # organization, the title would go stale when they move.
        title = fill_placeholders(question, {})
        yield pk, _document(owner_id, title, [notes], about_interview_id=interview_id, dated=at)


def _debriefs(ids: list[int]) -> Built:
    rows = (
        Debrief.objects.filter(pk__in=ids)
        .order_by()
        .values_list(
            "pk",
            "interview__owner_id",
            "started_at",
            "insights",
            "memorable",
            "next_step",
            "fit_line",
            "likes",
            "challenges",
            "entry_path",
        )
    )
    for pk, owner_id, started_at, *parts in rows:
        document = _document(
            owner_id,
            "Debrief",
            parts,
            index_title=False,
            about_interview_id=pk,
            dated=started_at,
        )
        if document.body:
            yield pk, document


_RESOURCE_LABELS = dict(ResourceKind.choices)


def _resources(ids: list[int]) -> Built:
    rows = (
        Resource.objects.filter(pk__in=ids)
        .order_by()
        .values_list(
            "pk",
            "owner_id",
            "title",
            "kind",
            "url",
            "notes",
            "recommended_by_id",
            "interview_id",
            "created_at",
        )
    )
    for pk, owner_id, title, kind, url, notes, person_id, interview_id, created in rows:
        yield (
            pk,
            _document(
                owner_id,
                title,
                [_RESOURCE_LABELS.get(kind, kind), url, notes],
                about_person_id=person_id,
                about_interview_id=interview_id,
                dated=created,
            ),
        )


BUILDERS: dict[str, Callable[[list[int]], Built]] = {
    Source.PERSON: _people,
    Source.ORGANIZATION: _organizations,
    Source.INTERVIEW: _interviews,
    Source.ACTIVITY: _activities,
    Source.PLAN_ENTRY: _plan_entries,
    Source.DEBRIEF: _debriefs,
    Source.RESOURCE: _resources,
}

SOURCE_MODELS: dict[str, type[Any]] = {
    Source.PERSON: Person,
    Source.ORGANIZATION: Organization,
    Source.INTERVIEW: Interview,
    Source.ACTIVITY: Activity,
    Source.PLAN_ENTRY: PlanEntry,
    Source.DEBRIEF: Debrief,
    Source.RESOURCE: Resource,
}
SOURCE_OF_MODEL: dict[type[Any], str] = {model: source for source, model in SOURCE_MODELS.items()}
# Debriefs and plan entries belong to a user through their interview.
_OWNER_PATHS: dict[str, str] = {
    Source.PLAN_ENTRY: "interview__owner",
    Source.DEBRIEF: "interview__owner",
}
# Rows without text have nothing to find: not even listed.
_WORTH_INDEXING: dict[str, Q] = {Source.ACTIVITY: ~Q(text=""), Source.PLAN_ENTRY: ~Q(notes="")}


def source_ids(source: str, owner: User | None = None) -> QuerySet[Any, int]:
    """The ids of the objects of a source worth indexing: one owner's, or everyone's."""
    objects = SOURCE_MODELS[source].objects.filter(_WORTH_INDEXING.get(source, Q()))
    if owner is not None:
        objects = objects.filter(**{_OWNER_PATHS.get(source, "owner"): owner})
    ids: QuerySet[Any, int] = objects.order_by("pk").values_list("pk", flat=True)
    return ids
