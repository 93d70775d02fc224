"""The pace chart of a series goal (P5): the ideal line, the count held as steps, today.

Geometry only, in the SVG's own coordinates; the template draws it with a text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coffeechat.insights.goals import GoalProgress, conversations, long_day

# The SVG scales to its box; these proportions keep 15-unit text readable on a phone too.
_WIDTH, _HEIGHT = 560, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 40, 84, 32, 36
_BASELINE = 5  # half the text height: labels centred on the point they name
# More held dates than this are summarised in the chart's text alternative, not listed.
_DESC_DATES = 12


@dataclass(frozen=True)
class ChartLabel:
    x: str
    y: str
    text: str
    anchor: str = "middle"
    line_y: str = ""  # the grid line a count-axis label belongs to


@dataclass(frozen=True)
class PaceChart:
    """What the inline SVG draws, in its own coordinates (numbers pre-formatted for markup)."""

    width: int
    height: int
    ideal: tuple[str, str, str, str]  # x1, y1, x2, y2: from (start, 0) to (due, target)
    steps: str  # the path of the cumulative count held; '' before the start
    dots: list[tuple[str, str]]  # one per conversation counted, where the count steps up
    today_x: str  # '' when today is outside the window
    plot_top: str
    plot_bottom: str
    plot_left: str
    plot_right: str
    y_ticks: list[ChartLabel]  # the count axis, with a grid line each (``line_y``)
    x_labels: list[ChartLabel]
    labels: list[ChartLabel]  # the numbers on the lines: held so far, expected today
    title: str
    desc: str


def _short_day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _num(value: float) -> str:
    return f"{value:.1f}"


def pace_chart(progress: GoalProgress) -> PaceChart:
    """The ideal line, the actual count as steps and today's marker, with their numbers."""
    goal, today = progress.goal, progress.today
    start, due = goal.start_date, goal.due_date
    total_days = max((due - start).days, 1)
    top_count = max(goal.target_count, progress.counted_count, 1)
    plot_w = _WIDTH - _LEFT - _RIGHT
    plot_h = _HEIGHT - _TOP - _BOTTOM

    def x(day: date) -> float:
        return _LEFT + plot_w * min(max((day - start).days, 0), total_days) / total_days

    def y(count: float) -> float:
        return _TOP + plot_h * (1 - count / top_count)

    steps, dots, labels = "", [], []
    if today >= start:
        path = [f"M{_num(x(start))},{_num(y(0))}"]
        for number, held in enumerate(progress.counted, start=1):
            path.append(f"H{_num(x(held.held_on))}V{_num(y(number))}")
            dots.append((_num(x(held.held_on)), _num(y(number))))
        last = progress.counted[-1].held_on if progress.counted else start
        end = max(min(today, due), last)
        path.append(f"H{_num(x(end))}")
        steps = "".join(path)
        labels.append(
            ChartLabel(
                _num(x(end) + 6),
                _num(y(progress.counted_count) + _BASELINE),
                f"{progress.counted_count} held",
                "start",
            )
        )
    today_x = ""
    if start <= today <= due:
        today_x = _num(x(today))
        near_right = x(today) > _LEFT + plot_w * 0.5
        labels.append(
            ChartLabel(
                _num(x(today) + (-4 if near_right else 4)),
                _num(_TOP - 12),
                f"today: {progress.expected_text} expected",
                "end" if near_right else "start",
            )
        )
    # The count held is labelled at the end of its steps, so the axis keeps to round marks.
    ticks = sorted({0, goal.target_count // 2, goal.target_count})
    y_ticks = [
        ChartLabel(_num(_LEFT - 8), _num(y(tick) + _BASELINE), str(tick), "end", _num(y(tick)))
        for tick in ticks
    ]
    x_labels = [
        ChartLabel(_num(x(start)), _num(_HEIGHT - _BOTTOM + 24), _short_day(start), "start"),
        ChartLabel(_num(x(due)), _num(_HEIGHT - _BOTTOM + 24), _short_day(due), "end"),
    ]
    return PaceChart(
        width=_WIDTH,
        height=_HEIGHT,
        ideal=(_num(x(start)), _num(y(0)), _num(x(due)), _num(y(goal.target_count))),
        steps=steps,
        dots=dots,
        today_x=today_x,
        plot_top=_num(_TOP),
        plot_bottom=_num(_TOP + plot_h),
        plot_left=_num(_LEFT),
        plot_right=_num(_LEFT + plot_w),
        y_ticks=y_ticks,
        x_labels=x_labels,
        labels=labels,
        title=f"Pace of “{goal.title}”",
        desc=_chart_desc(progress),
    )


def _chart_desc(progress: GoalProgress) -> str:
    goal, today = progress.goal, progress.today
    parts = [
        f"Ideal pace: a straight line from 0 on {long_day(goal.start_date)} "
        f"to {goal.target_count} on {long_day(goal.due_date)}."
    ]
    held = progress.counted
    if not held:
        parts.append("No conversation held in this window yet.")
    elif len(held) <= _DESC_DATES:
        days = ", ".join(long_day(item.held_on) for item in held)
        parts.append(f"{conversations(len(held))} held: {days}.")
    else:
        parts.append(
            f"{conversations(len(held))} held, the latest on {long_day(held[-1].held_on)}."
        )
    if goal.start_date <= today <= goal.due_date:
        parts.append(
            f"Today, {long_day(today)}, {progress.expected_text} expected on the ideal line."
        )
    parts.append(f"{progress.label}.")
    return " ".join(parts)
