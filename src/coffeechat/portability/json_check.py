"""Checking a coffeechat JSON document without touching the database.

``check`` walks the whole document and builds unsaved objects linked to each other (a person to
their organization, an interview to its person…), each value cleaned as the database column
would; the first bad value raises ``Invalid`` with its path (``people[3].emails``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateparse import parse_datetime

from coffeechat.accounts.models import Profile
from coffeechat.debrief.models import Debrief, Resource, Skill
from coffeechat.followup.models import Task
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person, Tag
from coffeechat.portability.json_format import (
    FORMAT,
    PROFILE_FIELDS,
    VERSION,
    auto_fields,
    data_fields,
)
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question

M = TypeVar("M", bound=models.Model)
Path = tuple[str | int, ...]
MAX_TAG_LENGTH = 50


class Invalid(Exception):
    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def dotted(path: Path) -> str:
    """``("people", 3, "emails")`` → ``people[3].emails``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _time(raw: Any, path: Path) -> datetime | None:
    if raw is None:
        return None
    try:
        value = parse_datetime(raw) if isinstance(raw, str) else None
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise Invalid(path, f"“{raw}” is not a time with its offset (ISO 8601).")
    return value


@dataclass
class Document:
    """A checked document: unsaved objects in creation order, linked to each other."""

    profile: dict[str, Any]
    organizations: list[Organization] = field(default_factory=list)
    tags: dict[str, Tag] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    person_tags: list[tuple[Person, list[str]]] = field(default_factory=list)
    referrals: list[tuple[Person, Person]] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    bank_removed: list[str] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    preparations: list[Preparation] = field(default_factory=list)
    debriefs: list[Debrief] = field(default_factory=list)
    plan: list[PlanEntry] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    pitches: list[Pitch] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    stamps: dict[int, dict[str, Any]] = field(default_factory=dict)  # id(obj) → auto times

    @property
    def counts(self) -> dict[str, int]:
        return {
            "people": len(self.people),
            "organizations": len(self.organizations),
            "interviews": len(self.interviews),
            "activities": len(self.activities),
            "tasks": len(self.tasks),
            "questions": len(self.questions),
            "pitches": len(self.pitches),
            "resources": len(self.resources),
            "skills": len(self.skills),
            "goals": len(self.goals),
        }


