"""The referral network (P28): who led to whom, as a forest to draw and to read.

Every referral made in a debrief becomes a person with ``referred_by`` set. One parent each makes
the network a forest: a tree per first contact. One query reads the people in it (with the stage of
their latest interview); everything else is plain Python on that list, so the page costs the same
number of queries whatever the size of the network.

A loop (A referred B and B referred A, edited in by hand or through the API) is cut where the
drawing needs it, at the person of the loop who comes first by name, and reported as such.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db.models import OuterRef, Q, Subquery

from coffeechat.interviews.models import EXITS, PIPELINE, Interview, Stage
from coffeechat.network.layout import Point, tidy_layout
from coffeechat.people.models import Person, ReferralKind

INTRODUCED = "introduced"  # they will introduce us
REFERRED = "referred"  # I may mention their name
NO_INTERVIEW = ""  # the stage of someone with no interview yet
NO_INTERVIEW_LABEL = "No interview yet"
STAGE_LABELS: dict[str, str] = {
    **{str(stage.value): str(stage.label) for stage in Stage},
    NO_INTERVIEW: NO_INTERVIEW_LABEL,
}
# The legend's order: the main road, its exits, then the people not approached yet.
STAGE_ORDER: tuple[str, ...] = (*(s.value for s in PIPELINE), *(s.value for s in EXITS), "")


@dataclass(frozen=True)
class PersonRow:
    """What the network needs to know about one person (one row of the one query)."""

    id: int
    name: str
    organization: str
    referred_by: int | None
    referral_kind: str
    stage: str  # of their latest interview; NO_INTERVIEW when there is none


@dataclass(frozen=True)
class Node:
    id: int
    name: str
    organization: str
    stage: str
    depth: int  # 0 for the first person of a chain
    parent: int | None  # who referred them, as drawn
    x: float  # in slots from the left; see layout.tidy_layout
    y: int  # the level: the same as depth

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)

    @property
    def accessible_name(self) -> str:
        """ "Ada Lovelace, Acme, held": the stage is never told by colour alone."""
        parts = [self.name, self.organization, self.stage_label.lower()]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Edge:
    from_id: int  # the referrer
    to_id: int  # the person they referred
    kind: str  # INTRODUCED or REFERRED


@dataclass(frozen=True)
class Graph:
    nodes: list[Node]  # trees left to right, each in pre-order: the order of the drawing
    edges: list[Edge]  # in the order of the person referred
    cut: list[Edge] = field(default_factory=list)  # loops, left out of the drawing
    width: float = 0  # slots, from the leftmost node to the rightmost one included
    levels: int = 0

    def by_id(self) -> dict[int, Node]:
        return {node.id: node for node in self.nodes}


@dataclass(frozen=True)
class Chain:
    people: list[Node]  # from the first referrer down to the deepest referral

    @property
    def names(self) -> list[str]:
        return [person.name for person in self.people]


@dataclass(frozen=True)
class Referrer:
    person: Node
    count: int


# ------------------------------------------------------------------------------ reading


def _rows(user: User) -> list[PersonRow]:
    """Everyone of ``user`` who referred someone or was referred, in one query."""
    latest_stage = (
        Interview.objects.filter(person=OuterRef("pk"))
        .order_by("-created_at", "-id")
        .values("stage")
    )
    referrers = Person.objects.filter(owner=user, referred_by__isnull=False).values("referred_by")
    people = (
        Person.objects.filter(owner=user)
        .filter(Q(referred_by__isnull=False) | Q(pk__in=referrers))
        .annotate(stage=Subquery(latest_stage[:1]))
        .values_list("id", "name", "organization__name", "referred_by_id", "referral_kind", "stage")
    )
    return [
        PersonRow(pk, name, organization or "", parent, kind, stage or NO_INTERVIEW)
        for pk, name, organization, parent, kind, stage in people
    ]


def referral_graph(user: User) -> Graph:
    """The user's referral network, laid out: one query, then linear work in Python."""
    return build_graph(_rows(user))


# ------------------------------------------------------------------------------ building


def _order(row: PersonRow) -> tuple[str, int]:
    return (row.name.casefold(), row.id)


def _edge(row: PersonRow, parent: int) -> Edge:
    kind = INTRODUCED if row.referral_kind == ReferralKind.INTRODUCE else REFERRED
    return Edge(parent, row.id, kind)


def _cut_loops(
    rows: dict[int, PersonRow],
    parent: dict[int, int | None],
    children: dict[int, list[int]],
    reached: set[int],
) -> list[Edge]:
    """Make every loop a tree: cut it at its first person by name (linear: one walk per loop).

    A person not reached from a root is on a loop or below one: following their referrers always
    comes back to that loop. ``parent`` and ``children`` are updated in place.
    """
    cut = []
    for row in sorted(rows.values(), key=_order):
        if row.id in reached:
            continue
        seen = set()
        current: int | None = row.id
        while current not in seen:
            assert current is not None  # not reached from a root, so no root above
            seen.add(current)
            current = parent[current]
        assert current is not None
        loop = [current]
        member = parent[current]
        while member != current:
            assert member is not None
            loop.append(member)
            member = parent[member]
        first = min(loop, key=lambda pk: _order(rows[pk]))
        above = parent[first]
        assert above is not None
        cut.append(_edge(rows[first], above))
        parent[first] = None
        children[above].remove(first)
        reached.update(_descendants(first, children))
    return cut


