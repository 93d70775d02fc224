"""The referral network in the real Chromium: keyboard, zoom, and the page without JavaScript."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import Browser

from coffeechat.people.models import Person
from tests.browser.conftest import TIMEOUT_MS, sign_in
from tests.factories import PersonFactory


def small_network(owner: User) -> dict[str, Person]:
    """Ada → Ben → Dan, Ada → Cleo; Gus → Hal (drawing order: Ada, Ben, Dan, Cleo, Gus, Hal)."""
    people: dict[str, Person] = {}
    links = [("Ada", None), ("Ben", "Ada"), ("Cleo", "Ada"), ("Dan", "Ben")]
    for name, referrer in [*links, ("Gus", None), ("Hal", "Gus")]:
        people[name] = PersonFactory(
            owner=owner, name=name, referred_by=people[referrer] if referrer else None
        )
    return people


def highlighted(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "svg .node.in-chain", "nodes => nodes.map(n => n.querySelector('.name').textContent)"
    )


def test_tabbing_to_a_node_highlights_its_chain(owner_page: Any, owner: User) -> None:
    people = small_network(owner)
    page = owner_page
    page.goto("/network/")
    page.focus("[data-zoom='reset']")
    page.keyboard.press("Tab")  # the first person: Ada
    assert page.evaluate("document.activeElement.id") == f"node-{people['Ada'].pk}"
    page.keyboard.press("Tab")  # Ben, below Ada
    assert page.evaluate("document.activeElement.id") == f"node-{people['Ben'].pk}"
    page.wait_for_function("document.querySelector('svg.network-svg.highlighting') !== null")
    assert highlighted(page) == ["Ada", "Ben", "Dan"]
    chain_edges = page.eval_on_selector_all(
        "svg .edge.in-chain", "edges => edges.map(e => e.dataset.from + '>' + e.dataset.to)"
    )
    ada, ben, dan = (people[n].pk for n in ("Ada", "Ben", "Dan"))
    assert chain_edges == [f"{ada}>{ben}", f"{ben}>{dan}"]


def test_moving_the_focus_on_follows_the_next_chain(owner_page: Any, owner: User) -> None:
    people = small_network(owner)
    page = owner_page
    page.goto("/network/")
    page.focus(f"#node-{people['Cleo'].pk}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"node-{people['Gus'].pk}"
    assert highlighted(page) == ["Gus", "Hal"]


def test_leaving_the_drawing_clears_the_highlight(owner_page: Any, owner: User) -> None:
    people = small_network(owner)
    page = owner_page
    page.goto("/network/")
    page.focus(f"#node-{people['Hal'].pk}")
    assert highlighted(page) == ["Gus", "Hal"]
    page.focus("[data-zoom='in']")
    assert highlighted(page) == []
    assert page.evaluate("document.querySelector('svg.highlighting')") is None


def test_hovering_a_node_highlights_its_chain(owner_page: Any, owner: User) -> None:
    people = small_network(owner)
    page = owner_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/network/")
    page.hover(f"#node-{people['Cleo'].pk}")
    assert highlighted(page) == ["Ada", "Cleo"]
    page.mouse.move(1, 1)
    assert highlighted(page) == []


def test_a_node_reached_by_keyboard_is_brought_into_view(owner_page: Any, owner: User) -> None:
    people = small_network(owner)
    page = owner_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/network/")
    for _ in range(6):
        page.get_by_role("button", name="Zoom in").click()
    page.focus(f"#node-{people['Hal'].pk}")
    visible = page.evaluate(
        """id => {
            const node = document.getElementById(id).getBBox();
            const [x, y, w, h] = document.querySelector('svg.network-svg')
                .getAttribute('viewBox').split(' ').map(Number);
            return node.x >= x && node.y >= y
                && node.x + node.width <= x + w && node.y + node.height <= y + h;
        }""",
        f"node-{people['Hal'].pk}",
    )
    assert visible is True


def test_the_zoom_buttons_change_the_view_box(owner_page: Any, owner: User) -> None:
    small_network(owner)
    page = owner_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/network/")
    svg = page.locator("svg.network-svg")
    start = [float(v) for v in svg.get_attribute("viewBox").split()]
    page.get_by_role("button", name="Zoom in").click()
    zoomed = [float(v) for v in svg.get_attribute("viewBox").split()]
    assert zoomed[2] == round(start[2] / 1.25, 1)
    assert page.locator("[data-zoom-level]").text_content() == "Zoom 125%"
    page.get_by_role("button", name="Reset").click()
    assert [float(v) for v in svg.get_attribute("viewBox").split()] == start


def test_the_wheel_zooms_the_drawing(owner_page: Any, owner: User) -> None:
    small_network(owner)
    page = owner_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/network/")
    svg = page.locator("svg.network-svg")
    width = float(svg.get_attribute("viewBox").split()[2])
    box = page.locator(".network-canvas").bounding_box()
    page.mouse.move(box["x"] + 50, box["y"] + 50)
    page.mouse.wheel(0, -200)
    page.wait_for_function(
        f"Number(document.querySelector('svg.network-svg').getAttribute('viewBox')"
        f".split(' ')[2]) < {width}"
    )


def test_dragging_pans_the_drawing(owner_page: Any, owner: User) -> None:
    small_network(owner)
    page = owner_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/network/")
    svg = page.locator("svg.network-svg")
    page.get_by_role("button", name="Zoom in").click()
    before = [float(v) for v in svg.get_attribute("viewBox").split()]
    box = page.locator(".network-canvas").bounding_box()
    page.mouse.move(box["x"] + box["width"] - 20, box["y"] + box["height"] - 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 120, box["y"] + box["height"] - 60, steps=5)
    page.mouse.up()
    after = [float(v) for v in svg.get_attribute("viewBox").split()]
    assert after[0] > before[0]
    assert after[2:] == before[2:]
    assert page.url.endswith("/network/")


def test_enter_on_a_focused_node_opens_the_person(owner_page: Any, owner: User) -> None:
    people = small_network(owner)
    page = owner_page
    page.goto("/network/")
    page.focus(f"#node-{people['Dan'].pk}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/people/{people['Dan'].pk}/")
    assert page.locator("h1").first.text_content() == "Dan"


def test_without_javascript_every_person_is_still_a_link(
    browser: Browser, live_server: Any, owner: User
) -> None:
    people = small_network(owner)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        sign_in(context, owner, live_server.url)
        page = context.new_page()
        page.goto("/network/")
        assert not page.locator("[data-network-controls]").is_visible()
        assert page.locator("svg.network-svg").get_attribute("width") is not None
        page.locator(f"#node-{people['Hal'].pk}").click()
        page.wait_for_url(f"**/people/{people['Hal'].pk}/")
    finally:
        context.close()
