"""The search page in the real Chromium: results arrive while typing, links work by keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.browser import conftest as browser_fixtures
from tests.search.conftest import AcmeWorld

pytestmark = pytest.mark.browser
# The browser fixtures live with the browser tests; these tests borrow them.
playwright = browser_fixtures.playwright
browser = browser_fixtures.browser
browser_context = browser_fixtures.browser_context
owner_page = browser_fixtures.owner_page


def test_results_arrive_while_typing(owner_page: Any, acme_world: AcmeWorld) -> None:
    page = owner_page
    page.goto("/search/")
    page.get_by_label("People, organizations, notes, debriefs, resources").press_sequentially(
        "lovel"
    )
    expect(page.locator("#search-status")).to_have_text("1 result for “lovel”")
    expect(page.locator(".search-hit a")).to_have_text(["Ada Lovelace"])
    assert page.url.endswith("/search/?q=lovel&kind=")


def test_choosing_a_kind_narrows_the_results(owner_page: Any, acme_world: AcmeWorld) -> None:
    page = owner_page
    page.goto("/search/?q=acme+data")
    expect(page.locator(".search-hit")).to_have_count(5)
    page.get_by_label("Notes", exact=True).check()
    expect(page.locator(".search-hit")).to_have_count(2)


def test_a_hit_opens_by_keyboard(owner_page: Any, owner: User, acme_world: AcmeWorld) -> None:
    page = owner_page
    page.goto("/search/?q=hopper")
    page.locator(".search-hit a").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('/search/')[0]}/people/{acme_world.grace.pk}/")
