"""The daily digest: each user who opted in gets their agenda by email when something is due.

Meant for cron (``coffeechat digest``). Plain text and HTML in one message; times in each user's
own time zone; links point at ``site_url`` (mail has no page to be relative to).
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import timezone

from coffeechat.accounts.services import user_zone
from coffeechat.followup.agenda_text import agenda_as_text
from coffeechat.followup.services import Agenda, agenda

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


@dataclass
class DigestReport:
    """Who got a digest, and why the others did not."""

    sent: list[str] = field(default_factory=list)
    nothing_due: list[str] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        notes = []
        if self.nothing_due:
            notes.append(f"{_plural(len(self.nothing_due), 'user')} had nothing due")
        if self.no_email:
            names = ", ".join(self.no_email)
            notes.append(f"no email address for {names}")
        if self.failed:
            notes.append(f"{_plural(len(self.failed), 'failure')}: {'; '.join(self.failed)}")
        text = f"Sent {_plural(len(self.sent), 'digest')}"
        return f"{text} ({'; '.join(notes)})" if notes else text


def subject_of(plan: Agenda) -> str:
    parts = []
    if plan.interviews_today:
        parts.append(f"{_plural(len(plan.interviews_today), 'interview')} today")
    thanks = len(plan.overdue_thank_yous)
    if thanks:
        parts.append(f"{_plural(thanks, 'thank-you')} overdue")
    if plan.overdue:
        parts.append(f"{_plural(len(plan.overdue), 'task')} overdue")
    if plan.due_today:
        parts.append(f"{len(plan.due_today)} due today")
    return "Your coffeechat agenda: " + (", ".join(parts) if parts else "nothing due today")


def digest_message(
    user: User, plan: Agenda, site_url: str = DEFAULT_SITE_URL
) -> EmailMultiAlternatives:
    """The agenda as one email: a plain-text table and an HTML version with links."""
    site = site_url.rstrip("/")
    zone = user_zone(user)
    with timezone.override(zone):
        text = (
            f"Hello {user.get_full_name() or user.username},\n\n"
            f"{agenda_as_text(plan)}\n\n"
            f"Your Today page: {site}/today/\n"
            f"(You get this because the digest is on in your account: {site}/account/)\n"
        )
        html = render_to_string(
            "followup/email/digest.html",
            {"user": user, "agenda": plan, "site": site, "zone": zone.key},
        )
    message = EmailMultiAlternatives(
        subject_of(plan), text, from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]
    )
    message.attach_alternative(html, "text/html")
    return message


def send_digests(
    *, user: User | None = None, now: datetime | None = None, site_url: str = DEFAULT_SITE_URL
) -> DigestReport:
    """Email every opted-in user their agenda when something is due (overdue, due today, or an
    interview today). With ``user``, that user's agenda now, opted in or not, due or not."""
    if user is not None:
        users: list[User] = [user]
    else:
        users = list(
            User.objects.filter(is_active=True, profile__digest=True)
            .select_related("profile")
            .order_by("username")
        )
    report = DigestReport()
    connection = get_connection()
    try:
        for person in users:
            plan = agenda(person, now, limit=None)
            if user is None and not plan.has_something_due:
                report.nothing_due.append(person.username)
                continue
            if not person.email:
                report.no_email.append(person.username)
                continue
            message = digest_message(person, plan, site_url)
            try:
                connection.send_messages([message])
            except (smtplib.SMTPException, OSError) as error:
                report.failed.append(f"{person.username}: {error}")
            else:
                report.sent.append(person.username)
    finally:
        connection.close()
    return report
