"""One Playwright driver and one Chromium per test process, shared by every fixture that asks.

Playwright's sync API allows one driver per thread. Fixtures built on it may be registered more
than once (a test module elsewhere may reuse the fixtures of tests/browser/conftest.py), so they
all go through here: the first user starts the driver, the last one stops it.
"""

from __future__ import annotations

import os
import weakref

from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Playwright,
    PlaywrightContextManager,
    sync_playwright,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
_ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


class _Shared:
    def __init__(self) -> None:
        self.users = 0
        self.manager: PlaywrightContextManager | None = None
        self.driver: Playwright | None = None
        self.browser: Browser | None = None
        self.previous_env: str | None = None


_shared = _Shared()


def acquire() -> Playwright:
    """The process's Playwright driver, started on first use."""
    if _shared.driver is None:
        # The sync API keeps an event loop in this thread; Django's ORM, used by the tests and
        # fixtures around it, would otherwise refuse to run next to it.
        _shared.previous_env = os.environ.get(_ASYNC_UNSAFE)
        os.environ[_ASYNC_UNSAFE] = "true"
        _shared.manager = sync_playwright()
        _shared.driver = _shared.manager.start()
    _shared.users += 1
    return _shared.driver


def chromium() -> Browser:
    """The process's headless system Chromium, launched on first use (after ``acquire``)."""
    assert _shared.driver is not None, "acquire() the driver first"
    if _shared.browser is None:
        _shared.browser = _shared.driver.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
    return _shared.browser


def release() -> None:
    """One user is done; the last one closes Chromium and stops the driver."""
    _shared.users -= 1
    if _shared.users > 0:
        return
    if _shared.browser is not None:
        _shared.browser.close()
        _shared.browser = None
    if _shared.driver is not None:
        _shared.driver.stop()
        _shared.driver = None
        _shared.manager = None
    if _shared.previous_env is None:
        os.environ.pop(_ASYNC_UNSAFE, None)
    else:
        os.environ[_ASYNC_UNSAFE] = _shared.previous_env


_csp_reports: weakref.WeakKeyDictionary[BrowserContext, list[str]] = weakref.WeakKeyDictionary()


def watch_csp(context: BrowserContext) -> list[str]:
    """What Chromium reports as blocked by the Content-Security-Policy in any page of
    ``context``. The list fills as pages load; every call for one context returns the same list,
    and the ``browser_context`` fixture fails the test if it is not empty at the end."""
    if context in _csp_reports:
        return _csp_reports[context]
    reports: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            reports.append(f"{message.location.get('url', '')}: {message.text}")

    context.on("console", on_console)
    _csp_reports[context] = reports
    return reports
