"""The network page's long repeated markup (the cards, the curves, the table rows), in Python.

Two thousand people through the template engine take well over a second (a dozen tags a card and
as many a row); plain string building takes a few hundredths. Every value that comes from the
user goes through ``escape`` (the standard library's, quotes included: the same five characters
as Django's escaping, without the per-call overhead that dominated here). The rest of the page
stays in the template.
"""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from coffeechat.network.drawing import NODE_HEIGHT, NODE_WIDTH, DrawnEdge, DrawnNode
from coffeechat.network.graph import INTRODUCED

NAME_CHARACTERS = 20  # what fits on a card in bold, with "…" when cut
ORGANIZATION_CHARACTERS = 22
_INTRODUCED_TEXT = "Introduced: they will introduce you"
_REFERRED_TEXT = "Referred: you may mention their name"


def _card(card: DrawnNode, people_url: str) -> str:
    node = card.node
    name, organization = escape(node.name), escape(node.organization)
    stage_label = escape(node.stage_label)
    # &#10; is a line break in an SVG <title> (the tooltip): name, organization, stage.
    tooltip = f"{name}&#10;{organization}&#10;" if organization else f"{name}&#10;"
    tooltip += f"Stage: {escape(node.stage_label.lower())}"
    lines = f'<text x="10" y="19" class="name">{escape(_cut(node.name, NAME_CHARACTERS))}</text>'
    stage_y = 34
    if organization:
        short = escape(_cut(node.organization, ORGANIZATION_CHARACTERS))
        lines += f'<text x="10" y="34" class="org">{short}</text>'
        stage_y = 48
    lines += f'<text x="10" y="{stage_y}" class="stage">{stage_label}</text>'
    parent = "" if node.parent is None else str(node.parent)
    return (
        f'<a class="node st-{escape(node.stage or "none")}" id="node-{node.id}" '
        f'href="{people_url}{node.id}/" data-id="{node.id}" data-parent="{parent}" '
        f'aria-label="{escape(node.accessible_name)}"><title>{tooltip}</title>'
        f'<g transform="translate({card.left} {card.top})">'
        f'<rect width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="8"/>{lines}</g></a>\n'
    )


def _cut(text: str, length: int) -> str:
    return Truncator(text).chars(length)


def nodes_markup(cards: list[DrawnNode]) -> SafeString:
    """Every person as a focusable link, in drawing order (the Tab order follows the trees)."""
    people_url = escape(reverse("person_list"))
    return mark_safe(
        "".join(_card(card, people_url) for card in cards)
    )  # every value escaped above


def edges_markup(lines: list[DrawnEdge]) -> SafeString:
    """Every referral as a curve: solid for an introduction, dashed (by CSS) for a mention."""
    return mark_safe(  # numbers, and escaped text
        "\n".join(
            f'<path class="edge {escape(line.edge.kind)}" d="{escape(line.path)}" '
            f'data-from="{line.edge.from_id}" data-to="{line.edge.to_id}"/>'
            for line in lines
        )
    )


def _row(line: DrawnEdge, people_url: str) -> str:
    referrer, person = line.referrer, line.person
    organization = (
        f' <span class="muted">{escape(person.organization)}</span>' if person.organization else ""
    )
    kind = _INTRODUCED_TEXT if line.edge.kind == INTRODUCED else _REFERRED_TEXT
    return (
        f'<tr><td><a href="{people_url}{referrer.id}/">{escape(referrer.name)}</a></td>'
        f'<td><span aria-hidden="true">→ </span><a href="{people_url}{person.id}/">'
        f"{escape(person.name)}</a>{organization}</td><td>{kind}</td></tr>\n"
    )


def table_rows_markup(lines: list[DrawnEdge]) -> SafeString:
    """The table alternative: one row per referral, referrer → person, and how they help."""
    people_url = escape(reverse("person_list"))
    return mark_safe("".join(_row(line, people_url) for line in lines))  # every value escaped above
