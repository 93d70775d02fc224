"""The conversation and its debrief: live mode, the debrief form and referrals.

Live mode keeps the clock honest (P14, P20) and brings up the next-step questions before the end
(P22); the debrief keeps what was learned for later (P26), the skills heard (P27) and every
referral as a new contact linked to whoever suggested them (P28). Web views, the API and the CLI
all go through these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffeechat.core.limits import MAX_NOTE_CHARACTERS
from coffeechat.debrief.models import Debrief, Resource, ResourceKind, Skill, SkillStatus
from coffeechat.followup.services import sync_keep_posted
from coffeechat.interviews.models import Interview, Stage
from coffeechat.interviews.services import get_interview, move_to_stage, save_interview
from coffeechat.people.models import Organization, Person, ReferralKind, Relationship
from coffeechat.people.services import save_organization, save_person
from coffeechat.playbook.placeholders import fill_placeholders
from coffeechat.playbook.question_bank import NEXT_STEP_KEYS, bank_by_key
from coffeechat.prep.models import PlanEntry, Question
from coffeechat.prep.services import Plan, placeholder_values

# One tap on "They offered more time" adds this much (P14: only they may extend it).
EXTENSION_STEP_MINUTES = 5
MAX_EXTENDED_MINUTES = 120
MAX_NOTE_LENGTH = MAX_NOTE_CHARACTERS
# A referral chain longer than this is cut (and a loop someone edited in is cut too).
MAX_CHAIN_LENGTH = 50

RowInput = TypeVar("RowInput")
Added = TypeVar("Added")

# Stages from which ending the conversation moves the interview to "held"; later stages stay.
_ALREADY_HELD = (Stage.HELD, Stage.THANKED, Stage.CLOSED)


# ------------------------------------------------------------------------------ getters


def debrief_of(interview: Interview) -> Debrief:
    """The interview's debrief; a blank unsaved one until something is recorded."""
    try:
        return interview.debrief
    except Debrief.DoesNotExist:
        return Debrief(interview=interview)


def get_debrief(user: User, pk: int) -> Debrief:
    """The debrief of the user's interview ``pk``, or 404 (another user's looks missing)."""
    return debrief_of(get_interview(user, pk))


def _stored_debrief(interview: Interview) -> Debrief:
    debrief, _ = Debrief.objects.select_for_update().get_or_create(interview=interview)
    interview.debrief = debrief
    return debrief


def agreed_minutes(interview: Interview, debrief: Debrief) -> int:
    """The agreed length plus whatever they offered on top (P14)."""
    return interview.duration_minutes + debrief.extended_minutes


def minutes_phrase(count: int) -> str:
    return f"{count} minute" if count == 1 else f"{count} minutes"


def held_minutes(debrief: Debrief) -> int | None:
    """How long the conversation really lasted, rounded to the minute; None when not recorded."""
    if debrief.started_at is None or debrief.ended_at is None:
        return None
    return round((debrief.ended_at - debrief.started_at).total_seconds() / 60)


# ------------------------------------------------------------------------------ live mode


@transaction.atomic
def start_conversation(interview: Interview, at: datetime | None = None) -> Debrief:
    """Start the clock: the first start is kept, so a repeated tap or a retry changes nothing."""
    debrief = _stored_debrief(interview)
    if debrief.started_at is None:
        debrief.started_at = at or timezone.now()
        debrief.save(update_fields=["started_at", "updated_at"])
    return debrief


def _check_extension(total: int) -> None:
    if total > MAX_EXTENDED_MINUTES:
        raise ValidationError(
            {
                "extended_minutes": f"At most {MAX_EXTENDED_MINUTES} extra minutes; "
                "for more, plan another conversation."
            }
        )


@transaction.atomic
def extend_time(interview: Interview, minutes: int = EXTENSION_STEP_MINUTES) -> Debrief:
    """They offered more time: add ``minutes`` to the agreed length (P14)."""
    if minutes <= 0:
        raise ValidationError({"extended_minutes": "Add at least one minute."})
    debrief = _stored_debrief(interview)
    _check_extension(debrief.extended_minutes + minutes)
    Debrief.objects.filter(pk=debrief.pk).update(
        extended_minutes=F("extended_minutes") + minutes, updated_at=timezone.now()
    )
    debrief.refresh_from_db()
    return debrief


