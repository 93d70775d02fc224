"""Browser fixtures: the system Chromium driven by Playwright against pytest-django's live server.

Every test here is marked ``browser`` and runs in the normal ``pytest`` run (CI included). Each
xdist worker launches its own Chromium and live server (on a free port), so ``-n`` is safe.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, Playwright

from tests.browser import driver

TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's sync driver, one per process (an xdist worker is a process)."""
    yield driver.acquire()
    driver.release()


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Browser:
    """Headless system Chromium (``/usr/bin/chromium``); never ``playwright install``."""
    return driver.chromium()


@pytest.fixture
def browser_context(browser: Browser, live_server: Any) -> Iterator[BrowserContext]:
    """A fresh profile (cookies, localStorage) per test, pointed at the live server."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 412, "height": 860})
    context.set_default_timeout(TIMEOUT_MS)
    csp_violations = driver.watch_csp(context)
    yield context
    context.close()
    assert not csp_violations, "Blocked by the Content-Security-Policy:\n" + "\n".join(
        csp_violations
    )


def sign_in(context: BrowserContext, user: User, base_url: str) -> None:
    """Sign ``user`` in by handing the browser the session cookie of a test client login."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


@pytest.fixture
def owner_page(browser_context: BrowserContext, owner: User, live_server: Any) -> Page:
    """A page signed in as the owner ("alice")."""
    sign_in(browser_context, owner, live_server.url)
    return browser_context.new_page()
