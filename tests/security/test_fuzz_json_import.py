"""Fuzzing the coffeechat JSON import: documents shaped like an export with hostile values, and
plain bad JSON. Any file: a checked document or an ``ImportProblem`` naming the field, and after
a problem the account is exactly as it was (empty)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models, transaction
from hypothesis import strategies as st

from coffeechat.portability.importer import run_import
from coffeechat.portability.json_format import FORMAT, VERSION, data_fields
from coffeechat.portability.json_import import read_document
from coffeechat.portability.records import ImportProblem
from tests.factories import UserFactory
from tests.security.fuzzing import SUITE_EXAMPLES, Target, attempt, run, text
from tests.security.payloads import PAYLOADS

# The lists of a document and the model of their items.
SECTIONS = {
    "organizations": "people.Organization",
    "people": "people.Person",
    "questions": "prep.Question",
    "interviews": "interviews.Interview",
    "activities": "interviews.Activity",
    "tasks": "followup.Task",
    "pitches": "prep.Pitch",
    "resources": "debrief.Resource",
    "skills": "debrief.Skill",
    "goals": "insights.Goal",
}
LINKS = ["id", "person", "organization", "interview", "question", "referred_by", "recommended_by",
         "mentioned_by"]  # fmt: skip
SPECIAL = [
    None, True, 0, -1, 1, 2, 3, 2**31, 2**63, -(2**63) - 1, 10**30, 0.5, 1e308, float("nan"),
    float("inf"), "", " ", "\x00", "a\x00b", "x" * 301, "x" * 20_001, "2024-01-01T10:00:00+00:00",
    "2024-01-01T10:00:00", "2024-02-30T10:00:00+00:00", "2024-01-01", "Europe/Paris", "Mars/Base",
    "https://example.org", "javascript:alert(1)", "ann@example.org", ["ann@example.org"],
    ["not an email"], ["+1 555 0100"], [None], ["\x00"], {"a": 1}, [], "held", "video", "email",
]  # fmt: skip

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), text, st.sampled_from(PAYLOADS)
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
values = st.one_of(st.sampled_from(SPECIAL), json_values, st.integers(1, 3))


def _field_names(label: str) -> list[str]:
    model: type[models.Model] = apps.get_model(label)
    return [field.name for field in data_fields(model)]


def _items(label: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    keys = st.sampled_from([*_field_names(label), *LINKS, "tags", "plan", "preparation", "debrief"])
    item = st.dictionaries(keys, values, max_size=8).map(lambda d: {"id": 1, **d})
    return st.lists(st.one_of(item, values), max_size=3)


@st.composite
def documents(draw: Any) -> Any:
    document: dict[str, Any] = {
        "format": draw(st.sampled_from([FORMAT, FORMAT, "other", None])),
        "version": draw(st.sampled_from([VERSION, VERSION, 2, "1", None])),
    }
    for section, label in SECTIONS.items():
        if draw(st.booleans()):
            document[section] = draw(st.one_of(_items(label), values))
    for extra in ("profile", "tags", "bank_removed"):
        if draw(st.booleans()):
            document[extra] = draw(values)
    return document


# A small valid export: one of everything, linked. Mutations of it reach every field's check.
BASE: dict[str, Any] = {
    "format": FORMAT,
    "version": VERSION,
    "profile": {"time_zone": "Europe/Paris", "about_me": "A teacher"},
    "organizations": [{"id": 1, "name": "Acme"}],
    "people": [
        {"id": 1, "name": "Ann Lee", "organization": 1, "emails": ["ann@example.org"]},
        {"id": 2, "name": "Bo Chen", "referred_by": 1, "tags": ["alumni"]},
    ],
    "questions": [{"id": 1, "text": "What surprised you?"}],
    "interviews": [
        {
            "id": 1,
            "person": 1,
            "topic": "Research",
            "plan": [{"question": 1, "notes": "n"}],
            "preparation": {"why_them": "x"},
            "debrief": {"insights": "y"},
        }
    ],
    "activities": [{"at": "2024-01-01T10:00:00+00:00", "person": 1, "interview": 1}],
    "tasks": [{"title": "Thank Ann", "person": 1, "interview": 1}],
    "pitches": [{"text": "I taught science."}],
    "resources": [{"title": "A book", "recommended_by": 1, "interview": 1}],
    "skills": [{"name": "SQL", "mentioned_by": 1, "interview": 1}],
    "goals": [{"title": "10 chats", "target_count": 10, "due_date": "2027-01-01"}],
}
NESTED = {"interviews": ["plan", "preparation", "debrief"]}


@st.composite
def mutated(draw: Any) -> Any:
    """The valid export with one to three values replaced (or removed)."""
    document = json.loads(json.dumps(BASE))
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from([*SECTIONS, "profile"]))
        item = document[section] if section == "profile" else document[section][0]
        if section == "interviews" and draw(st.booleans()):
            part = draw(st.sampled_from(NESTED["interviews"]))
            item = item[part][0] if part == "plan" else item[part]
            label = {"plan": "prep.PlanEntry", "preparation": "prep.Preparation"}.get(
                part, "debrief.Debrief"
            )
        else:
            label = SECTIONS.get(section, "accounts.Profile")
        name = draw(st.sampled_from([*_field_names(label), *LINKS]))
        if draw(st.integers(0, 9)) == 0:
            item.pop(name, None)
        else:
            item[name] = draw(values)
    return document


def _encode(document: Any) -> bytes:
    return json.dumps(document, allow_nan=True).encode()


files = st.one_of(
    mutated().map(_encode),
    mutated().map(_encode),
    documents().map(_encode),
    json_values.map(_encode),
    st.binary(max_size=300),
    st.integers(1, 20_000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.integers(1, 20_000).map(lambda depth: b'{"people":' * depth + b"1" + b"}" * depth),
)


def checking(data: bytes) -> None:
    user = User.objects.get(username="fuzz")
    _, problem = attempt(lambda: read_document(data, "export.json", user), ImportProblem)
    assert problem is None or str(problem)


def importing(data: bytes) -> None:
    with transaction.atomic():
        user = UserFactory()
        _, problem = attempt(lambda: run_import(user, "json", data, "export.json"), ImportProblem)
        assert problem is None or (str(problem) and _rows_of(user) == 0)
        transaction.set_rollback(True)


def _rows_of(user: User) -> int:
    total = 0
    for model in apps.get_models():
        names = {field.name for field in model._meta.get_fields()}
        if model._meta.app_label.startswith(("accounts", "auth")) or "owner" not in names:
            continue
        total += model._default_manager.filter(owner=user).count()
    return total


TARGETS = [
    Target("JSON import check", files, checking, True),
    Target("JSON import", files, importing, True),
]


def test_the_document_the_fuzzer_mutates_imports(db: None) -> None:
    user = UserFactory()
    preview = run_import(user, "json", _encode(BASE), "export.json")
    assert preview.also["interviews"] == 1
    assert preview.also["goals"] == 1


@pytest.mark.parametrize("target", TARGETS, ids=[t.name for t in TARGETS])
def test_any_json_file_is_read_or_refused_with_its_field(target: Target, db: None) -> None:
    UserFactory(username="fuzz")
    assert run(target, SUITE_EXAMPLES) >= SUITE_EXAMPLES
