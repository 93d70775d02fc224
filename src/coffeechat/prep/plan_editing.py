"""Use cases that change an interview's question plan: move, reorder, pin, remove, swap, add,
write a new question into it; and what can go into it (suggestions, swaps, the rest of the bank).

Every change goes through ``services.set_plan``. The plan stays grouped by phase: small talk,
questions, next steps; within a phase the user's order is kept (P15, P20, P22).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction

from coffeechat.interviews.models import Interview
from coffeechat.playbook.question_types import Category, Phase
from coffeechat.prep.models import PlanEntry, Question
from coffeechat.prep.services import (
    PlanItem,
    candidates_for,
    plan_entries,
    save_question,
    set_plan,
)

_CATEGORY_ORDER = {category.value: position for position, category in enumerate(Category)}
_PHASE_ORDER = {phase.value: position for position, phase in enumerate(Phase)}


@dataclass(frozen=True)
class PlanChoices:
    """What can go into a plan: a few suggestions, swaps for each planned question, the rest."""

    suggestions: list[Question]
    swaps: dict[int, list[Question]]  # planned question id -> questions of the same phase
    others: list[Question]  # every other question of the bank, by category


def plan_choices(
    interview: Interview,
    entries: Sequence[PlanEntry] | None = None,
    *,
    suggestions: int = 8,
    swaps: int = 6,
) -> PlanChoices:
    """Suggestions to add, and for each planned question alternatives to swap it for: same
    phase, same category first (P15, P16). ``entries`` saves a query when already loaded."""
    if entries is None:
        entries = plan_entries(interview)
    ranked = candidates_for(interview, entries)
    swaps_for: dict[int, list[Question]] = {}
    for entry in entries:
        planned = entry.question
        alike = [q for q in ranked if q.phase == planned.phase]
        alike.sort(key=lambda q: q.category != planned.category)  # stable: keeps the ranking
        swaps_for[entry.question_id] = alike[:swaps]
    others = sorted(ranked, key=lambda q: (_CATEGORY_ORDER.get(q.category, 99), q.pk))
    return PlanChoices(ranked[:suggestions], swaps_for, others)


# ------------------------------------------------------------------------------ editing the plan


def _phase_rank(entry: PlanEntry) -> int:
    return _PHASE_ORDER.get(entry.question.phase, len(_PHASE_ORDER))


def _store(interview: Interview, entries: Sequence[PlanEntry]) -> list[PlanEntry]:
    ordered = sorted(entries, key=_phase_rank)  # stable
    return set_plan(interview, [PlanItem(entry.question_id, entry.pinned) for entry in ordered])


def _planned(entries: Sequence[PlanEntry], question_id: int, field: str = "question") -> PlanEntry:
    for entry in entries:
        if entry.question_id == question_id:
            return entry
    raise ValidationError({field: "That question is not in this plan (any more)."})


def _not_planned(
    interview: Interview, entries: Sequence[PlanEntry], question_id: int, field: str
) -> Question:
    question = Question.objects.filter(owner_id=interview.owner_id, pk=question_id).first()
    if question is None:
        raise ValidationError({field: "There is no such question in your bank."})
    if any(entry.question_id == question.pk for entry in entries):
        raise ValidationError({field: "That question is already in the plan."})
    return question


@transaction.atomic
def move_in_plan(
    interview: Interview, question_id: int, direction: Literal["up", "down"]
) -> list[PlanEntry]:
    """Move a planned question one place up or down within its phase (at the edge it stays)."""
    entries = sorted(plan_entries(interview), key=_phase_rank)
    index = entries.index(_planned(entries, question_id))
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(entries) and _phase_rank(entries[target]) == _phase_rank(entries[index]):
        entries[index], entries[target] = entries[target], entries[index]
    return _store(interview, entries)


@transaction.atomic
def reorder_plan(interview: Interview, question_ids: Sequence[int]) -> list[PlanEntry]:
    """Put the plan in this order (drag and drop); every planned question is listed once.

    Must-ask pins and notes stay with their questions; the phases stay in their order.
    """
    by_id = {entry.question_id: entry for entry in plan_entries(interview)}
    if sorted(question_ids) != sorted(by_id):
        raise ValidationError(
            {"order": "The new order must list every question of the plan once; reload the page."}
        )
    return _store(interview, [by_id[question_id] for question_id in question_ids])


@transaction.atomic
def pin_in_plan(interview: Interview, question_id: int, pinned: bool) -> list[PlanEntry]:
    """Mark a planned question "must ask": it always fits the agreed time (P15, P20)."""
    entries = plan_entries(interview)
    _planned(entries, question_id).pinned = pinned
    return _store(interview, entries)


@transaction.atomic
def remove_from_plan(interview: Interview, question_id: int) -> list[PlanEntry]:
    entries = plan_entries(interview)
    removed = _planned(entries, question_id)
    return _store(interview, [entry for entry in entries if entry is not removed])


@transaction.atomic
def swap_in_plan(interview: Interview, question_id: int, replacement_id: int) -> list[PlanEntry]:
    """Ask another question from the bank in the place of a planned one."""
    entries = plan_entries(interview)
    swapped = _planned(entries, question_id)
    replacement = _not_planned(interview, entries, replacement_id, "replacement")
    new = PlanEntry(interview=interview, question=replacement)
    return _store(interview, [new if entry is swapped else entry for entry in entries])


@transaction.atomic
def add_to_plan(interview: Interview, question_id: int) -> list[PlanEntry]:
    """Add a question from the bank at the end of its phase."""
    entries = plan_entries(interview)
    question = _not_planned(interview, entries, question_id, "question")
    return _store(interview, [*entries, PlanEntry(interview=interview, question=question)])


@transaction.atomic
def write_into_plan(interview: Interview, question: Question) -> Question:
    """Keep a question the user wrote in their bank and add it to this plan (P16)."""
    question.owner_id = interview.owner_id
    save_question(question)
    add_to_plan(interview, question.pk)
    return question
