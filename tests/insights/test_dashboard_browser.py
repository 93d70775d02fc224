"""The dashboard in the real Chromium: readable on a 390px phone, in light and dark mode."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    browser,
    browser_context,
    owner_page,
    playwright,
)
from tests.insights.test_dashboard_page import some_of_everything

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
CHART_TEXTS = """() => [...document.querySelectorAll('svg.chart text')].map(t => {
  const svg = t.ownerSVGElement;
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return {text: t.textContent, px: parseFloat(t.getAttribute('font-size')) * scale,
          fill: getComputedStyle(t).fill};
})"""
SERIES_COLOURS = """() => [...document.querySelectorAll('svg.chart [data-series]')]
  .filter(e => e.tagName === 'rect').map(e => getComputedStyle(e).stroke)"""
CARD = "() => getComputedStyle(document.querySelector('.dash-card')).backgroundColor"


def luminance(css: str) -> float:
    red, green, blue = (int(n) / 255 for n in re.findall(r"\d+", css)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def open_on_a_phone(page: Any, scheme: str = "light") -> Any:
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto("/dashboard/")
    return page


def test_dashboard_fits_a_390px_phone_without_sideways_scrolling(
    owner_page: Any,  # noqa: F811
    owner: User,
) -> None:
    some_of_everything(owner)
    page = open_on_a_phone(owner_page)
    assert page.locator("svg.chart").count() == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_chart_text_is_at_least_10px_on_a_390px_phone(
    owner_page: Any,  # noqa: F811
    owner: User,
) -> None:
    some_of_everything(owner)
    texts = open_on_a_phone(owner_page).evaluate(CHART_TEXTS)
    smallest = min(texts, key=lambda t: t["px"])
    assert smallest["px"] >= 10, smallest


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_has_aa_contrast_with_the_card(
    owner_page: Any,  # noqa: F811
    owner: User,
    scheme: str,
) -> None:
    some_of_everything(owner)
    page = open_on_a_phone(owner_page, scheme)
    card = page.evaluate(CARD)
    worst = min(page.evaluate(CHART_TEXTS), key=lambda t: contrast(t["fill"], card))
    assert contrast(worst["fill"], card) >= 4.5, (worst, card)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_series_outlines_stand_out_from_the_card_and_from_each_other(
    owner_page: Any,  # noqa: F811
    owner: User,
    scheme: str,
) -> None:
    some_of_everything(owner)
    page = open_on_a_phone(owner_page, scheme)
    card = page.evaluate(CARD)
    colours = set(page.evaluate(SERIES_COLOURS))
    assert len(colours) == 4
    assert min(contrast(colour, card) for colour in colours) >= 3


def test_table_view_opens_from_the_keyboard(
    owner_page: Any,  # noqa: F811
    owner: User,
) -> None:
    some_of_everything(owner)
    page = open_on_a_phone(owner_page)
    summary = page.locator("#dash-funnel-h ~ details summary")
    summary.focus()
    page.keyboard.press("Enter")
    table = page.locator("#dash-funnel-h ~ details table")
    assert table.is_visible()
    assert table.locator("tr", has_text="Requested").locator("td").inner_text() == "2"
