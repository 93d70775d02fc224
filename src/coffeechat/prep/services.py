"""Preparation use cases: the question bank, the plan, the research checklist and the pitch.

Web views, the API and the CLI all go through these functions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Interview
from coffeechat.people.services import save_person
from coffeechat.playbook.googleable import GoogleableVerdict, check_question
from coffeechat.playbook.pitch import PitchCheck, check_pitch
from coffeechat.playbook.placeholders import fill_placeholders
from coffeechat.playbook.plan import FittedPlan, choose_questions, fit_plan
from coffeechat.playbook.plan import PlanEntry as FitEntry
from coffeechat.playbook.question_bank import NEXT_STEP_KEYS, QUESTION_BANK
from coffeechat.playbook.question_types import BankQuestion, Category, Phase, Tiara
from coffeechat.prep.models import Pitch, PlanEntry, Preparation, Question

MAX_PLAN_ENTRIES = 40


# ------------------------------------------------------------------------------ question bank


def ensure_bank(user: User) -> None:
    """Give the user their own copy of the built-in questions, once.

    Copies let people edit, tag, star and delete built-in questions like their own; a deleted
    built-in question stays deleted.
    """
    profile = profile_of(user)
    if profile.question_bank_seeded:
        return
    with transaction.atomic():
        present = set(
            Question.objects.filter(owner=user).exclude(key="").values_list("key", flat=True)
        )
        Question.objects.bulk_create(
            Question(
                owner=user,
                key=q.key,
                text=q.text,
                category=q.category.value,
                tiara=q.tiara.value,
                phase=q.phase.value,
                minutes=q.minutes,
                fits_15=q.fits_15,
            )
            for q in QUESTION_BANK
            if q.key not in present
        )
        profile.question_bank_seeded = True
        profile.save(update_fields=["question_bank_seeded"])


def get_question(user: User, pk: int) -> Question:
    return get_object_or_404(Question, pk=pk, owner=user)


def questions_of(user: User) -> QuerySet[Question]:
    ensure_bank(user)
    return Question.objects.filter(owner=user)


def search_questions(
    user: User,
    q: str = "",
    *,
    category: str = "",
    tiara: str = "",
    tag: str = "",
    starred: bool = False,
    fits_15: bool = False,
) -> QuerySet[Question]:
    """The user's questions matching every given filter; ``q`` matches words of the text or tags."""
    found = questions_of(user)
    for word in q.split():
        found = found.filter(Q(text__icontains=word) | Q(tags__icontains=word))
    if category:
        found = found.filter(category=category)
    if tiara:
        found = found.filter(tiara=tiara)
    if tag:
        found = found.filter(tags__icontains=f'"{tag}"')
    if starred:
        found = found.filter(starred=True)
    if fits_15:
        found = found.filter(fits_15=True)
    return found


def normalize_tags(tags: Sequence[str]) -> list[str]:
    """Trimmed, lower-cased, each once, in the order given."""
    return list(dict.fromkeys(" ".join(t.split()).casefold() for t in tags if t.strip()))


@transaction.atomic
def save_question(question: Question) -> Question:
    question.text = " ".join(question.text.split())
    question.tags = normalize_tags(question.tags) if isinstance(question.tags, list) else []
    question.full_clean()
    question.save()
    return question


def googleable(question: Question) -> GoogleableVerdict:
    return check_question(question.text)


# ------------------------------------------------------------------------------ the plan


def preparation_of(interview: Interview) -> Preparation:
    preparation, _ = Preparation.objects.get_or_create(interview=interview)
    preparation.interview = interview  # already loaded: no query to reach it again
    return preparation


def placeholder_values(interview: Interview) -> dict[str, str]:
    """What fills {organization}, {their_role}, {topic} and {their_work} for this interview."""
    person = interview.person
    return {
        "organization": person.organization.name if person.organization else "",
        "their_role": f"your role as {person.title}" if person.title else "",
        "topic": _field_of(interview),
        "their_work": person.what_they_have_done,
    }


_GOAL_OPENERS = frozenset({"how", "what", "why", "whether", "which", "who", "when", "where"})
_FIELD_WORDS = 4


def _field_of(interview: Interview) -> str:
    """The field, as it reads inside a question: "in demand in urban planning".

    A topic written as a short noun phrase is the field; one written as a goal ("How design teams
    work with engineering") would read badly there, so the organization's industry stands in.
    """
    words = interview.topic.split()
    if words and len(words) <= _FIELD_WORDS and words[0].casefold() not in _GOAL_OPENERS:
        return " ".join(words)
    organization = interview.person.organization
    industry = " ".join(organization.industry.split()) if organization else ""
    if len(industry) > 1 and industry[1].islower():  # "Management consulting", not "NGO"
        return industry[0].lower() + industry[1:]
    return industry


def _as_bank_question(question: Question) -> BankQuestion:
    return BankQuestion(
        key=str(question.pk),
        text=question.text,
        category=Category(question.category),
        tiara=Tiara(question.tiara),
        minutes=question.minutes,
        fits_15=question.fits_15,
        phase=Phase(question.phase),
    )


