from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from coffeechat.core.limits import note_limit
from coffeechat.core.timezones import validate_time_zone
from coffeechat.people.models import Person


class Stage(models.TextChoices):
    IDEA = "idea", "Idea"
    RESEARCHING = "researching", "Researching"
    REQUESTED = "requested", "Requested"
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    THANKED = "thanked", "Thanked"
    CLOSED = "closed", "Closed"
    DECLINED = "declined", "Declined"
    NO_RESPONSE = "no_response", "No response"
    CANCELLED = "cancelled", "Cancelled"


# The main road, in order; the rest are exits from it.
PIPELINE: tuple[Stage, ...] = (
    Stage.IDEA,
    Stage.RESEARCHING,
    Stage.REQUESTED,
    Stage.SCHEDULED,
    Stage.HELD,
    Stage.THANKED,
    Stage.CLOSED,
)
EXITS: tuple[Stage, ...] = (Stage.DECLINED, Stage.NO_RESPONSE, Stage.CANCELLED)


class Mode(models.TextChoices):
    # In the order of preference of P13.
    WORKPLACE = "workplace", "In person at their workplace"
    CAFE = "cafe", "Café nearby"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone call"


DEFAULT_DURATION_MINUTES = 20


class Interview(models.Model):
    """An informational interview with one person, from idea to thank-you."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interviews"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="interviews")
    topic = models.CharField(
        max_length=300, help_text="What you want to learn from this conversation (P1)."
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.IDEA)
    duration_minutes = models.PositiveSmallIntegerField(
        default=DEFAULT_DURATION_MINUTES,
        validators=[MinValueValidator(5), MaxValueValidator(180)],
        help_text="Agreed length in minutes (15–20 is the norm, P7, P14).",
    )
    scheduled_start = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, blank=True, validators=[validate_time_zone])
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.VIDEO)
    location = models.CharField(max_length=300, blank=True)
    video_url = models.URLField(max_length=500, blank=True)
    outcome_notes = models.TextField(blank=True, validators=note_limit())
    # RFC 5545 SEQUENCE of the calendar invite: raised on every change its attendee must see
    # (a new time, a new place, a cancellation), so their calendar applies the update.
    ics_sequence = models.PositiveIntegerField(default=0)
    stage_changed_at = models.DateTimeField(auto_now_add=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "stage"]),
            models.Index(fields=["owner", "scheduled_start"]),
            models.Index(fields=["person", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.person.name}: {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("interview", args=[self.pk])


class ActivityKind(models.TextChoices):
    REQUEST_SENT = "request_sent", "Request sent"
    NUDGE_SENT = "nudge_sent", "Nudge sent"
    REPLY_RECEIVED = "reply_received", "Reply received"
    SCHEDULED = "scheduled", "Scheduled"
    RESCHEDULED = "rescheduled", "Rescheduled"
    HELD = "held", "Conversation held"
    THANK_YOU_SENT = "thank_you_sent", "Thank-you sent"
    UPDATE_SENT = "update_sent", "Update sent"
    INTRO_REQUESTED = "intro_requested", "Introduction requested"
    INTRO_MADE = "intro_made", "Introduction made"
    STAGE_CHANGED = "stage_changed", "Stage changed"
    NOTE = "note", "Note"


class Activity(models.Model):
    """One touch in the timeline: a message, a reply, a conversation, a note."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(max_length=20, choices=ActivityKind.choices, default=ActivityKind.NOTE)
    at = models.DateTimeField()
    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, null=True, blank=True, related_name="activities"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="activities"
    )
    text = models.TextField(blank=True, validators=note_limit())
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "activities"
        indexes = [
            models.Index(fields=["owner", "-at"]),
            models.Index(fields=["person", "-at"]),
            models.Index(fields=["interview", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M}"