@transaction.atomic
def record_extension(interview: Interview, total: int) -> Debrief:
    """Set the extra minutes to ``total`` unless more are recorded already.

    Live mode sends the total it shows, so a tap sent twice (a retry after the connection came
    back) or two taps arriving out of order never add more than was offered.
    """
    if total < 0:
        raise ValidationError({"extended_minutes": "The extra time cannot be negative."})
    _check_extension(total)
    debrief = _stored_debrief(interview)
    if total > debrief.extended_minutes:
        debrief.extended_minutes = total
        debrief.save(update_fields=["extended_minutes", "updated_at"])
    return debrief


def get_plan_entry(interview: Interview, entry_id: int) -> PlanEntry:
    """A question of this interview's plan, or 404."""
    return get_object_or_404(PlanEntry, pk=entry_id, interview=interview)


@transaction.atomic
def save_note(
    interview: Interview, entry_id: int, notes: str, *, at: datetime | None = None
) -> PlanEntry:
    """Keep the notes taken on one question of the plan during the conversation."""
    if len(notes) > MAX_NOTE_LENGTH:
        raise ValidationError(
            {"notes": f"A note holds at most {MAX_NOTE_LENGTH} characters, got {len(notes)}."}
        )
    entry = get_plan_entry(interview, entry_id)
    entry.notes = notes
    entry.notes_updated_at = at or timezone.now()
    entry.save(update_fields=["notes", "notes_updated_at"])
    return entry


@transaction.atomic
def end_conversation(interview: Interview, started_at: datetime, ended_at: datetime) -> Debrief:
    """Record the real start and end and move the interview to held (P20).

    An interview already held, thanked or closed keeps its stage; only the times are updated.
    """
    if ended_at < started_at:
        raise ValidationError({"ended_at": "The end comes before the start."})
    debrief = _stored_debrief(interview)
    debrief.started_at = started_at
    debrief.ended_at = ended_at
    debrief.save(update_fields=["started_at", "ended_at", "updated_at"])
    if interview.stage not in _ALREADY_HELD:
        minutes = held_minutes(debrief) or 0
        length = minutes_phrase(minutes) if minutes else "less than a minute"
        move_to_stage(interview, Stage.HELD, at=ended_at, text=f"Conversation held, {length}")
    return debrief


def next_step_questions(interview: Interview, plan: Plan) -> list[str]:
    """The three next-step questions (P22): who else, resources, may I contact you again.

    Texts come from the plan's next-step entries when they are there, else from the user's copy
    of the bank question, else from the built-in bank.
    """
    in_plan = {
        planned.entry.question.key: planned.text
        for planned in plan.questions
        if planned.entry.question.key in NEXT_STEP_KEYS
    }
    missing = [key for key in NEXT_STEP_KEYS if key not in in_plan]
    values = placeholder_values(interview)
    own: dict[str, str] = {}
    if missing:
        own = dict(
            Question.objects.filter(owner_id=interview.owner_id, key__in=missing).values_list(
                "key", "text"
            )
        )
    bank = bank_by_key()
    texts = []
    for key in NEXT_STEP_KEYS:
        if key in in_plan:
            texts.append(in_plan[key])
        else:
            texts.append(fill_placeholders(own.get(key) or bank[key].text, values))
    return texts


def notes_taken(interview: Interview) -> list[tuple[str, str]]:
    """(question, notes) for every question of the plan that has notes, in plan order."""
    values = placeholder_values(interview)
    entries = (
        PlanEntry.objects.filter(interview=interview)
        .exclude(notes="")
        .select_related("question")
        .order_by("position", "id")
    )
    return [(fill_placeholders(e.question.text, values), e.notes) for e in entries]


# ------------------------------------------------------------------------------ debrief


@dataclass(frozen=True)
class ResourceInput:
    title: str
    kind: str = ResourceKind.OTHER
    url: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SkillInput:
    name: str
    status: str = SkillStatus.TO_LEARN


