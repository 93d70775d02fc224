"""The referral graph in SVG pixels: where each card and each line goes (no Django, no queries)."""

from __future__ import annotations

from dataclasses import dataclass

from coffeechat.network.graph import Edge, Graph, Node

NODE_WIDTH = 156
NODE_HEIGHT = 54
SLOT = NODE_WIDTH + 20  # one layout slot: a card and the gap to its neighbour
LEVEL = NODE_HEIGHT + 50  # room for the lines between a referrer and the people they referred
MARGIN = 12


def _number(value: float) -> str:
    """SVG coordinates to the tenth of a pixel, without trailing zeros."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class DrawnNode:
    node: Node
    left: str
    top: str


@dataclass(frozen=True)
class DrawnEdge:
    edge: Edge
    referrer: Node
    person: Node
    path: str


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: list[DrawnNode]
    edges: list[DrawnEdge]
    loops: list[DrawnEdge]  # left out of the picture: no path

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def _corner(node: Node) -> tuple[float, float]:
    return MARGIN + node.x * SLOT, MARGIN + node.y * LEVEL


def _curve(referrer: Node, person: Node) -> str:
    """From the bottom of the referrer's card to the top of the person's, as a smooth S."""
    left, top = _corner(referrer)
    x1, y1 = left + NODE_WIDTH / 2, top + NODE_HEIGHT
    left, top = _corner(person)
    x2, y2 = left + NODE_WIDTH / 2, top
    middle = (y1 + y2) / 2
    points = [x1, y1, x1, middle, x2, middle, x2, y2]
    a, b, c, d, e, f, g, h = (_number(p) for p in points)
    return f"M{a} {b}C{c} {d} {e} {f} {g} {h}"


def draw(graph: Graph) -> Drawing:
    by_id = graph.by_id()
    nodes = [DrawnNode(node, *(_number(v) for v in _corner(node))) for node in graph.nodes]
    edges = []
    for edge in graph.edges:
        referrer, person = by_id[edge.from_id], by_id[edge.to_id]
        edges.append(DrawnEdge(edge, referrer, person, _curve(referrer, person)))
    width = round(2 * MARGIN + max(graph.width - 1, 0) * SLOT + NODE_WIDTH) if graph.nodes else 0
    height = (
        round(2 * MARGIN + max(graph.levels - 1, 0) * LEVEL + NODE_HEIGHT) if graph.nodes else 0
    )
    loops = [DrawnEdge(edge, by_id[edge.from_id], by_id[edge.to_id], "") for edge in graph.cut]
    return Drawing(width, height, nodes, edges, loops)
