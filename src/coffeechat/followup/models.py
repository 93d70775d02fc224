from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from coffeechat.core.limits import note_limit
from coffeechat.interviews.models import Interview
from coffeechat.people.models import Person


class TaskKind(models.TextChoices):
    RESEARCH = "research", "Research"
    PREPARE = "prepare", "Prepare"
    NUDGE = "nudge", "Nudge"
    CONTACT_ANOTHER = "contact_another", "Contact another person"
    THANK_YOU = "thank_you", "Thank you"
    KEEP_POSTED = "keep_posted", "Keep posted"
    THANK_REFERRER = "thank_referrer", "Thank the referrer"
    CUSTOM = "custom", "Other"


class Task(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tasks"
    )
    kind = models.CharField(max_length=16, choices=TaskKind.choices, default=TaskKind.CUSTOM)
    title = models.CharField(max_length=300)
    due_at = models.DateTimeField(null=True, blank=True)
    done = models.BooleanField(default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    # Dismissed reminders count as done but were not acted on (kept apart for the record).
    dismissed = models.BooleanField(default=False)
    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks"
    )
    notes = models.TextField(blank=True, validators=note_limit())
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done", "due_at", "id"]
        indexes = [models.Index(fields=["owner", "done", "due_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return not self.done and self.due_at is not None and self.due_at < timezone.now()
