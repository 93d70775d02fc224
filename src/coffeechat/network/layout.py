"""A tidy drawing of a forest, computed in linear time (plain Python, no Django).

The trees are laid out with Buchheim, Jünger and Leipert's linear-time version of Walker's
algorithm (itself Reingold and Tilford's, generalised to any number of children): a parent is
centred over its children, subtrees are pushed apart just enough that no two nodes of a level are
closer than one slot, and smaller subtrees between two big ones are spaced out evenly. The roots
are laid out as the children of one invisible root, so the trees stand side by side and are
packed as tightly as their shapes allow.

Both walks are iterative: a referral chain can be thousands of people long, deeper than Python's
recursion limit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Minimum distance between two neighbours of a level, in slots (one slot = one node's width).
SEPARATION = 1.0
_NONE = -1
_PLACES = 6  # rounding of the result: enough for any screen, and stable across platforms


@dataclass(frozen=True)
class Point:
    x: float  # in slots, from 0 (leftmost node) rightwards
    depth: int  # 0 for a root


class _Forest:
    """The forest under one invisible root (index 0), with the algorithm's working fields."""

    def __init__(self, kids: list[list[int]]) -> None:
        size = len(kids)
        self.kids = kids
        self.parent = [_NONE] * size
        self.number = [0] * size  # position among its siblings
        for node, children in enumerate(kids):
            for position, child in enumerate(children):
                self.parent[child] = node
                self.number[child] = position
        self.prelim = [0.0] * size
        self.mod = [0.0] * size
        self.shift = [0.0] * size
        self.change = [0.0] * size
        self.thread = [_NONE] * size
        self.ancestor = list(range(size))

    def left_sibling(self, node: int) -> int:
        position = self.number[node]
        return self.kids[self.parent[node]][position - 1] if position else _NONE

    def next_left(self, node: int) -> int:
        children = self.kids[node]
        return children[0] if children else self.thread[node]

    def next_right(self, node: int) -> int:
        children = self.kids[node]
        return children[-1] if children else self.thread[node]

    def first_walk(self) -> None:
        """Preliminary x of every node, children before parents (an explicit post-order)."""
        default_ancestor = [_NONE] * len(self.kids)
        cursor = [0] * len(self.kids)
        stack = [0]
        while stack:
            node = stack[-1]
            children = self.kids[node]
            position = cursor[node]
            if position < len(children):
                if position == 0:
                    default_ancestor[node] = children[0]
                cursor[node] = position + 1
                stack.append(children[position])
                continue
            stack.pop()
            self._place(node)
            parent = self.parent[node]
            if parent != _NONE:
                # Before the next sibling is placed: it is placed relative to this one.
                default_ancestor[parent] = self._apportion(node, default_ancestor[parent])

    def _place(self, node: int) -> None:
        children = self.kids[node]
        left = self.left_sibling(node) if node else _NONE
        if not children:
            self.prelim[node] = self.prelim[left] + SEPARATION if left != _NONE else 0.0
            return
        self._execute_shifts(node)
        midpoint = (self.prelim[children[0]] + self.prelim[children[-1]]) / 2
        if left != _NONE:
            self.prelim[node] = self.prelim[left] + SEPARATION
            self.mod[node] = self.prelim[node] - midpoint
        else:
            self.prelim[node] = midpoint

    def _apportion(self, node: int, default_ancestor: int) -> int:
        """Push ``node``'s subtree right of everything to its left, level by level."""
        left = self.left_sibling(node)
        if left == _NONE:
            return default_ancestor
        inner_right = outer_right = node
        inner_left = left
        outer_left = self.kids[self.parent[node]][0]
        sum_inner_right = sum_outer_right = self.mod[node]
        sum_inner_left = self.mod[inner_left]
        sum_outer_left = self.mod[outer_left]
        while self.next_right(inner_left) != _NONE and self.next_left(inner_right) != _NONE:
            inner_left = self.next_right(inner_left)
            inner_right = self.next_left(inner_right)
            outer_left = self.next_left(outer_left)
            outer_right = self.next_right(outer_right)
            self.ancestor[outer_right] = node
            shift = (
                self.prelim[inner_left]
                + sum_inner_left
                - (self.prelim[inner_right] + sum_inner_right)
                + SEPARATION
            )
            if shift > 0:
                self._move_subtree(self._ancestor(inner_left, node, default_ancestor), node, shift)
                sum_inner_right += shift
                sum_outer_right += shift
            sum_inner_left += self.mod[inner_left]
            sum_inner_right += self.mod[inner_right]
            sum_outer_left += self.mod[outer_left]
            sum_outer_right += self.mod[outer_right]
        if self.next_right(inner_left) != _NONE and self.next_right(outer_right) == _NONE:
            self.thread[outer_right] = self.next_right(inner_left)
            self.mod[outer_right] += sum_inner_left - sum_outer_right
        if self.next_left(inner_right) != _NONE and self.next_left(outer_left) == _NONE:
            self.thread[outer_left] = self.next_left(inner_right)
            self.mod[outer_left] += sum_inner_right - sum_outer_left
            default_ancestor = node
        return default_ancestor

    def _ancestor(self, inner_left: int, node: int, default_ancestor: int) -> int:
        candidate = self.ancestor[inner_left]
        return candidate if self.parent[candidate] == self.parent[node] else default_ancestor

    def _move_subtree(self, left: int, right: int, shift: float) -> None:
        # The shift is spread over the subtrees in between by _execute_shifts, in linear time.
        subtrees = self.number[right] - self.number[left]
        self.change[right] -= shift / subtrees
        self.shift[right] += shift
        self.change[left] += shift / subtrees
        self.prelim[right] += shift
        self.mod[right] += shift

    def _execute_shifts(self, node: int) -> None:
        shift = change = 0.0
        for child in reversed(self.kids[node]):
            self.prelim[child] += shift
            self.mod[child] += shift
            change += self.change[child]
            shift += self.shift[child] + change

    def second_walk(self) -> tuple[list[float], list[int]]:
        """Final x (preliminary x plus the modifiers of every ancestor) and depth of every node."""
        xs = [0.0] * len(self.kids)
        depths = [0] * len(self.kids)
        stack: list[tuple[int, float, int]] = [(0, 0.0, 0)]
        while stack:
            node, modifier, depth = stack.pop()
            xs[node] = self.prelim[node] + modifier
            depths[node] = depth
            stack.extend((child, modifier + self.mod[node], depth + 1) for child in self.kids[node])
        return xs, depths


def tidy_layout(children: Mapping[int, Sequence[int]], roots: Sequence[int]) -> dict[int, Point]:
    """The position of every node of the forest: roots side by side, children under their parent.

    ``children`` gives each node's children in drawing order (left to right), ``roots`` the trees
    in drawing order; every node must be reachable from exactly one root. The leftmost node is at
    x 0; neighbours on a level are at least one slot apart. Linear in the number of nodes.
    """
    ids: list[int] = []
    index: dict[int, int] = {}
    pending = list(reversed(roots))
    while pending:  # pre-order: the invisible root is 0, the others follow
        node = pending.pop()
        if node in index:
            raise ValueError(f"Not a forest: node {node} is reached twice.")
        index[node] = len(ids) + 1
        ids.append(node)
        pending.extend(reversed(children.get(node, ())))
    kids = [[index[root] for root in roots]]
    kids.extend([index[child] for child in children.get(node, ())] for node in ids)
    forest = _Forest(kids)
    forest.first_walk()
    xs, depths = forest.second_walk()
    left = min(xs[1:], default=0.0)
    return {
        node: Point(round(xs[index[node]] - left, _PLACES) + 0.0, depths[index[node]] - 1)
        for node in ids
    }