@transaction.atomic
def build_plan(interview: Interview, *, replace: bool = False) -> list[PlanEntry]:
    """Choose 12-14 questions for this interview (P15) and store them as its plan.

    Starred questions are preferred; the next-step questions always close the plan (P22); a
    career changer gets the transferable-skills questions (P27). An existing plan is kept unless
    ``replace``.
    """
    preparation = preparation_of(interview)
    if PlanEntry.objects.filter(interview=interview).exists() and not replace:
        return plan_entries(interview)
    bank = list(questions_of(interview.owner).order_by("-starred", "id"))
    key_to_pk = {q.key: str(q.pk) for q in bank if q.key}
    chosen = choose_questions(
        [_as_bank_question(q) for q in bank],
        goal=f"{interview.topic} {preparation.objectives}",
        their_role=interview.person.title,
        career_change=profile_of(interview.owner).career_change,
        duration_minutes=interview.duration_minutes,
        next_step_keys=[key_to_pk[key] for key in NEXT_STEP_KEYS if key in key_to_pk],
    )
    PlanEntry.objects.filter(interview=interview).delete()
    PlanEntry.objects.bulk_create(
        PlanEntry(interview=interview, question_id=int(q.key), position=position)
        for position, q in enumerate(chosen)
    )
    preparation.plan_built_at = timezone.now()
    preparation.save(update_fields=["plan_built_at", "updated_at"])
    return plan_entries(interview)


def plan_entries(interview: Interview) -> list[PlanEntry]:
    return list(
        PlanEntry.objects.filter(interview=interview)
        .select_related("question")
        .order_by("position", "id")
    )


@dataclass(frozen=True)
class PlannedQuestion:
    entry: PlanEntry
    text: str  # placeholders filled for this interview
    starts_at_minute: float
    fits: bool  # False: "if time allows"
    googleable: GoogleableVerdict


@dataclass(frozen=True)
class Plan:
    questions: list[PlannedQuestion]  # in the order they will be asked
    fitted: FittedPlan

    @property
    def budget_minutes(self) -> float:
        return self.fitted.budget_minutes

    @property
    def fitting_minutes(self) -> float:
        return self.fitted.fitting_minutes

    @property
    def over_budget(self) -> bool:
        return self.fitted.over_budget


def plan_of(interview: Interview) -> Plan:
    """The stored plan, fitted into the agreed time, texts filled for this person."""
    entries = plan_entries(interview)
    by_key = {str(entry.pk): entry for entry in entries}
    fitted = fit_plan(
        [
            FitEntry(
                key=str(entry.pk),
                text=entry.question.text,
                minutes=entry.question.minutes,
                phase=Phase(entry.question.phase),
                pinned=entry.pinned,
            )
            for entry in entries
        ],
        interview.duration_minutes,
    )
    values = placeholder_values(interview)
    return Plan(
        questions=[
            PlannedQuestion(
                entry=by_key[item.entry.key],
                text=fill_placeholders(item.entry.text, values),
                starts_at_minute=item.starts_at_minute,
                fits=item.fits,
                googleable=check_question(item.entry.text),
            )
            for item in fitted.entries
        ],
        fitted=fitted,
    )


@dataclass(frozen=True)
class PlanItem:
    question_id: int
    pinned: bool = False


@transaction.atomic
def set_plan(interview: Interview, items: Sequence[PlanItem]) -> list[PlanEntry]:
    """Replace the plan with ``items`` in this order; notes already taken on a question stay.

    Raises ValidationError naming the problem: an unknown question id (another user's too), a
    question listed twice, or too many entries.
    """
    if len(items) > MAX_PLAN_ENTRIES:
        raise ValidationError(
            {"questions": f"A plan holds at most {MAX_PLAN_ENTRIES} questions, got {len(items)}."}
        )
    twice = [qid for qid, count in Counter(i.question_id for i in items).items() if count > 1]
    if twice:
        listed = ", ".join(str(qid) for qid in twice)
        raise ValidationError({"questions": f"Question {listed} is listed more than once."})
    wanted = [item.question_id for item in items]
    known = set(
        Question.objects.filter(owner=interview.owner, pk__in=wanted).values_list("pk", flat=True)
    )
    unknown = [qid for qid in wanted if qid not in known]
    if unknown:
        listed = ", ".join(str(qid) for qid in unknown)
        raise ValidationError({"questions": f"No such question: {listed}."})
    existing = {e.question_id: e for e in PlanEntry.objects.filter(interview=interview)}
    PlanEntry.objects.filter(interview=interview).exclude(question_id__in=wanted).delete()
    for position, item in enumerate(items):
        entry = existing.get(item.question_id) or PlanEntry(
            interview=interview, question_id=item.question_id
        )
        entry.position = position
        entry.pinned = item.pinned
        entry.save()
    preparation = preparation_of(interview)
    if preparation.plan_built_at is None:
        preparation.plan_built_at = timezone.now()
        preparation.save(update_fields=["plan_built_at", "updated_at"])
    return plan_entries(interview)