@dataclass(frozen=True)
class ReferralInput:
    name: str
    referral_kind: str
    title: str = ""
    organization_name: str = ""
    email: str = ""


@dataclass
class DebriefSaved:
    debrief: Debrief
    resources: list[Resource] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    referrals: list[Person] = field(default_factory=list)


def _clean_text(value: str) -> str:
    return " ".join(value.split())


@transaction.atomic
def add_resource(interview: Interview, item: ResourceInput) -> Resource:
    """A resource they recommended (P22); the same title twice for one interview is kept once."""
    title = _clean_text(item.title)
    existing = Resource.objects.filter(
        owner_id=interview.owner_id, interview=interview, title__iexact=title
    ).first()
    if existing is not None:
        return existing
    resource = Resource(
        owner_id=interview.owner_id,
        kind=item.kind,
        title=title,
        url=item.url.strip(),
        notes=item.notes.strip(),
        recommended_by=interview.person,
        interview=interview,
    )
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def add_skill(interview: Interview, item: SkillInput) -> Skill:
    """A skill they said the field needs, for the skills map (P27); kept once per interview."""
    name = _clean_text(item.name)
    existing = Skill.objects.filter(
        owner_id=interview.owner_id, interview=interview, name__iexact=name
    ).first()
    if existing is not None:
        if existing.status != item.status:
            existing.status = item.status
            existing.full_clean()
            existing.save(update_fields=["status"])
        return existing
    skill = Skill(
        owner_id=interview.owner_id,
        name=name,
        status=item.status,
        mentioned_by=interview.person,
        interview=interview,
    )
    skill.full_clean()
    skill.save()
    return skill


def _organization_named(owner_id: int, name: str) -> Organization | None:
    name = _clean_text(name)
    if not name:
        return None
    found = Organization.objects.filter(owner_id=owner_id, name__iexact=name).first()
    return found or save_organization(Organization(owner_id=owner_id, name=name))


@transaction.atomic
def add_referral(interview: Interview, item: ReferralInput) -> Person:
    """Someone they suggested you talk to becomes a contact linked to them (P28).

    The new person is a "referral" referred by this interview's person, with an interview idea on
    the same topic. Suggesting the same name again returns the person already there.
    """
    referrer = interview.person
    name = _clean_text(item.name)
    existing = Person.objects.filter(
        owner_id=interview.owner_id, referred_by=referrer, name__iexact=name
    ).first()
    if existing is not None:
        return existing
    if item.referral_kind not in ReferralKind.values:
        raise ValidationError(
            {"referral_kind": "Say whether they will introduce you or you may mention them."}
        )
    person = Person(
        owner_id=interview.owner_id,
        name=name,
        title=_clean_text(item.title),
        organization=_organization_named(interview.owner_id, item.organization_name),
        emails=[item.email.strip()] if item.email.strip() else [],
        relationship=Relationship.REFERRAL,
        relationship_context=f"Suggested by {referrer.name}"[:300],
        referred_by=referrer,
        referral_kind=item.referral_kind,
    )
    try:
        save_person(person)
    except ValidationError as error:
        raise _as_referral_fields(error) from error
    save_interview(
        Interview(
            owner_id=interview.owner_id,
            person=person,
            topic=interview.topic,
            stage=Stage.IDEA,
        )
    )
    return person


_REFERRAL_FIELDS = {"emails": "email", "organization": "organization_name"}


def _as_referral_fields(error: ValidationError) -> ValidationError:
    """Person's field names as a referral names them (``emails`` is typed as one ``email``)."""
    if not hasattr(error, "error_dict"):
        return error
    return ValidationError(
        {_REFERRAL_FIELDS.get(name, name): texts for name, texts in error.message_dict.items()}
    )


def _row_errors(prefix: str, index: int, error: ValidationError) -> ValidationError:
    """Name the row and field of an error: ``resources-0-url``, as the form fields are named."""
    if not hasattr(error, "error_dict"):
        return ValidationError({f"{prefix}-{index}": error.messages})
    named: dict[str, list[str]] = {}
    for name, messages in error.message_dict.items():
        key = f"{prefix}-{index}" if name == NON_FIELD_ERRORS else f"{prefix}-{index}-{name}"
        named.setdefault(key, []).extend(messages)
    return ValidationError(named)