def _children_of(rows: dict[int, PersonRow], parent: dict[int, int | None]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for row in sorted(rows.values(), key=_order):
        above = parent[row.id]
        if above is not None:
            children.setdefault(above, []).append(row.id)
    return children


def _descendants(root: int, children: dict[int, list[int]]) -> list[int]:
    """``root`` and everyone below, in pre-order (iterative: chains can be very long)."""
    found = []
    pending = [root]
    while pending:
        node = pending.pop()
        found.append(node)
        pending.extend(reversed(children.get(node, ())))
    return found


def build_graph(people: Iterable[PersonRow]) -> Graph:
    """The forest of referrals among ``people``, with a tidy layout (pure: no database).

    A referrer outside ``people`` (someone else's, or a self-reference) is not drawn; a person left
    with no one to link to is not drawn either, as the graph is about relations.
    """
    rows = {row.id: row for row in people}
    parent: dict[int, int | None] = {
        pk: row.referred_by if row.referred_by in rows and row.referred_by != pk else None
        for pk, row in rows.items()
    }
    linked = {above for above in parent.values() if above is not None}
    rows = {pk: row for pk, row in rows.items() if parent[pk] is not None or pk in linked}
    roots = sorted((rows[pk] for pk in rows if parent[pk] is None), key=_order)
    children = _children_of(rows, parent)
    reached = {pk for root in roots for pk in _descendants(root.id, children)}
    cut = _cut_loops(rows, parent, children, reached)
    if cut:
        roots = sorted((rows[pk] for pk in rows if parent[pk] is None), key=_order)
    points = tidy_layout(children, [root.id for root in roots])
    order = [pk for root in roots for pk in _descendants(root.id, children)]
    nodes = [_node(rows[pk], parent[pk], points[pk]) for pk in order]
    edges = [_edge(rows[node.id], node.parent) for node in nodes if node.parent is not None]
    return Graph(
        nodes=nodes,
        edges=edges,
        cut=cut,
        width=max((node.x for node in nodes), default=-1.0) + 1,
        levels=max((node.depth for node in nodes), default=-1) + 1,
    )


def _node(row: PersonRow, parent: int | None, point: Point) -> Node:
    return Node(
        id=row.id,
        name=row.name,
        organization=row.organization,
        stage=row.stage,
        depth=point.depth,
        parent=parent,
        x=point.x,
        y=point.depth,
    )


# ------------------------------------------------------------------------------ reading it


def longest_chains(graph: Graph, limit: int = 5) -> list[Chain]:
    """The longest line of referrals of each tree, longest first (ties: by the first person).

    One chain per tree: from its first person down to its deepest person (the first of them in
    drawing order when several are as deep), so two chains never share a beginning.
    """
    by_id = graph.by_id()
    deepest: dict[int, Node] = {}  # root id -> its deepest node
    root_of: dict[int, int] = {}
    for node in graph.nodes:  # pre-order: a parent comes before its children
        root = node.id if node.parent is None else root_of[node.parent]
        root_of[node.id] = root
        if root not in deepest or node.depth > deepest[root].depth:
            deepest[root] = node
    chains = []
    for root, bottom in deepest.items():
        if bottom.id == root:
            continue
        line = [bottom]
        while line[-1].parent is not None:
            line.append(by_id[line[-1].parent])
        chains.append(Chain(line[::-1]))
    chains.sort(key=lambda chain: (-len(chain.people), *_node_order(chain.people[0])))
    return chains[:limit]


def _node_order(node: Node) -> tuple[str, int]:
    return (node.name.casefold(), node.id)


def most_generous_referrers(graph: Graph, limit: int = 5) -> list[Referrer]:
    """Who referred the most people (as drawn), most first; ties by name."""
    counts = Counter(edge.from_id for edge in graph.edges)
    by_id = graph.by_id()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], *_node_order(by_id[item[0]])))
    return [Referrer(by_id[pk], count) for pk, count in ranked[:limit]]


@dataclass(frozen=True)
class LegendEntry:
    stage: str
    label: str
    count: int


def stage_legend(nodes: Sequence[Node]) -> list[LegendEntry]:
    """The stages present in the drawing, in the order of the pipeline, with how many people."""
    counts = Counter(node.stage for node in nodes)
    return [
        LegendEntry(stage, STAGE_LABELS.get(stage, stage), counts[stage])
        for stage in STAGE_ORDER
        if counts[stage]
    ]