def candidates_for(interview: Interview, entries: Sequence[PlanEntry]) -> list[Question]:
    """The user's questions not in the plan, best first: starred, then from the categories the
    plan holds fewest of, then the bank's order. Career-change questions only for a career
    changer (P27)."""
    in_plan = {entry.question_id for entry in entries}
    per_category = Counter(entry.question.category for entry in entries)
    career_change = profile_of(interview.owner).career_change
    candidates = [
        question
        for question in questions_of(interview.owner)
        if question.pk not in in_plan
        and (career_change or question.category != Category.CAREER_CHANGE.value)
    ]
    candidates.sort(key=lambda q: (not q.starred, per_category[q.category], q.pk))
    return candidates


def suggestions_for(interview: Interview, limit: int = 8) -> list[Question]:
    """Questions not in the plan, starred first, then from the categories the plan lacks."""
    return candidates_for(interview, plan_entries(interview))[:limit]


# ------------------------------------------------------------------------------ more on the bank


def question_tags(user: User) -> list[str]:
    """Every tag used in the user's bank, sorted."""
    tags: set[str] = set()
    for row in questions_of(user).values_list("tags", flat=True):
        if isinstance(row, list):
            tags.update(tag for tag in row if isinstance(tag, str))
    return sorted(tags)


@transaction.atomic
def star_question(question: Question, starred: bool) -> Question:
    """Starred questions are preferred when a plan is built and suggested first."""
    question.starred = starred
    question.save(update_fields=["starred", "updated_at"])
    return question


def plans_using(question: Question) -> int:
    return PlanEntry.objects.filter(question=question).count()


@transaction.atomic
def delete_question(question: Question) -> None:
    """Delete a question from the bank and from every plan holding it."""
    question.delete()


# ------------------------------------------------------------------------------ research, saved


@transaction.atomic
def save_research(
    preparation: Preparation, *, what_they_do: str, what_they_have_done: str
) -> Preparation:
    """Save the research checklist: the preparation and what is known of the person (P2, P3)."""
    person = preparation.interview.person
    person.what_they_do = what_they_do.strip()
    person.what_they_have_done = what_they_have_done.strip()
    save_person(person)
    preparation.why_them = preparation.why_them.strip()
    preparation.already_public = preparation.already_public.strip()
    preparation.objectives = preparation.objectives.strip()
    preparation.full_clean()
    preparation.save()
    return preparation


# ------------------------------------------------------------------------------ research (P2, P3)


@dataclass(frozen=True)
class ChecklistItem:
    label: str
    done: bool
    hint: str


def research_checklist(interview: Interview) -> list[ChecklistItem]:
    """What to know before the request goes out (P2, P3, P16)."""
    person = interview.person
    # Read without creating: the composer shows this checklist on a GET.
    preparation = Preparation.objects.filter(interview=interview).first() or Preparation(
        interview=interview
    )
    return [
        ChecklistItem(
            "Who they are",
            bool(person.what_they_do.strip()),
            "What they work on, from their profile or their organization's site.",
        ),
        ChecklistItem(
            "Why them",
            bool(preparation.why_them.strip()),
            "Why this person rather than anyone in the field.",
        ),
        ChecklistItem(
            "What they have done or published",
            bool(person.what_they_have_done.strip()),
            "A talk, an article, a project: something to mention and to ask about.",
        ),
        ChecklistItem(
            "What is already public",
            bool(preparation.already_public.strip()),
            "What a search answers, so you don't spend their time on it.",
        ),
        ChecklistItem(
            "The right person?",
            preparation.right_person == "yes",
            "Are they the person who can answer your questions, or is someone else better?",
        ),
    ]


def research_missing(interview: Interview) -> list[str]:
    return [item.label for item in research_checklist(interview) if not item.done]


# ------------------------------------------------------------------------------ pitch (P18)


def current_pitch(user: User) -> Pitch | None:
    return Pitch.objects.filter(owner=user).first()


def pitch_versions(user: User, limit: int = 20) -> list[Pitch]:
    return list(Pitch.objects.filter(owner=user)[:limit])


@transaction.atomic
def save_pitch(user: User, text: str) -> tuple[Pitch, PitchCheck]:
    """Keep ``text`` as the newest version, unless it is the current one unchanged."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": "Write your pitch first."})
    current = current_pitch(user)
    if current is None or current.text != text:
        current = Pitch(owner=user, text=text)
        current.full_clean()
        current.save()
    return current, check_pitch(text)


def restore_pitch(user: User, pitch: Pitch) -> Pitch:
    """Use an earlier version again: it is saved as the newest one, so nothing is lost."""
    restored, _ = save_pitch(user, pitch.text)
    return restored


def get_pitch(user: User, pk: int) -> Pitch:
    return get_object_or_404(Pitch, pk=pk, owner=user)


# ------------------------------------------------------------------------------ plan on first use


def plan_on_first_use(interview: Interview) -> Plan:
    """The fitted plan, built from the bank the first time anyone looks at it (P15).

    A plan the user emptied on purpose stays empty: only a never-built plan is built.
    """
    if preparation_of(interview).plan_built_at is None:
        build_plan(interview)
    return plan_of(interview)
