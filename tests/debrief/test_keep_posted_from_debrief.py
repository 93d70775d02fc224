"""Ticking "they asked to be kept posted" in the debrief starts the reminder at once (P24)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from coffeechat.followup.models import Task, TaskKind
from tests.debrief.test_views import debrief_data
from tests.factories import InterviewFactory


def test_asking_to_be_kept_posted_creates_the_reminder_right_away(
    owner: User, owner_client: Client
) -> None:
    interview = InterviewFactory(owner=owner, stage="held")
    owner_client.post(
        reverse("interview_debrief", args=[interview.pk]),
        debrief_data(offered_keep_in_touch="on"),
    )
    assert Task.objects.filter(
        person=interview.person, kind=TaskKind.KEEP_POSTED, done=False
    ).exists()
