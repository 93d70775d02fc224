"""The brief's print view and PDF route: what the page shows and who may see it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from coffeechat.interviews.models import Interview
from coffeechat.prep.brief import DAY_OF_CHECKLIST
from tests.factories import InterviewFactory
from tests.prep.brief_data import full_interview

BRIEF_ROUTES = ["interview_brief", "interview_brief_pdf"]


@pytest.fixture
def interview(owner: User) -> Interview:
    return full_interview(owner)


def brief_page(client: Client, interview: Interview) -> str:
    response = client.get(reverse("interview_brief", args=[interview.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_print_view_has_the_day_of_checklist(
    interview: Interview, owner_client: Client
) -> None:
    page = brief_page(owner_client, interview)
    for item, _practice in DAY_OF_CHECKLIST:
        assert item in page


def test_the_print_view_shows_the_time_in_both_time_zones(
    interview: Interview, owner_client: Client
) -> None:
    page = brief_page(owner_client, interview)
    assert "08:00–08:20 EDT" in page
    assert "America/Toronto" in page
    assert "14:00–14:20 CEST" in page
    assert "Europe/Paris" in page


def test_the_print_view_has_a_print_button_and_a_link_to_the_pdf(
    interview: Interview, owner_client: Client
) -> None:
    page = brief_page(owner_client, interview)
    assert '<button type="button" id="print-brief">Print</button>' in page
    assert "/static/prep/brief.js" in page
    assert f'href="{reverse("interview_brief_pdf", args=[interview.pk])}"' in page


def test_the_print_view_is_standalone_without_the_site_navigation(
    interview: Interview, owner_client: Client
) -> None:
    page = brief_page(owner_client, interview)
    assert 'aria-label="Main"' not in page
    assert "@media print" in page


def test_the_print_view_shows_where_and_the_goal(
    interview: Interview, owner_client: Client
) -> None:
    page = brief_page(owner_client, interview)
    assert "Café Lomi, 3 ter rue Marcadet, Paris" in page
    assert "What a first year in health-care user research is like" in page
    assert "leave with two more people to talk to" in page


def test_a_video_call_shows_its_link(owner: User, owner_client: Client) -> None:
    interview = InterviewFactory(owner=owner, mode="video", video_url="https://meet.example/abc")
    assert 'href="https://meet.example/abc"' in brief_page(owner_client, interview)


def test_the_pdf_route_answers_a_pdf_to_show_inline(
    interview: Interview, owner_client: Client
) -> None:
    response = owner_client.get(reverse("interview_brief_pdf", args=[interview.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("route", BRIEF_ROUTES)
def test_outsider_gets_404(route: str, owner: User, outsider_client: Client) -> None:
    interview = InterviewFactory(owner=owner)
    response = outsider_client.get(reverse(route, args=[interview.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("route", BRIEF_ROUTES)
def test_anonymous_visitors_are_sent_to_log_in(route: str, owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    response = Client().get(reverse(route, args=[interview.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
