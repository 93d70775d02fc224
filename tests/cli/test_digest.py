"""`coffeechat digest`: the agenda by email (text and HTML) through a real SMTP server, only to
users who opted in and only when something is due."""

from __future__ import annotations

import email
from datetime import timedelta
from email.message import Message

from click.testing import CliRunner
from django.contrib.auth.models import User
from django.utils import timezone

from coffeechat.cli import main
from coffeechat.followup.models import TaskKind
from coffeechat.interviews.models import Stage
from tests.factories import InterviewFactory, TaskFactory, UserFactory


def opted_in(name: str) -> User:
    return UserFactory(username=name, profile__digest=True)


def overdue_task(user: User, title: str = "Thank Ana") -> None:
    TaskFactory(
        owner=user, title=title, kind=TaskKind.THANK_YOU, due_at=timezone.now() - timedelta(hours=3)
    )


def digest(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["digest", *args])


def parts(raw: bytes) -> dict[str, str]:
    message = email.message_from_bytes(raw)
    found: dict[str, str] = {}
    for part in message.walk():
        if not part.is_multipart():
            assert isinstance(part, Message)
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            found[part.get_content_type()] = payload.decode(part.get_content_charset() or "utf-8")
    return found


def test_digest_emails_an_opted_in_user_with_something_overdue(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    dana = opted_in("dana")
    overdue_task(dana)
    result = digest()
    assert result.exit_code == 0
    assert [rcpt for _, rcpt, _ in smtp_inbox.messages] == [[dana.email]]


def test_digest_sends_plain_text_and_html(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(opted_in("dana"), "Thank Ana Silva (within 24 hours)")
    digest()
    found = parts(smtp_inbox.messages[0][2])
    assert set(found) == {"text/plain", "text/html"}
    assert "Overdue thank-yous" in found["text/plain"]
    assert "Thank Ana Silva (within 24 hours)" in found["text/plain"]
    assert "<h2" in found["text/html"]
    assert "Thank Ana Silva (within 24 hours)" in found["text/html"]


def test_digest_links_point_at_the_site_url(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(opted_in("dana"))
    digest("--site-url", "https://coffee.example.org/")
    assert (
        'href="https://coffee.example.org/today/"' in parts(smtp_inbox.messages[0][2])["text/html"]
    )


def test_digest_subject_says_what_is_due(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(opted_in("dana"))
    digest()
    message = email.message_from_bytes(smtp_inbox.messages[0][2])
    assert message["Subject"] == "Your coffeechat agenda: 1 thank-you overdue"


def test_digest_counts_an_interview_today_as_something_due(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    dana = opted_in("dana")
    InterviewFactory(
        owner=dana, topic="Research ops", stage=Stage.SCHEDULED, scheduled_start=timezone.now()
    )
    digest()
    assert "Research ops" in parts(smtp_inbox.messages[0][2])["text/plain"]


def test_digest_sends_nothing_when_nothing_is_due(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    dana = opted_in("dana")
    TaskFactory(owner=dana, due_at=timezone.now() + timedelta(days=3))
    result = digest()
    assert smtp_inbox.messages == []
    assert result.output.strip() == "Sent 0 digests (1 user had nothing due)"


def test_digest_skips_users_who_did_not_opt_in(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(UserFactory(username="erin"))
    result = digest()
    assert smtp_inbox.messages == []
    assert result.output.strip() == "Sent 0 digests"


def test_digest_summary_counts_sent_and_nothing_due(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    for name in ("ann", "bo", "cy"):
        overdue_task(opted_in(name))
    opted_in("dee")
    opted_in("ed")
    result = digest()
    assert result.output.strip() == "Sent 3 digests (2 users had nothing due)"
    assert sorted(rcpt[0] for _, rcpt, _ in smtp_inbox.messages) == [
        "ann@example.com",
        "bo@example.com",
        "cy@example.com",
    ]


def test_each_digest_holds_only_its_own_users_agenda(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(opted_in("ann"), "Ann's task")
    overdue_task(opted_in("bo"), "Bo's task")
    digest()
    by_recipient = {rcpt[0]: parts(raw)["text/plain"] for _, rcpt, raw in smtp_inbox.messages}
    assert "Bo's task" not in by_recipient["ann@example.com"]
    assert "Ann's task" not in by_recipient["bo@example.com"]


def test_digest_with_user_sends_now_even_when_not_opted_in(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    erin = UserFactory(username="erin")
    TaskFactory(owner=erin, title="Read the book", due_at=timezone.now() + timedelta(days=2))
    result = digest("--user", "erin")
    assert result.output.strip() == "Sent 1 digest"
    assert [rcpt for _, rcpt, _ in smtp_inbox.messages] == [[erin.email]]
    assert "Read the book" in parts(smtp_inbox.messages[0][2])["text/plain"]


def test_digest_with_user_leaves_the_others_alone(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(opted_in("ann"))
    UserFactory(username="erin")
    digest("--user", "erin")
    assert [rcpt for _, rcpt, _ in smtp_inbox.messages] == [["erin@example.com"]]


def test_digest_reports_a_user_without_an_email_address(smtp_inbox, db: None) -> None:  # type: ignore[no-untyped-def]
    overdue_task(UserFactory(username="flo", email="", profile__digest=True))
    result = digest()
    assert smtp_inbox.messages == []
    assert result.output.strip() == "Sent 0 digests (no email address for flo)"


def test_digest_for_an_unknown_user_fails_clearly(db: None) -> None:
    result = digest("--user", "nobody")
    assert result.exit_code == 1
    assert "No user named 'nobody'" in result.output


def test_digest_exits_1_when_the_mail_server_is_unreachable(settings, db: None) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    overdue_task(opted_in("dana"))
    result = digest()
    assert result.exit_code == 1
    assert "Sent 0 digests (1 failure: dana:" in result.output
