"""The brief as a document: what the PDF says, how long it is, and what an empty plan says."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from pypdf import PdfReader
from weasyprint import CSS, HTML

from coffeechat.accounts.services import profile_of
from coffeechat.interviews.models import Interview
from coffeechat.prep.brief import minute_mark, render_brief_html, render_brief_pdf
from coffeechat.prep.models import PlanEntry
from coffeechat.prep.services import set_plan
from tests.factories import InterviewFactory
from tests.prep.brief_data import PITCH, QUESTIONS, full_interview


def pdf_text(pdf: bytes) -> str:
    """The PDF's text with whitespace collapsed, so wrapped lines read as one."""
    pages = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text() or "" for page in pages).split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def interview(owner: User) -> Interview:
    return full_interview(owner)


@pytest.fixture(scope="module")
def rendered(django_db_setup: None, django_db_blocker) -> bytes:  # type: ignore[no-untyped-def]
    """One real PDF of a full brief, shared by the tests that only read it (WeasyPrint is slow)."""
    from tests.factories import UserFactory

    with django_db_blocker.unblock():
        owner = UserFactory(username="brief-reader")
        try:
            return render_brief_pdf(full_interview(owner))
        finally:
            owner.delete()


def test_the_pdf_is_a_pdf(rendered: bytes) -> None:
    assert rendered.startswith(b"%PDF-")


def test_the_pdf_names_the_person_their_title_and_organization(rendered: bytes) -> None:
    text = pdf_text(rendered)
    assert "Amara Okafor" in text
    assert "Principal User Researcher · Lumen Health" in text


def test_the_pdf_holds_the_question_texts_with_placeholders_filled(rendered: bytes) -> None:
    text = pdf_text(rendered)
    assert QUESTIONS[0] in text
    assert QUESTIONS[5] in text
    assert QUESTIONS[2].replace("{organization}", "Lumen Health") in text


def test_the_pdf_holds_the_pitch(rendered: bytes) -> None:
    assert " ".join(PITCH.split()) in pdf_text(rendered)


def test_the_pdf_holds_the_research_notes(rendered: bytes) -> None:
    text = pdf_text(rendered)
    assert "the move I am weighing" in text
    assert "a 40-person design team" in text


def test_the_pdf_marks_the_questions_beyond_the_agreed_time(rendered: bytes) -> None:
    text = pdf_text(rendered)
    assert "at 2 min 1 " + QUESTIONS[0] in text
    assert "if time allows 14 " + QUESTIONS[13] in text


def test_the_pdf_has_no_site_navigation(rendered: bytes) -> None:
    text = pdf_text(rendered)
    assert "Download the PDF" not in text
    assert "Log out" not in text


def test_a_14_question_plan_fits_on_two_a4_pages_at_most(rendered: bytes) -> None:
    assert page_count(rendered) <= 2


def test_a_14_question_plan_fits_on_two_letter_pages_at_most(interview: Interview) -> None:
    # The same HTML on the shorter US Letter paper.
    letter = CSS(string="@page { size: letter }")
    html = HTML(string=render_brief_html(interview, toolbar=False))
    assert page_count(html.write_pdf(stylesheets=[letter])) <= 2


def test_the_brief_builds_the_plan_on_first_use(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    render_brief_html(interview)
    assert 12 <= PlanEntry.objects.filter(interview=interview).count() <= 14


def test_a_plan_emptied_on_purpose_is_not_rebuilt(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    set_plan(interview, [])
    render_brief_html(interview)
    assert not PlanEntry.objects.filter(interview=interview).exists()


def test_an_empty_plan_says_so_and_links_to_the_prepare_page(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    set_plan(interview, [])
    html = render_brief_html(interview)
    assert "No questions planned yet" in html
    assert f'href="/interviews/{interview.pk}/prepare/"' in html


def test_an_unscheduled_interview_says_so(owner: User) -> None:
    interview = InterviewFactory(owner=owner, scheduled_start=None)
    assert "Not scheduled yet." in render_brief_html(interview)


def test_one_time_line_when_both_sides_share_a_time_zone(interview: Interview) -> None:
    profile = profile_of(interview.owner)
    profile.time_zone = "Europe/Paris"
    profile.save()
    html = render_brief_html(interview)
    assert "your time and theirs, Europe/Paris" in html
    assert "their time," not in html


def test_a_missing_time_zone_of_theirs_is_pointed_out(interview: Interview) -> None:
    interview.time_zone = ""
    interview.save()
    interview.person.time_zone = ""
    interview.person.save()
    assert "Their time zone is not recorded." in render_brief_html(interview)


def test_the_persons_time_zone_stands_in_for_the_interviews(interview: Interview) -> None:
    interview.time_zone = ""
    interview.save()
    assert "(their time, Europe/Paris)" in render_brief_html(interview)


def test_a_pinned_question_is_marked_must_ask(interview: Interview) -> None:
    PlanEntry.objects.filter(interview=interview, position=13).update(pinned=True)
    html = render_brief_html(interview)
    assert "must ask" in html


@pytest.mark.parametrize(
    ("minute", "mark"), [(2.0, "at 2 min"), (3.5, "at 3.5 min"), (4.26, "at 4.5 min")]
)
def test_time_marks_are_to_the_half_minute(minute: float, mark: str) -> None:
    assert minute_mark(minute) == mark
