"""The coffeechat JSON document: everything of one user, in a versioned schema.

``{"format": "coffeechat", "version": 1, "exported_at": …, "profile": {…}, "organizations": [...],
"tags": [...], "people": [...], "questions": [...], "bank_removed": [...], "interviews": [...],
"activities": [...], "tasks": [...], "pitches": [...], "resources": [...], "skills": [...],
"goals": [...]}``

Every object carries an ``id`` that is local to the document (1, 2, 3… in each list) and the
references between objects use it (``"organization": 2``, ``"referred_by": 5``). Interviews carry
their preparation, debrief and question plan. Questions are the user's own (no ``key``), the
built-in ones they edited or starred, and any a plan uses; ``bank_removed`` lists the built-in
questions they deleted. Times are ISO 8601 in UTC. Importing the document into an empty account
(``json_import``) and exporting again gives the same document, ``exported_at`` aside.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.debrief.models import Debrief, Resource, Skill
from coffeechat.followup.models import Task
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person, Tag
from coffeechat.playbook.question_bank import QUESTION_BANK
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question

FORMAT = "coffeechat"
VERSION = 1
PROFILE_FIELDS = ("time_zone", "digest", "about_me", "career_change")
# Fields never written into the document: the owner, keys, and secrets.
_LEFT_OUT = {"id", "owner", "interview", "user", "feed_secret", "question_bank_seeded"}


def data_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """The model's own values (no relations), in declaration order."""
    return [
        field
        for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key and field.name not in _LEFT_OUT
    ]


def auto_fields(model: type[models.Model]) -> list[str]:
    """Fields Django stamps itself on save (auto_now, auto_now_add): restored after creation."""
    return [
        field.name
        for field in data_fields(model)
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]


def to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, date):
        return value.isoformat()
    return value


def values_of(obj: models.Model) -> dict[str, Any]:
    return {field.name: to_json(getattr(obj, field.attname)) for field in data_fields(type(obj))}


class _Refs:
    """Document-local ids: 1, 2, 3… in export order, per kind of object."""

    def __init__(self, objects: Iterable[models.Model]) -> None:
        self.ids = {obj.pk: number for number, obj in enumerate(objects, start=1)}

    def __call__(self, pk: int | None) -> int | None:
        return self.ids.get(pk) if pk is not None else None


def _bank_defaults() -> dict[str, dict[str, Any]]:
    return {
        q.key: {
            "text": q.text,
            "category": q.category.value,
            "tiara": q.tiara.value,
            "phase": q.phase.value,
            "minutes": q.minutes,
            "fits_15": q.fits_15,
            "starred": False,
            "tags": [],
        }
        for q in QUESTION_BANK
    }


def _edited(question: Question, defaults: dict[str, dict[str, Any]]) -> bool:
    default = defaults.get(question.key)
    return default is None or any(getattr(question, k) != v for k, v in default.items())


def export_document(user: User, *, now: datetime | None = None) -> dict[str, Any]:
    """Everything of ``user``, as the JSON-ready document described above."""
    profile = profile_of(user)
    by_age = ("created_at", "id")
    organizations = list(Organization.objects.filter(owner=user).order_by(*by_age))
    people = list(Person.objects.filter(owner=user).prefetch_related("tags").order_by(*by_age))
    interviews = list(Interview.objects.filter(owner=user).order_by(*by_age))
    org_ref, person_ref, interview_ref = _Refs(organizations), _Refs(people), _Refs(interviews)

    planned = PlanEntry.objects.filter(interview__owner=user).order_by(
        "interview_id", "position", "id"
    )
    plans: dict[int, list[PlanEntry]] = {}
    for entry in planned:
        plans.setdefault(entry.interview_id, []).append(entry)
    used = {entry.question_id for entries in plans.values() for entry in entries}
    defaults = _bank_defaults()
    all_questions = list(Question.objects.filter(owner=user).order_by(*by_age))
    questions = [q for q in all_questions if not q.key or q.pk in used or _edited(q, defaults)]
    question_ref = _Refs(questions)
    present = {q.key for q in all_questions if q.key}
    seeded = profile.question_bank_seeded
    removed = [key for key in defaults if key not in present] if seeded else []

    preparations = {p.interview_id: p for p in Preparation.objects.filter(interview__owner=user)}
    debriefs = {d.interview_id: d for d in Debrief.objects.filter(interview__owner=user)}

    def interview_doc(number: int, interview: Interview) -> dict[str, Any]:
        preparation = preparations.get(interview.pk)
        debrief = debriefs.get(interview.pk)
        return {
            "id": number,
            "person": person_ref(interview.person_id),
            **values_of(interview),
            "preparation": values_of(preparation) if preparation else None,
            "debrief": values_of(debrief) if debrief else None,
            "plan": [
                {"question": question_ref(entry.question_id), **values_of(entry)}
                for entry in plans.get(interview.pk, [])
            ],
        }

    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": to_json(now or timezone.now()),
        "profile": {name: getattr(profile, name) for name in PROFILE_FIELDS},
        "organizations": [
            {"id": n, **values_of(org)} for n, org in enumerate(organizations, start=1)
        ],
        "tags": sorted(Tag.objects.filter(owner=user).values_list("name", flat=True)),
        "people": [
            {
                "id": n,
                **values_of(person),
                "organization": org_ref(person.organization_id),
                "referred_by": person_ref(person.referred_by_id),
                "tags": sorted(tag.name for tag in person.tags.all()),
            }
            for n, person in enumerate(people, start=1)
        ],
        "questions": [{"id": n, **values_of(q)} for n, q in enumerate(questions, start=1)],
        "bank_removed": removed,
        "interviews": [interview_doc(n, i) for n, i in enumerate(interviews, start=1)],
        "activities": [
            {
                "person": person_ref(a.person_id),
                "interview": interview_ref(a.interview_id),
                **values_of(a),
            }
            for a in Activity.objects.filter(owner=user).order_by("at", "created_at", "id")
        ],
        "tasks": [
            {
                "person": person_ref(t.person_id),
                "interview": interview_ref(t.interview_id),
                **values_of(t),
            }
            for t in Task.objects.filter(owner=user).order_by(*by_age)
        ],
        "pitches": [values_of(p) for p in Pitch.objects.filter(owner=user).order_by(*by_age)],
        "resources": [
            {
                "recommended_by": person_ref(r.recommended_by_id),
                "interview": interview_ref(r.interview_id),
                **values_of(r),
            }
            for r in Resource.objects.filter(owner=user).order_by(*by_age)
        ],
        "skills": [
            {
                "mentioned_by": person_ref(s.mentioned_by_id),
                "interview": interview_ref(s.interview_id),
                **values_of(s),
            }
            for s in Skill.objects.filter(owner=user).order_by(*by_age)
        ],
        "goals": [values_of(g) for g in Goal.objects.filter(owner=user).order_by(*by_age)],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