def _items(document: dict[str, Any], key: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    items = document.get(key, [])
    if not isinstance(items, list):
        raise Invalid((key,), "must be a list.")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise Invalid((key, index), "must be an object.")
        yield (key, index), item


def _unstorable(value: Any) -> str:
    """Why no database column can hold ``value`` (found by fuzzing), or ''."""
    if isinstance(value, str) and "\x00" in value:
        return "holds a NUL character (\\u0000), which no text can store."
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a number that can be stored."
    if isinstance(value, list):
        return next((why for part in value if (why := _unstorable(part))), "")
    if isinstance(value, dict):
        return next((why for part in value.values() if (why := _unstorable(part))), "")
    return ""


def _build(model: type[M], path: Path, item: dict[str, Any], doc: Document, **links: Any) -> M:
    """An unsaved ``model`` from the item's values, each checked as the database would."""
    obj = model(**links)
    stamps: dict[str, Any] = {}
    automatic = set(auto_fields(model))
    for model_field in data_fields(model):
        name = model_field.name
        if name in automatic and item.get(name) is None:
            continue  # stamped now, as for anything new (null too: the column can't hold it)
        raw = item.get(name, getattr(obj, model_field.attname))
        if why := _unstorable(raw):
            raise Invalid((*path, name), why)
        value = _time(raw, (*path, name)) if isinstance(model_field, models.DateTimeField) else raw
        if isinstance(model_field, models.JSONField) and not isinstance(value, list):
            raise Invalid((*path, name), "must be a list.")
        try:
            value = model_field.clean(value, obj)
        except ValidationError as error:
            raise Invalid((*path, name), " ".join(error.messages)) from None
        except (TypeError, ValueError, OverflowError):  # e.g. a list where a date goes (fuzzing)
            raise Invalid((*path, name), f"{raw!r:.60} is not a value this field holds.") from None
        if name in automatic:
            stamps[name] = value
        setattr(obj, model_field.attname, value)
    doc.stamps[id(obj)] = stamps
    return obj


def _ref(path: Path, item: dict[str, Any], name: str, known: dict[int, M]) -> M | None:
    value = item.get(name)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value not in known:
        raise Invalid((*path, name), f"refers to {value!r}, which is not in the document.")
    return known[value]


def _ids(path: Path, item: dict[str, Any], seen: dict[int, Any]) -> int:
    number = item.get("id")
    if not isinstance(number, int) or isinstance(number, bool):
        raise Invalid((*path, "id"), "must be a whole number.")
    if number in seen:
        raise Invalid((*path, "id"), f"{number} is used twice.")
    return number


def _names(path: Path, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(n, str) and n.strip() for n in value):
        raise Invalid(path, "must be a list of tag names.")
    for name in value:
        if why := _unstorable(name):
            raise Invalid(path, why)
        if len(name) > MAX_TAG_LENGTH:
            raise Invalid(path, f"the tag “{name[:20]}…” is longer than {MAX_TAG_LENGTH}.")
    return value


def _header(document: Any) -> Document:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise Invalid(("format",), "this is not a coffeechat export (“format” is not coffeechat).")
    version = document.get("version")
    if version != VERSION:
        raise Invalid(
            ("version",), f"version {version!r} is not one this coffeechat reads ({VERSION})."
        )
    profile = document.get("profile") or {}
    if not isinstance(profile, dict):
        raise Invalid(("profile",), "must be an object.")
    doc = Document(profile={})
    for name in PROFILE_FIELDS:
        if name in profile:
            if why := _unstorable(profile[name]):
                raise Invalid(("profile", name), why)
            profile_field = cast("models.Field[Any, Any]", Profile._meta.get_field(name))
            try:
                doc.profile[name] = profile_field.clean(profile[name], None)
            except ValidationError as error:
                raise Invalid(("profile", name), " ".join(error.messages)) from None
            except (TypeError, ValueError, OverflowError):
                raise Invalid(("profile", name), "is not a value this field holds.") from None
    return doc


def _people(document: dict[str, Any], user: User, doc: Document) -> dict[int, Person]:
    organizations: dict[int, Organization] = {}
    for path, item in _items(document, "organizations"):
        number = _ids(path, item, organizations)
        organizations[number] = _build(Organization, path, item, doc, owner=user)
    doc.organizations = list(organizations.values())
    names = list(_names(("tags",), document.get("tags", [])))
    people: dict[int, Person] = {}
    for path, item in _items(document, "people"):
        number = _ids(path, item, people)
        org = _ref(path, item, "organization", organizations)
        person = _build(Person, path, item, doc, owner=user, organization=org)
        tags = _names((*path, "tags"), item.get("tags", []))
        names.extend(tags)
        doc.person_tags.append((person, tags))
        people[number] = person
    for (path, item), person in zip(_items(document, "people"), people.values(), strict=True):
        referrer = _ref(path, item, "referred_by", people)
        if referrer is person:
            raise Invalid((*path, "referred_by"), "a person cannot refer themselves.")
        if referrer is not None:
            doc.referrals.append((person, referrer))
    doc.people = list(people.values())
    for name in names:
        doc.tags.setdefault(name, Tag(owner=user, name=name))
    return people


def _questions(document: dict[str, Any], user: User, doc: Document) -> dict[int, Question]:
    questions: dict[int, Question] = {}
    keys: set[str] = set()
    for path, item in _items(document, "questions"):
        number = _ids(path, item, questions)
        question = _build(Question, path, item, doc, owner=user)
        if question.key in keys:
            raise Invalid((*path, "key"), f"the built-in question {question.key} is listed twice.")
        if question.key:
            keys.add(question.key)
        questions[number] = question
    doc.questions = list(questions.values())
    removed = document.get("bank_removed", [])
    if not isinstance(removed, list) or not all(isinstance(k, str) for k in removed):
        raise Invalid(("bank_removed",), "must be a list of question keys.")
    doc.bank_removed = removed
    return questions


def _interview_parts(path: Path, item: dict[str, Any], interview: Interview, doc: Document) -> None:
    if (preparation := item.get("preparation")) is not None:
        if not isinstance(preparation, dict):
            raise Invalid((*path, "preparation"), "must be an object.")
        doc.preparations.append(
            _build(Preparation, (*path, "preparation"), preparation, doc, interview=interview)
        )
    if (debrief := item.get("debrief")) is not None:
        if not isinstance(debrief, dict):
            raise Invalid((*path, "debrief"), "must be an object.")
        doc.debriefs.append(_build(Debrief, (*path, "debrief"), debrief, doc, interview=interview))


def _interviews(
    document: dict[str, Any],
    user: User,
    doc: Document,
    people: dict[int, Person],
    questions: dict[int, Question],
) -> dict[int, Interview]:
    interviews: dict[int, Interview] = {}
    for path, item in _items(document, "interviews"):
        number = _ids(path, item, interviews)
        person = _ref(path, item, "person", people)
        if person is None:
            raise Invalid((*path, "person"), "an interview needs a person.")
        interview = _build(Interview, path, item, doc, owner=user, person=person)
        interviews[number] = interview
        _interview_parts(path, item, interview, doc)
        planned: set[int] = set()
        for entry_path, entry in _items(item, "plan"):
            full = (*path, *entry_path)
            question = _ref(full, entry, "question", questions)
            if question is None:
                raise Invalid((*full, "question"), "a plan entry needs a question.")
            if id(question) in planned:
                raise Invalid((*full, "question"), "this question is in the plan twice.")
            planned.add(id(question))
            doc.plan.append(
                _build(PlanEntry, full, entry, doc, interview=interview, question=question)
            )
    doc.interviews = list(interviews.values())
    return interviews


def check(document: Any, user: User) -> Document:
    """The checked document, its objects unsaved and owned by ``user``; raises ``Invalid``."""
    doc = _header(document)
    people = _people(document, user, doc)
    questions = _questions(document, user, doc)
    interviews = _interviews(document, user, doc, people, questions)

    def links(path: Path, item: dict[str, Any], person_key: str) -> dict[str, Any]:
        return {
            person_key: _ref(path, item, person_key, people),
            "interview": _ref(path, item, "interview", interviews),
        }

    for path, item in _items(document, "activities"):
        doc.activities.append(
            _build(Activity, path, item, doc, owner=user, **links(path, item, "person"))
        )
    for path, item in _items(document, "tasks"):
        doc.tasks.append(_build(Task, path, item, doc, owner=user, **links(path, item, "person")))
    for path, item in _items(document, "pitches"):
        doc.pitches.append(_build(Pitch, path, item, doc, owner=user))
    for path, item in _items(document, "resources"):
        found = links(path, item, "recommended_by")
        doc.resources.append(_build(Resource, path, item, doc, owner=user, **found))
    for path, item in _items(document, "skills"):
        found = links(path, item, "mentioned_by")
        doc.skills.append(_build(Skill, path, item, doc, owner=user, **found))
    for path, item in _items(document, "goals"):
        doc.goals.append(_build(Goal, path, item, doc, owner=user))
    return doc