@transaction.atomic
def save_debrief(
    debrief: Debrief,
    *,
    resources: Sequence[ResourceInput] = (),
    skills: Sequence[SkillInput] = (),
    referrals: Sequence[ReferralInput] = (),
) -> DebriefSaved:
    """Save the debrief and everything added with it, all or nothing.

    A ValidationError names the field, and for the rows its list and position
    (``referrals-1-email``); nothing is saved then. When they asked to be kept posted, the
    keep-posted reminder is turned on for the person (P24); it is never turned off from here.
    """
    interview = debrief.interview
    debrief.full_clean(exclude=["interview"])
    debrief.save()
    person = interview.person
    if debrief.offered_keep_in_touch and not person.keep_posted:
        person.keep_posted = True
        person.save(update_fields=["keep_posted", "updated_at"])
        sync_keep_posted(person)  # the reminder appears now, not at the next activity
    return DebriefSaved(
        debrief,
        resources=_add_rows(interview, "resources", resources, add_resource),
        skills=_add_rows(interview, "skills", skills, add_skill),
        referrals=_add_rows(interview, "referrals", referrals, add_referral),
    )


def _add_rows(
    interview: Interview,
    prefix: str,
    items: Sequence[RowInput],
    add: Callable[[Interview, RowInput], Added],
) -> list[Added]:
    added = []
    for index, item in enumerate(items):
        try:
            added.append(add(interview, item))
        except ValidationError as error:
            raise _row_errors(prefix, index, error) from error
    return added


# ------------------------------------------------------------------------------ referrals (P28)


def _chain_ids_sql(person: Person) -> RawSQL:
    """The ids of ``person`` and everyone up their referral line, in one recursive query."""
    table = connection.ops.quote_name(Person._meta.db_table)
    parent = connection.ops.quote_name(Person._meta.get_field("referred_by").column)
    owner = connection.ops.quote_name(Person._meta.get_field("owner").column)
    sql = (
        f"WITH RECURSIVE chain(id, parent, depth) AS ("  # noqa: S608  # names from _meta only
        f" SELECT id, {parent}, 0 FROM {table} WHERE id = %s AND {owner} = %s"
        f" UNION ALL"
        f" SELECT p.id, p.{parent}, chain.depth + 1 FROM {table} p"
        f" JOIN chain ON p.id = chain.parent WHERE p.{owner} = %s AND chain.depth < %s"
        f") SELECT id FROM chain"
    )
    params = (person.pk, person.owner_id, person.owner_id, MAX_CHAIN_LENGTH)
    return RawSQL(sql, params)  # noqa: S611  # the values are parameters, the names from _meta


def referral_chain(person: Person) -> list[Person]:
    """Who led to whom: from the first referrer down to ``person`` (just them if not referred).

    One query whatever the length; a loop (A referred B, B referred A) is cut where it repeats.
    """
    if person.referred_by_id is None:
        return [person]
    found = {p.pk: p for p in Person.objects.filter(pk__in=_chain_ids_sql(person))}
    line = [person]
    seen = {person.pk}
    parent_id: int | None = person.referred_by_id
    while parent_id is not None and parent_id in found and parent_id not in seen:
        parent = found[parent_id]
        line.append(parent)
        seen.add(parent_id)
        parent_id = parent.referred_by_id
    line.reverse()
    return line


def people_referred_by(person: Person) -> list[Person]:
    """The people ``person`` suggested, with how they help (introduce us / mention their name)."""
    return list(
        Person.objects.filter(owner_id=person.owner_id, referred_by=person).order_by("name", "id")
    )


def referrals_from(interview: Interview) -> list[Person]:
    """People this interview's person suggested (everyone they referred, newest first)."""
    return list(
        Person.objects.filter(owner_id=interview.owner_id, referred_by_id=interview.person_id)
        .select_related("organization")
        .order_by("-created_at", "-id")
    )
