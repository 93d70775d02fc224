"""Every save of something searchable updates its entry in the same transaction.

Connected in ``SearchConfig.ready``. Deletions cascade from the source objects (see models.py);
the only deletion that changes other entries is an organization's, whose name was in the entries
of its people.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from coffeechat.debrief.models import Debrief, Resource
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person
from coffeechat.prep.models import PlanEntry, Preparation, Question
from coffeechat.search.index import sync
from coffeechat.search.models import SearchEntry, Source

_SOURCES: dict[type[Any], Source] = {
    Person: Source.PERSON,
    Interview: Source.INTERVIEW,
    Activity: Source.ACTIVITY,
    PlanEntry: Source.PLAN_ENTRY,
    Debrief: Source.DEBRIEF,
    Resource: Source.RESOURCE,
}
_UID = "coffeechat.search"


def _saved(sender: type[Any], instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:  # a fixture being loaded: `reindex` afterwards
        sync(_SOURCES[sender], [instance.pk])


def _preparation_saved(instance: Preparation, raw: bool = False, **kwargs: Any) -> None:
    # The research fields are part of the interview's entry.
    if not raw:
        sync(Source.INTERVIEW, [instance.pk])


def _question_saved(instance: Question, raw: bool = False, **kwargs: Any) -> None:
    # A live note is titled by its question.
    if not raw:
        entries = PlanEntry.objects.filter(question=instance).exclude(notes="")
        sync(Source.PLAN_ENTRY, entries.values_list("pk", flat=True))


def _people_at(organization: Organization) -> list[int]:
    return list(Person.objects.filter(organization=organization).values_list("pk", flat=True))


def _organization_saved(
    instance: Organization, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if raw:
        return
    before = SearchEntry.objects.filter(organization=instance).values_list("title", flat=True)
    renamed = not created and list(before) != [instance.name]
    sync(Source.ORGANIZATION, [instance.pk])
    if renamed:  # its people are found by its name
        sync(Source.PERSON, _people_at(instance))


def _organization_deleting(instance: Organization, **kwargs: Any) -> None:
    instance._search_people = _people_at(instance)  # type: ignore[attr-defined]


def _organization_deleted(instance: Organization, **kwargs: Any) -> None:
    # Its people may be deleted in the same go (a whole account): update, never re-add.
    sync(Source.PERSON, getattr(instance, "_search_people", []), create=False)


def _tags_changed(
    instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if action == "pre_clear" and reverse:
        instance._search_people = list(instance.people.values_list("pk", flat=True))
    elif action in {"post_add", "post_remove", "post_clear"}:
        if not reverse:
            sync(Source.PERSON, [instance.pk])
        elif action == "post_clear":
            sync(Source.PERSON, getattr(instance, "_search_people", []))
        else:
            sync(Source.PERSON, pk_set or [])


def connect() -> None:
    for model in _SOURCES:
        post_save.connect(_saved, sender=model, dispatch_uid=f"{_UID}.{model.__name__}")
    post_save.connect(_preparation_saved, sender=Preparation, dispatch_uid=f"{_UID}.preparation")
    post_save.connect(_question_saved, sender=Question, dispatch_uid=f"{_UID}.question")
    post_save.connect(_organization_saved, sender=Organization, dispatch_uid=f"{_UID}.org")
    pre_delete.connect(_organization_deleting, sender=Organization, dispatch_uid=f"{_UID}.org")
    post_delete.connect(_organization_deleted, sender=Organization, dispatch_uid=f"{_UID}.org")
    m2m_changed.connect(_tags_changed, sender=Person.tags.through, dispatch_uid=f"{_UID}.tags")
