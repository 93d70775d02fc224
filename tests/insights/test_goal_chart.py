"""The pace chart of a series goal (P5): geometry and text alternative on fixed dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.contrib.auth.models import User

from coffeechat.insights.goal_chart import pace_chart
from coffeechat.insights.goals import goal_progress
from tests.insights.test_goals import DURING, goal, held

# --- the pace chart -----------------------------------------------------------------------------


def test_the_chart_draws_the_ideal_line_from_start_at_zero_to_due_at_target(owner: User) -> None:
    chart = pace_chart(goal_progress(goal(owner, target_count=4), today=DURING))
    assert chart.ideal == ("40.0", "204.0", "476.0", "32.0")


def test_the_chart_steps_up_on_each_day_held_and_runs_to_today(owner: User) -> None:
    held(owner, at=datetime(2027, 1, 12, 12, tzinfo=UTC))
    held(owner, at=datetime(2027, 1, 14, 12, tzinfo=UTC))
    chart = pace_chart(goal_progress(goal(owner, target_count=4), today=DURING))
    # 43.6 units a day, 43 units a conversation
    assert chart.steps == "M40.0,204.0H127.2V161.0H214.4V118.0H258.0"
    assert chart.today_x == "258.0"


def test_the_chart_labels_the_numbers(owner: User) -> None:
    held(owner)
    chart = pace_chart(goal_progress(goal(owner, target_count=4), today=DURING))
    assert [label.text for label in chart.labels] == ["1 held", "today: 2 expected"]
    assert [label.text for label in chart.y_ticks] == ["0", "2", "4"]
    assert [label.text for label in chart.x_labels] == ["10 Jan 2027", "20 Jan 2027"]


def test_the_chart_has_no_today_marker_or_steps_before_the_start(owner: User) -> None:
    chart = pace_chart(goal_progress(goal(owner), today=date(2027, 1, 1)))
    assert (chart.today_x, chart.steps, chart.labels) == ("", "", [])


def test_the_chart_text_alternative_says_what_it_shows(owner: User) -> None:
    held(owner)
    chart = pace_chart(goal_progress(goal(owner, target_count=4), today=DURING))
    assert chart.desc == (
        "Ideal pace: a straight line from 0 on 10 January 2027 to 4 on 20 January 2027. "
        "1 conversation held: 12 January 2027. "
        "Today, 15 January 2027, 2 expected on the ideal line. Behind by 1."
    )
