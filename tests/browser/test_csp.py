"""The Content-Security-Policy in the real Chromium: every page loads with nothing blocked, and the
scripts moved out of the templates still run."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from coffeechat.interviews.models import Interview
from tests.browser import driver
from tests.factories import (
    InterviewFactory,
    PitchFactory,
    PlanEntryFactory,
    PreparationFactory,
    TaskFactory,
)

PAGES = [
    "/today/",
    "/interviews/",
    "/people/",
    "/organizations/",
    "/questions/",
    "/pitch/",
    "/account/",
    "/dashboard/",
    "/goals/",
    "/insights/",
    "/resources/",
    "/skills/",
    "/network/",
    "/import/",
    "/export/",
]
INTERVIEW_PAGES = ["", "compose/", "schedule/", "prepare/", "brief/", "live/", "debrief/"]


def interview_with_plan(owner: User) -> Interview:
    interview = InterviewFactory(owner=owner, scheduled_start=timezone.now())
    PreparationFactory(interview=interview, plan_built_at=timezone.now())
    for position in range(2):
        PlanEntryFactory(interview=interview, position=position)
    PitchFactory(owner=owner)
    return interview


def visit(page: Page, path: str) -> list[str]:
    """Load ``path``; what the policy blocked meanwhile."""
    reports = driver.watch_csp(page.context)
    before = len(reports)
    response = page.goto(path, wait_until="networkidle")
    assert response is not None
    assert response.status == 200, path
    return reports[before:]


def test_every_page_loads_with_nothing_blocked(owner_page: Page) -> None:
    blocked = {path: found for path in PAGES if (found := visit(owner_page, path))}
    assert blocked == {}


def test_every_page_of_an_interview_loads_with_nothing_blocked(
    owner_page: Page, owner: User
) -> None:
    interview = interview_with_plan(owner)
    paths = [f"/interviews/{interview.pk}/{suffix}" for suffix in INTERVIEW_PAGES]
    person = interview.person
    assert person.organization is not None
    paths += [f"/people/{person.pk}/", f"/organizations/{person.organization.pk}/"]
    blocked = {path: found for path in paths if (found := visit(owner_page, path))}
    assert blocked == {}


def test_the_thank_you_card_loads_with_nothing_blocked(owner_page: Page, owner: User) -> None:
    interview = interview_with_plan(owner)
    task = TaskFactory(owner=owner, kind="thank_you", interview=interview, person=interview.person)
    assert visit(owner_page, f"/tasks/{task.pk}/card/") == []


def test_the_login_page_loads_with_nothing_blocked(
    browser_context: BrowserContext, owner: User
) -> None:
    assert visit(browser_context.new_page(), "/accounts/login/") == []


def test_the_api_docs_render_from_this_site(browser_context: BrowserContext, owner: User) -> None:
    page = browser_context.new_page()
    assert visit(page, "/api/v1/docs") == []
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("coffeechat API")


def test_live_mode_marks_the_page_as_scripted_before_it_paints(
    owner_page: Page, owner: User
) -> None:
    interview = interview_with_plan(owner)
    visit(owner_page, f"/interviews/{interview.pk}/live/")
    assert owner_page.evaluate("document.documentElement.classList.contains('js')") is True


def test_the_composers_copy_button_still_copies(
    owner_page: Page, owner: User, live_server: Any
) -> None:
    owner_page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=live_server.url
    )
    interview = interview_with_plan(owner)
    visit(owner_page, f"/interviews/{interview.pk}/compose/")
    owner_page.fill("#id_body", "Would you have 20 minutes to talk about your work?")
    owner_page.click("#copy")
    expect(owner_page.locator("#copy")).to_have_text("Copied")
    assert owner_page.evaluate("navigator.clipboard.readText()") == (
        "Would you have 20 minutes to talk about your work?"
    )


def test_an_inline_script_would_be_reported(owner_page: Page) -> None:
    # The watch itself works: a script injected into the page is blocked and reported.
    assert visit(owner_page, "/today/") == []
    owner_page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    expect(owner_page.locator("body")).to_be_visible()
    owner_page.wait_for_timeout(200)
    assert owner_page.evaluate("window.injected === undefined") is True
    reports = driver.watch_csp(owner_page.context)
    assert len(reports) == 1
    assert "script-src 'self'" in reports[0]
    reports.clear()  # expected here: the fixture fails any test that leaves a report behind
