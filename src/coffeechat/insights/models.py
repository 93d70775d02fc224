"""Series goals (P5): a target number of conversations of a kind by a date."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone


def _today() -> date:
    return timezone.localdate()


class Goal(models.Model):
    """“10 informational interviews with engineers in Toronto by 1 March”."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    title = models.CharField(max_length=200)
    target_count = models.PositiveSmallIntegerField(
        "how many conversations", validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    start_date = models.DateField("from", default=_today)
    due_date = models.DateField("by")
    # The filter: an interview counts when its person matches every criterion that is set.
    role_keywords = models.CharField(
        max_length=200,
        blank=True,
        help_text="Words in their job title, separated by commas: “engineer, developer”.",
    )
    industry = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    tags = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "id"]
        indexes = [models.Index(fields=["owner", "due_date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goal", args=[self.pk])
