"""The sizes the benchmark generates: counts are per user, so a centre is many personal networks."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Scale:
    name: str
    users: int
    people: int  # each count below is per user
    organizations: int
    interviews: int
    activities: int
    tasks: int
    tags: int
    # The person whose detail page is measured gets this many activities: a long timeline.
    star_activities: int

    @property
    def measured_user(self) -> int:
        """The 1-based number of the user whose pages are timed: one in the middle of the data."""
        return max(1, self.users // 2)

    def with_users(self, users: int) -> Scale:
        return replace(self, users=users)

    def totals(self) -> dict[str, int]:
        return {
            "users": self.users,
            "people": self.users * self.people,
            "organizations": self.users * self.organizations,
            "interviews": self.users * self.interviews,
            "activities": self.users * self.activities,
            "tasks": self.users * self.tasks,
        }


SCALES: dict[str, Scale] = {
    # One person with a 30,000-person network (the "personal").
    "personal": Scale(
        "personal",
        users=1,
        people=30_000,
        organizations=3_000,
        interviews=2_000,
        activities=30_000,
        tasks=10_000,
        tags=20,
        star_activities=400,
    ),
    # A career centre: 5,000 users × 300 people = 1.5 M people, 500 k interviews, 3 M activities.
    "centre": Scale(
        "centre",
        users=5_000,
        people=300,
        organizations=60,
        interviews=100,
        activities=600,
        tasks=50,
        tags=12,
        star_activities=120,
    ),
    # For tests and a quick check of the harness.
    "tiny": Scale(
        "tiny",
        users=2,
        people=50,
        organizations=10,
        interviews=20,
        activities=120,
        tasks=30,
        tags=5,
        star_activities=30,
    ),
}
