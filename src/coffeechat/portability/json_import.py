"""Reading a coffeechat JSON document back into an (empty) account, all or nothing.

``read_document`` checks the whole document without touching the database and builds unsaved
objects linked to each other; ``load_document`` writes them in one transaction. A problem names
the file, the line and the field (``people[3].emails``) of the first bad value.
"""

from __future__ import annotations

import json
import json.scanner
from json.decoder import JSONObject  # type: ignore[attr-defined]
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.db import models, transaction

from coffeechat.accounts.services import profile_of
from coffeechat.debrief.models import Debrief, Resource, Skill
from coffeechat.followup.models import Task
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person, Tag
from coffeechat.portability.json_check import Document, Invalid, Path, check, dotted
from coffeechat.portability.json_format import auto_fields, data_fields
from coffeechat.portability.records import ImportProblem
from coffeechat.portability.sources import decode
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question
from coffeechat.prep.services import ensure_bank
from coffeechat.search.index import reindex_user

M = TypeVar("M", bound=models.Model)
_TOO_DEEP = "the JSON is nested too deeply to be a coffeechat export."


# -------------------------------------------------------------------------- finding the line


class _Located(dict[str, Any]):
    start = 0


def _parse_located(text: str) -> Any:
    """The document with each object knowing where it starts (slow: used to report problems)."""
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> Any:
        value, end = JSONObject(s_and_end, *args, **kwargs)
        located = _Located(value)
        located.start = s_and_end[1] - 1
        return located, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text)


def _line_of(text: str, path: Path) -> int | None:
    try:
        node: Any = _parse_located(text)
    except (ValueError, RecursionError):
        return None
    position = 0
    for part in path:
        if isinstance(node, _Located):
            position = node.start
            if isinstance(part, str):
                key = text.find(json.dumps(part), position)
                position = key if key >= 0 else position
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, _Located):
        position = max(position, node.start)
    return text.count("\n", 0, position) + 1


def check_document(document: Any, user: User, file: str, where: Path = ()) -> Document:
    """The checked document already parsed from JSON (``where``: its place in a larger one)."""
    try:
        return check(document, user)
    except Invalid as invalid:
        raise ImportProblem(file, None, dotted((*where, *invalid.path)), invalid.message) from None


def read_document(data: bytes, file: str, user: User) -> Document:
    """The checked document, or ``ImportProblem`` naming the line and field of the first fault."""
    text = decode(data, file)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"this is not valid JSON ({error.msg})."
        raise ImportProblem(file, error.lineno, "", message) from None
    except RecursionError:  # "[[[[…" a thousand deep: no export is, found by fuzzing
        raise ImportProblem(file, None, "", _TOO_DEEP) from None
    try:
        return check(document, user)
    except RecursionError:
        raise ImportProblem(file, None, "", _TOO_DEEP) from None
    except Invalid as invalid:
        line = _line_of(text, invalid.path)
        raise ImportProblem(file, line, dotted(invalid.path), invalid.message) from None


# ---------------------------------------------------------------------------------- writing


def account_contents(user: User) -> dict[str, int]:
    """What the account already holds (the question bank copies aside)."""
    counts = {
        "people": Person.objects.filter(owner=user).count(),
        "organizations": Organization.objects.filter(owner=user).count(),
        "interviews": Interview.objects.filter(owner=user).count(),
        "tasks": Task.objects.filter(owner=user).count(),
        "activities": Activity.objects.filter(owner=user).count(),
        "questions of your own": Question.objects.filter(owner=user, key="").count(),
        "pitches": Pitch.objects.filter(owner=user).count(),
        "resources": Resource.objects.filter(owner=user).count(),
        "skills": Skill.objects.filter(owner=user).count(),
        "goals": Goal.objects.filter(owner=user).count(),
    }
    return {name: count for name, count in counts.items() if count}


def check_empty(user: User, file: str) -> None:
    if held := account_contents(user):
        listed = ", ".join(f"{count} {name}" for name, count in held.items())
        raise ImportProblem(
            file,
            None,
            "",
            f"a coffeechat JSON export restores a whole account, into an empty one; "
            f"{user.username} already has {listed}. Import it into a new account.",
        )


def _create(model: type[M], objects: list[M], doc: Document) -> None:
    model.objects.bulk_create(objects, batch_size=500)  # type: ignore[attr-defined]
    names = auto_fields(model)
    for obj in objects:
        for name, value in doc.stamps.get(id(obj), {}).items():
            setattr(obj, name, value)
    if names and objects:
        model.objects.bulk_update(objects, names, batch_size=500)  # type: ignore[attr-defined]


@transaction.atomic
def load_document(user: User, doc: Document, file: str = "") -> None:
    """Write a checked document into ``user``'s empty account, all or nothing."""
    check_empty(user, file)
    profile = profile_of(user)
    for name, value in doc.profile.items():
        setattr(profile, name, value)
    profile.save()
    _create(Organization, doc.organizations, doc)
    Tag.objects.bulk_create(doc.tags.values())
    _create(Person, doc.people, doc)
    for person, referrer in doc.referrals:
        person.referred_by = referrer
    Person.objects.bulk_update([person for person, _ in doc.referrals], ["referred_by"])
    through = Person.tags.through
    through.objects.bulk_create(
        through(person_id=person.pk, tag_id=doc.tags[name].pk)
        for person, names in doc.person_tags
        for name in dict.fromkeys(names)
    )
    _load_questions(user, doc)
    _create(Interview, doc.interviews, doc)
    for preparation in doc.preparations:
        preparation.interview_id = preparation.interview.pk
    for debrief in doc.debriefs:
        debrief.interview_id = debrief.interview.pk
    _create(Preparation, doc.preparations, doc)
    _create(Debrief, doc.debriefs, doc)
    _create(PlanEntry, doc.plan, doc)
    _create(Activity, doc.activities, doc)
    _create(Task, doc.tasks, doc)
    _create(Pitch, doc.pitches, doc)
    _create(Resource, doc.resources, doc)
    _create(Skill, doc.skills, doc)
    _create(Goal, doc.goals, doc)
    reindex_user(user)  # bulk writes send no signals: index the new account in one go


def _load_questions(user: User, doc: Document) -> None:
    """Built-in questions update the user's copy (by key); their own are added."""
    ensure_bank(user)
    bank = {q.key: q for q in Question.objects.filter(owner=user).exclude(key="")}
    new: list[Question] = []
    edited: list[Question] = []
    for question in doc.questions:
        existing = bank.get(question.key) if question.key else None
        if existing is None:
            new.append(question)
            continue
        question.pk = existing.pk
        question._state.adding = False
        for name in auto_fields(Question):  # times the document leaves out stay as they are
            if name not in doc.stamps.get(id(question), {}):
                setattr(question, name, getattr(existing, name))
        edited.append(question)
    _create(Question, new, doc)
    if edited:  # every value (times included) as the document has it
        names = [f.name for f in data_fields(Question)]
        Question.objects.bulk_update(edited, names, batch_size=500)
    removed = [key for key in doc.bank_removed if key not in {q.key for q in doc.questions}]
    Question.objects.filter(owner=user, key__in=removed).delete()
