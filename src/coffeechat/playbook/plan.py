"""The question plan: choose the questions and fit them into the agreed time.

Practices implemented here (see PLAYBOOK.md):

- P15 12-14 prepared questions, no more than fit the agreed time (``choose_questions``,
  ``fit_plan``; questions that don't fit are kept as "if time allows");
- P20 you drive the conversation and keep an eye on the clock (running start times);
- P22 always ask for next steps before it ends (next-step entries are reserved and kept last).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from math import isfinite

from coffeechat.playbook.question_types import BankQuestion, Category, Phase, Tiara

__all__ = [
    "DEFAULT_PLAN_SIZE",
    "OPENING_MINUTES",
    "WRAP_UP_MINUTES",
    "FittedEntry",
    "FittedPlan",
    "PlanEntry",
    "choose_questions",
    "fit_plan",
]

OPENING_MINUTES = 2  # greetings and thanks for their time
WRAP_UP_MINUTES = 3  # thanks, permission to stay in touch, goodbye
DEFAULT_PLAN_SIZE = 13  # P15: 12-14 questions
SHORT_CALL_MINUTES = 15  # calls this long or shorter prefer questions marked fits_15
CAREER_CHANGE_QUESTIONS = 2  # how many career-change questions to add for a career changer (P27)

_EPSILON = 1e-9  # tolerance for sums of float minutes

# The order topics come up within the questions phase: their story first, advice near the end.
_CATEGORY_FLOW = {
    category: position
    for position, category in enumerate(
        (
            Category.PATH,
            Category.ROLE,
            Category.ORGANIZATION,
            Category.INDUSTRY,
            Category.CAREER_CHANGE,
            Category.ADVICE,
            Category.NEXT_STEPS,
        )
    )
}


@dataclass(frozen=True)
class PlanEntry:
    key: str
    text: str
    minutes: float
    phase: Phase
    pinned: bool = False  # the user insists on asking it: always fits

    def __post_init__(self) -> None:
        if not isfinite(self.minutes) or self.minutes < 0:
            raise ValueError(
                f"minutes of plan entry {self.key!r} must be 0 or more, got {self.minutes}"
            )


@dataclass(frozen=True)
class FittedEntry:
    entry: PlanEntry
    starts_at_minute: float  # minutes from the start of the call, opening included
    fits: bool  # False: "if time allows"


@dataclass(frozen=True)
class FittedPlan:
    entries: tuple[FittedEntry, ...]
    budget_minutes: float  # the agreed time minus opening and wrap-up
    planned_minutes: float  # every entry, fitting or not
    fitting_minutes: float  # the entries that fit (reserved ones included)

    @property
    def overflow(self) -> tuple[FittedEntry, ...]:
        """The entries that don't fit: "if time allows"."""
        return tuple(fitted for fitted in self.entries if not fitted.fits)

    @property
    def over_budget(self) -> bool:
        """True when the pinned and next-step entries alone need more than the budget."""
        return self.fitting_minutes > self.budget_minutes + _EPSILON


def _is_reserved(entry: PlanEntry) -> bool:
    return entry.pinned or entry.phase == Phase.NEXT_STEPS


def fit_plan(entries: Sequence[PlanEntry], duration_minutes: int) -> FittedPlan:
    """Fit a question plan into ``duration_minutes`` (P15, P20, P22).

    The budget is the duration minus the opening and wrap-up (never below 0). Pinned entries and
    next-step entries are reserved first and always fit; next-step entries are moved to the end so
    they are always asked (P22). The other entries keep their order and each fits when the time
    left after the reserved ones allows it; a long one that doesn't fit is marked "if time allows"
    and a shorter one after it may still fit. Start times run from the end of the opening over the
    fitting entries; an entry that doesn't fit shows where it would start.
    """
    if duration_minutes < 0:
        raise ValueError(f"duration_minutes must be 0 or more, got {duration_minutes}")
    budget = float(max(0, duration_minutes - OPENING_MINUTES - WRAP_UP_MINUTES))
    ordered = [e for e in entries if e.phase != Phase.NEXT_STEPS] + [
        e for e in entries if e.phase == Phase.NEXT_STEPS
    ]
    reserved = sum(e.minutes for e in ordered if _is_reserved(e))
    remaining = budget - reserved

    fitted: list[FittedEntry] = []
    clock = float(OPENING_MINUTES)
    fitting = 0.0
    for entry in ordered:
        fits = _is_reserved(entry)
        if not fits and entry.minutes <= remaining + _EPSILON:
            fits = True
            remaining -= entry.minutes
        fitted.append(FittedEntry(entry=entry, starts_at_minute=clock, fits=fits))
        if fits:
            clock += entry.minutes
            fitting += entry.minutes
    return FittedPlan(
        entries=tuple(fitted),
        budget_minutes=budget,
        planned_minutes=sum(e.minutes for e in ordered),
        fitting_minutes=fitting,
    )


