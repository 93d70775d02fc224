"""The Today page's "no reply after the nudge" section (3B7), decided in the database.

Each requested interview's latest nudge and whether a reply came after it are computed by one
query, so the page never loads the timeline of every pending request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Subquery

from coffeechat.accounts.services import user_zone
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.playbook.timing import no_response_due

NO_RESPONSE_SHOWN = 25
# Seven business days are never fewer than seven calendar days: a safe filter for the database.
AT_LEAST = timedelta(days=7)


@dataclass(frozen=True)
class NoResponse:
    shown: Sequence[Interview]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.shown)


def no_response(user: User, now: datetime, limit: int = NO_RESPONSE_SHOWN) -> NoResponse:
    """Requested interviews whose latest nudge went unanswered for 7 business days."""
    zone = user_zone(user)
    last_nudge = (
        Activity.objects.filter(interview=OuterRef("pk"), kind=ActivityKind.NUDGE_SENT)
        .order_by("-at")
        .values("at")[:1]
    )
    replied = Activity.objects.filter(
        interview=OuterRef("pk"), kind=ActivityKind.REPLY_RECEIVED, at__gte=OuterRef("last_nudge")
    )
    candidates = (
        Interview.objects.filter(owner=user, stage=Stage.REQUESTED)
        .annotate(last_nudge=Subquery(last_nudge))
        .filter(last_nudge__lte=now - AT_LEAST)
        .exclude(Exists(replied))
        .select_related("person")
        .order_by("last_nudge", "id")
    )
    due = [i for i in candidates if now >= no_response_due(i.last_nudge, zone)]
    return NoResponse(due[:limit], len(due))
