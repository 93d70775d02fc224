"""Where each generated row goes: ids computed from (user, index), rows of users interleaved.

Computed ids let one table refer to another without keeping millions of ids in memory. Users'
rows are interleaved in small runs, as when thousands of people use one server over months: a
user's rows are spread across the table, not packed together (which would flatter the database).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

RUN = 25  # rows of one user written together before the next user's


@dataclass(frozen=True)
class Layout:
    base: int  # the first id
    users: int
    per_user: int
    run: int = RUN

    @property
    def total(self) -> int:
        return self.users * self.per_user

    def id(self, user: int, index: int) -> int:
        """The id of the ``index``-th row (0-based) of the ``user``-th user (0-based)."""
        round_, within = divmod(index, self.run)
        width = min(self.run, self.per_user - round_ * self.run)
        return self.base + round_ * self.users * self.run + user * width + within

    def order(self) -> Iterator[tuple[int, int]]:
        """(user, index) in id order: the order the rows are written in."""
        for start in range(0, self.per_user, self.run):
            stop = min(start + self.run, self.per_user)
            for user in range(self.users):
                for index in range(start, stop):
                    yield user, index
