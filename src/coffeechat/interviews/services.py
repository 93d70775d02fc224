"""Interviews and the activity timeline: access getters and use cases."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.people.models import Person

# Moving a card to these stages says what happened; other moves are recorded as a stage change.
_STAGE_ACTIVITY: dict[str, str] = {
    Stage.REQUESTED: ActivityKind.REQUEST_SENT,
    Stage.SCHEDULED: ActivityKind.SCHEDULED,
    Stage.HELD: ActivityKind.HELD,
    Stage.THANKED: ActivityKind.THANK_YOU_SENT,
}


def get_interview(user: User, pk: int) -> Interview:
    return get_object_or_404(
        Interview.objects.select_related("person", "person__organization"), pk=pk, owner=user
    )


def get_activity(user: User, pk: int) -> Activity:
    return get_object_or_404(Activity, pk=pk, owner=user)


def interviews_of(user: User) -> QuerySet[Interview]:
    return Interview.objects.filter(owner=user).select_related("person", "person__organization")


def timeline_of_person(person: Person) -> QuerySet[Activity]:
    return Activity.objects.filter(owner_id=person.owner_id, person=person).select_related(
        "interview"
    )


def check_owner(owner: User, person: Person | None, interview: Interview | None) -> None:
    """Links to another user's person or interview are reported like missing ones."""
    errors: dict[str, str] = {}
    if person is not None and person.owner_id != owner.pk:
        errors["person"] = "No such person."
    if interview is not None and interview.owner_id != owner.pk:
        errors["interview"] = "No such interview."
    if errors:
        raise ValidationError(errors)


# A change to one of these, once a start is set, is an update the invitee's calendar must apply.
_INVITE_FIELDS = ("scheduled_start", "duration_minutes", "mode", "location", "video_url")


def _invite_changed(interview: Interview) -> bool:
    """True when a saved interview that had a start changes its time or place."""
    if interview._state.adding:
        return False
    old = Interview.objects.filter(pk=interview.pk).values(*_INVITE_FIELDS).first()
    if old is None or old["scheduled_start"] is None:
        return False
    return any(old[name] != getattr(interview, name) for name in _INVITE_FIELDS)


@transaction.atomic
def save_interview(interview: Interview) -> Interview:
    """Validate and save; a new interview's stage clock starts now.

    A new time or place for an interview that already had a start raises the invite's SEQUENCE,
    so a calendar that has the previous invite takes the new one as an update.
    """
    check_owner(interview.owner, interview.person, None)
    interview.full_clean()
    if _invite_changed(interview):
        interview.ics_sequence += 1
    interview.save()
    return interview


@transaction.atomic
def record_activity(
    owner: User,
    kind: str,
    *,
    at: datetime | None = None,
    person: Person | None = None,
    interview: Interview | None = None,
    text: str = "",
) -> Activity:
    check_owner(owner, person, interview)
    if person is None and interview is not None:
        person = interview.person
    activity = Activity(
        owner=owner,
        kind=kind,
        at=at or timezone.now(),
        person=person,
        interview=interview,
        text=text,
    )
    activity.full_clean()
    activity.save()
    from coffeechat.followup.services import activity_recorded  # followup builds on interviews

    activity_recorded(activity)  # P24: a real interaction restarts the keep-posted clock
    return activity


@transaction.atomic
def move_to_stage(
    interview: Interview,
    stage: str,
    *,
    at: datetime | None = None,
    text: str = "",
    kind: str | None = None,
) -> Activity | None:
    """Change the stage and record what happened in the timeline; no-op when unchanged.

    ``kind`` overrides the activity recorded (e.g. ``rescheduled`` rather than ``scheduled``).
    Entering or leaving ``cancelled`` raises the invite's SEQUENCE: the invite turns into a
    cancellation, or back into a request, and calendars apply only a higher sequence.
    """
    if stage not in Stage.values:
        raise ValidationError(
            {"stage": f"{stage!r} is not a stage; use one of {', '.join(Stage.values)}."}
        )
    if stage == interview.stage:
        return None
    previous = Stage(interview.stage).label
    at = at or timezone.now()
    update_fields = ["stage", "stage_changed_at", "updated_at"]
    if Stage.CANCELLED in (stage, interview.stage):
        interview.ics_sequence += 1
        update_fields.append("ics_sequence")
    interview.stage = stage
    interview.stage_changed_at = at
    interview.save(update_fields=update_fields)
    kind = kind or _STAGE_ACTIVITY.get(stage, ActivityKind.STAGE_CHANGED)
    note = text or f"{previous} → {Stage(stage).label}"
    activity = record_activity(interview.owner, kind, at=at, interview=interview, text=note)
    from coffeechat.followup.services import stage_changed

    stage_changed(interview, stage, at)  # P23: held brings the thank-you task, due in 24 hours
    return activity