_WORD = re.compile(r"\w+")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_STOPWORD_TEXT = """
    a about after all also an and any are as at be been but by can could did do does for
    from get had has have how i if in into is it its just like may me more most my no not of
    on or our out over so some such than that the their them then there these they this to
    up us was we were what when where which who why will with would you your
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_SUFFIXES = ("ings", "ing", "ers", "er", "es", "ed", "s")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> frozenset[str]:
    """The meaningful words of ``text``, lower-cased and lightly stemmed; placeholders dropped."""
    tokens = _WORD.findall(_PLACEHOLDER.sub(" ", text).casefold())
    return frozenset(
        _stem(token)
        for token in tokens
        if len(token) > 1 and token not in _STOPWORDS and not token.isdigit()
    )


def choose_questions(
    bank: Sequence[BankQuestion],
    *,
    goal: str,
    their_role: str,
    career_change: bool,
    duration_minutes: int,
    next_step_keys: Sequence[str],
    count: int = DEFAULT_PLAN_SIZE,
) -> list[BankQuestion]:
    """Pick about ``count`` questions from ``bank`` for one conversation, deterministically (P15).

    The plan holds one small-talk opener (two for calls longer than 15 minutes), then questions
    spread across categories and TIARA tags, then the next-step questions named by
    ``next_step_keys`` in that order, always included (P22). Among equally balanced candidates it
    prefers questions sharing words with ``goal`` and ``their_role``, then the bank's order. For a
    career changer it adds up to two CAREER_CHANGE questions (P27), which are left out otherwise.
    For calls of 15 minutes or less it prefers questions marked ``fits_15``. Questions are ordered
    by phase (small talk, questions, next steps) and, within the questions, by topic.
    """
    if count < 0:
        raise ValueError(f"count must be 0 or more, got {count}")
    if duration_minutes <= 0:
        raise ValueError(f"duration_minutes must be positive, got {duration_minutes}")
    index_of: dict[str, int] = {}
    for index, question in enumerate(bank):
        if question.key in index_of:
            raise ValueError(f"the question bank holds the key {question.key!r} twice")
        index_of[question.key] = index

    next_steps: list[BankQuestion] = []
    for key in dict.fromkeys(next_step_keys):
        if key not in index_of:
            raise ValueError(f"next-step question {key!r} is not in the question bank")
        next_steps.append(bank[index_of[key]])
    taken = {question.key for question in next_steps}

    wanted = _words(goal) | _words(their_role)
    short_call = duration_minutes <= SHORT_CALL_MINUTES

    relevance_of = {q.key: len(_words(q.text) & wanted) for q in bank}

    def relevance(question: BankQuestion) -> int:
        return relevance_of[question.key]

    def too_long(question: BankQuestion) -> int:
        return 1 if short_call and not question.fits_15 else 0

    def allowed(question: BankQuestion) -> bool:
        return question.key not in taken and (
            career_change or question.category != Category.CAREER_CHANGE
        )

    room = max(0, count - len(next_steps))
    openers_wanted = 1 if short_call else 2
    openers = sorted(
        (q for q in bank if q.phase == Phase.SMALL_TALK and allowed(q)),
        key=lambda q: (too_long(q), -relevance(q), index_of[q.key]),
    )[: min(openers_wanted, room)]
    taken.update(q.key for q in openers)

    candidates = [q for q in bank if q.phase == Phase.QUESTIONS and allowed(q)]
    chosen: list[BankQuestion] = []
    per_category: Counter[Category] = Counter()
    per_tiara: Counter[Tiara] = Counter()

    def rank(q: BankQuestion) -> tuple[int, int, int, int, int, int]:
        owed_career_change = (
            career_change
            and q.category == Category.CAREER_CHANGE
            and per_category[Category.CAREER_CHANGE] < CAREER_CHANGE_QUESTIONS
        )
        return (
            0 if owed_career_change else 1,
            too_long(q),
            per_category[q.category],
            per_tiara[q.tiara],
            -relevance(q),
            index_of[q.key],
        )

    for _ in range(room - len(openers)):
        if not candidates:
            break
        best = min(candidates, key=rank)
        candidates.remove(best)
        chosen.append(best)
        per_category[best.category] += 1
        per_tiara[best.tiara] += 1

    middle = sorted(chosen, key=lambda q: (_CATEGORY_FLOW.get(q.category, 0), index_of[q.key]))
    return [*openers, *middle, *next_steps]
