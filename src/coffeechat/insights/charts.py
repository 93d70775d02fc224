"""Server-rendered SVG charts: small pure functions from numbers and labels to safe markup.

Each function returns one inline ``<svg role="img" aria-labelledby="ID-title ID-desc">`` whose
``<title>`` names the chart and whose ``<desc>`` says its numbers in words: that is the text
alternative (pass ``desc`` to say them in a sentence of your own; a plain list is the default).
The numbers are drawn as text and kept in ``data-value`` attributes on the bars as well.

- ``bar_chart``: horizontal bars, label on the left and value after the bar.
- ``funnel``: centred bars narrowing down, each with its value and its share of the first step.
- ``grouped_bars``: one group of vertical bars per label (a week, say), one bar per series;
  up to four series, told apart by pattern as well as colour and named in a legend.
- ``share_bar``: one bar filled to part of a whole, captioned "7 of 9 (78%)".

Sizes are viewBox units, 400 wide: about one unit per CSS pixel on a 390px-wide phone, and the
SVG scales to its container. Colours come from ``currentColor`` and the classes ``chart-s1`` to
``chart-s4``, ``chart-muted``, ``chart-grid`` and ``chart-track``, which
``insights/static/insights/dashboard.css`` styles for light and dark mode; without that stylesheet
everything is drawn in the text colour and still readable. ``chart_id`` must be unique in the page
(it prefixes the title, desc and pattern ids).

Every label is escaped here: callers pass plain text, never markup, and the result is built only
from ``format_html`` output.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString

__all__ = [
    "PATTERNS",
    "WIDTH",
    "Bar",
    "Series",
    "bar_chart",
    "funnel",
    "grouped_bars",
    "number",
    "percent",
    "share_bar",
    "share_text",
]

WIDTH = 400
FONT = 14  # about 11.5px on a 390px phone, where the chart is ~330px wide
SMALL = 13
CHAR_WIDTH = 0.6  # of the font size: a generous average, so cut labels never overflow
PATTERNS: tuple[str, ...] = ("solid", "hatch", "dots", "cross")
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}\Z")


@dataclass(frozen=True)
class Bar:
    """One labelled value; ``note`` is written after the value ("60%", "due 3 Mar")."""

    label: str
    value: float
    note: str = ""


@dataclass(frozen=True)
class Series:
    """One named row of values, one value per group of ``grouped_bars``."""

    name: str
    values: Sequence[float]


# --- numbers in words -----------------------------------------------------------------------


def number(value: float) -> str:
    """12 → "12", 2.5 → "2.5", 2.96 → "3": whole numbers bare, others to one decimal."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def percent(part: float, whole: float) -> int | None:
    """``part`` as a whole percentage of ``whole``, rounded half up; None when ``whole`` is 0."""
    if whole <= 0:
        return None
    return math.floor(part * 100 / whole + 0.5)


def share_text(part: float, whole: float) -> str:
    """ "7 of 9 (78%)"; "0 of 0" when there is nothing to share."""
    share = percent(part, whole)
    text = f"{number(part)} of {number(whole)}"
    return f"{text} ({share}%)" if share is not None else text


# --- building blocks ------------------------------------------------------------------------


def _join(parts: Iterable[SafeString]) -> SafeString:
    # Only SafeStrings made by format_html are joined, so the result is safe too.
    return SafeString("".join(parts))


def _u(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _check_id(chart_id: str) -> None:
    if not _ID.match(chart_id):
        raise ValueError(
            f"chart_id must be a letter then letters, digits, - or _ (64 at most), got {chart_id!r}"
        )


def _check_values(values: Iterable[float]) -> list[float]:
    checked = []
    for value in values:
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"chart values must be finite and 0 or more, got {value!r}")
        checked.append(float(value))
    return checked


def _fit(label: str, width: float, size: float = FONT) -> str:
    """The label cut with an ellipsis so that it fits ``width`` units at ``size``."""
    chars = max(1, int(width / (size * CHAR_WIDTH)))
    return label if len(label) <= chars else label[: max(1, chars - 1)].rstrip() + "…"


def _scale(value: float, top: float, span: float) -> float:
    return 0.0 if top <= 0 else min(value, top) / top * span


def _text(
    x: float,
    y: float,
    content: str,
    *,
    cls: str = "",
    anchor: str = "start",
    size: float = FONT,
    extra: SafeString | str = "",
) -> SafeString:
    return format_html(
        '<text x="{}" y="{}" font-size="{}" text-anchor="{}" fill="currentColor"{}>{}{}</text>',
        _u(x),
        _u(y),
        _u(size),
        anchor,
        format_html(' class="{}"', cls) if cls else "",
        content,
        extra,
    )


def _svg(
    chart_id: str,
    kind: str,
    height: float,
    title: str,
    desc: str,
    body: SafeString,
    defs: SafeString | str = "",
) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" id="{id}" '
        'role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'preserveAspectRatio="xMidYMin meet">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{defs}{body}</svg>",
        kind=kind,
        id=chart_id,
        w=WIDTH,
        h=_u(height),
        title=title,
        desc=desc,
        defs=format_html("<defs>{}</defs>", defs) if defs else "",
        body=body,
    )


def _pattern(chart_id: str, index: int) -> SafeString:
    """The fill of series ``index``: solid, diagonal hatch, dots or a cross-hatch."""
    shape = {
        "solid": '<rect width="6" height="6" fill="currentColor"/>',
        "hatch": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="currentColor" '
        'stroke-width="1.6"/>',
        "dots": '<circle cx="3" cy="3" r="1.5" fill="currentColor"/>',
        "cross": '<path d="M0,0 L6,6 M6,0 L0,6" stroke="currentColor" stroke-width="1.1"/>',
    }[PATTERNS[index]]
    return format_html(
        '<pattern id="{}-p{}" class="chart-s{}" patternUnits="userSpaceOnUse" width="6" '
        'height="6">{}</pattern>',
        chart_id,
        index + 1,
        index + 1,
        SafeString(shape),  # a constant above, no user text
    )


def _nice_step(top: float, *, whole: bool) -> float:
    """A tick step of 1, 2 or 5 times a power of ten giving at most four steps up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / 4
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return max(step, 1.0) if whole else step


# --- the charts -----------------------------------------------------------------------------


def bar_chart(
    chart_id: str,
    bars: Sequence[Bar],
    *,
    title: str,
    desc: str | None = None,
    label_width: float = 130,
) -> SafeString:
    """Horizontal bars, longest for the largest value, each with its label, value and note."""
    _check_id(chart_id)
    values = _check_values(bar.value for bar in bars)
    top = max(values, default=0.0)
    row, bar_height, value_room = 28.0, 16.0, 84.0
    x0 = label_width + 6
    span = WIDTH - x0 - value_room
    rows = []
    for index, (bar, value) in enumerate(zip(bars, values, strict=True)):
        y = 6 + index * row
        width = _scale(value, top, span)
        shown = f"{number(value)} {bar.note}".strip()
        rows.append(
            format_html(
                '<g class="chart-row" data-label="{}" data-value="{}">{}'
                '<rect class="chart-bar chart-s1" x="{}" y="{}" width="{}" height="{}" '
                'fill="currentColor" data-value="{}"><title>{}: {}</title></rect>{}</g>',
                bar.label,
                number(value),
                _text(0, y + bar_height - 3, _fit(bar.label, label_width)),
                _u(x0),
                _u(y),
                _u(width),
                _u(bar_height),
                number(value),
                bar.label,
                shown,
                _text(x0 + width + 4, y + bar_height - 3, shown, cls="chart-value"),
            )
        )
    axis = format_html(
        '<line class="chart-grid" x1="{}" x2="{}" y1="2" y2="{}" stroke="currentColor"/>',
        _u(x0),
        _u(x0),
        _u(6 + len(bars) * row - (row - bar_height)),
    )
    words = desc or " ".join(
        f"{bar.label}: {number(bar.value)}{' ' + bar.note if bar.note else ''}." for bar in bars
    )
    height = 12 + len(bars) * row
    return _svg(chart_id, "bars", height, title, words or "No data.", _join([axis, *rows]))


def funnel(
    chart_id: str,
    steps: Sequence[Bar],
    *,
    title: str,
    desc: str | None = None,
) -> SafeString:
    """Centred bars, one per step, as wide as the step's value; each step is written above its
    bar with its value and its share of the first step ("Requested 12 (60%)")."""
    _check_id(chart_id)
    values = _check_values(step.value for step in steps)
    top = max(values, default=0.0)
    first = values[0] if values else 0.0
    row, bar_height = 46.0, 18.0
    rows = []
    for index, (step, value) in enumerate(zip(steps, values, strict=True)):
        y = 4 + index * row
        width = max(_scale(value, top, WIDTH), 2.0 if value else 0.0)
        share = percent(value, first)
        after = f" ({share}%)" if share is not None and index else ""
        note = f" {step.note}" if step.note else ""
        rows.append(
            format_html(
                '<g class="chart-row" data-label="{}" data-value="{}">{}{}'
                '<rect class="chart-bar chart-s1" x="{}" y="{}" width="{}" height="{}" rx="2" '
                'fill="currentColor" data-value="{}"/></g>',
                step.label,
                number(value),
                _text(0, y + 15, _fit(step.label, WIDTH * 0.55)),
                _text(
                    WIDTH,
                    y + 15,
                    number(value),
                    cls="chart-value",
                    anchor="end",
                    extra=format_html('<tspan class="chart-muted">{}{}</tspan>', after, note)
                    if after or note
                    else "",
                ),
                _u((WIDTH - width) / 2),
                _u(y + 21),
                _u(width),
                _u(bar_height),
                number(value),
            )
        )
    words = desc or " ".join(
        f"{step.label}: {number(value)}"
        + (f" ({percent(value, first)}% of {steps[0].label})" if index and first else "")
        + "."
        for index, (step, value) in enumerate(zip(steps, values, strict=True))
    )
    height = 8 + len(steps) * row
    return _svg(chart_id, "funnel", height, title, words or "No data.", _join(rows))


def grouped_bars(
    chart_id: str,
    groups: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    desc: str | None = None,
    height: float = 260,
) -> SafeString:
    """Vertical bars: one group per label in ``groups``, one bar per series in each group.

    Series are told apart by pattern (solid, hatch, dots, cross) and by colour, and named in a
    legend above the plot; the y axis has at most five round ticks. Labels that would collide
    are thinned out from the right, so the latest group always keeps its label. Each bar carries
    ``data-series``, ``data-label`` and ``data-value``, and a tooltip with all three.
    """
    _check_id(chart_id)
    if not 1 <= len(series) <= len(PATTERNS):
        raise ValueError(f"grouped_bars draws 1 to {len(PATTERNS)} series, got {len(series)}")
    values = [_check_values(s.values) for s in series]
    for one, checked in zip(series, values, strict=True):
        if len(checked) != len(groups):
            raise ValueError(
                f"series {one.name!r} has {len(checked)} values for {len(groups)} groups"
            )
    every = [v for checked in values for v in checked]
    whole = all(v.is_integer() for v in every)
    step = _nice_step(max(every, default=0.0), whole=whole)
    top = step * max(1, math.ceil(max(every, default=0.0) / step))

    legend_rows = math.ceil(len(series) / 2)
    left, right = 30.0, WIDTH - 4.0
    plot_top, plot_bottom = legend_rows * 20 + 14.0, height - 22.0
    plot_height = plot_bottom - plot_top
    group_width = (right - left) / max(1, len(groups))
    bar_width = group_width * 0.8 / len(series)

    parts: list[SafeString] = []
    for index, one in enumerate(series):
        x, y = (index % 2) * WIDTH / 2, (index // 2) * 20.0
        parts.append(
            format_html(
                '<g class="chart-legend" data-series="{}"><rect class="chart-s{}" x="{}" y="{}" '
                'width="14" height="14" fill="url(#{}-p{})" stroke="currentColor"/>{}</g>',
                one.name,
                index + 1,
                _u(x),
                _u(y + 1),
                chart_id,
                index + 1,
                _text(x + 20, y + 13, _fit(one.name, WIDTH / 2 - 24)),
            )
        )
    tick = 0.0
    while tick <= top + 1e-9:
        y = plot_bottom - _scale(tick, top, plot_height)
        parts.append(
            format_html(
                '<line class="chart-grid" x1="{}" x2="{}" y1="{}" y2="{}" stroke="currentColor" '
                'stroke-opacity="0.35"/>{}',
                _u(left),
                _u(right),
                _u(y),
                _u(y),
                _text(left - 4, y + 4, number(tick), cls="chart-muted", anchor="end", size=SMALL),
            )
        )
        tick += step
    longest = max((len(label) for label in groups), default=0) * SMALL * CHAR_WIDTH + 6
    skip = max(1, math.ceil(longest / group_width)) if groups else 1
    for g, label in enumerate(groups):
        x = left + g * group_width + group_width * 0.1
        for index, one in enumerate(series):
            value = values[index][g]
            bar_height = _scale(value, top, plot_height)
            parts.append(
                format_html(
                    '<rect class="chart-bar chart-s{}" x="{}" y="{}" width="{}" height="{}" '
                    'fill="url(#{}-p{})" stroke="currentColor" stroke-width="0.8" '
                    'data-series="{}" data-label="{}" data-value="{}"><title>{}, {}: {}</title>'
                    "</rect>",
                    index + 1,
                    _u(x + index * bar_width),
                    _u(plot_bottom - bar_height),
                    _u(bar_width),
                    _u(bar_height),
                    chart_id,
                    index + 1,
                    one.name,
                    label,
                    number(value),
                    one.name,
                    label,
                    number(value),
                )
            )
        if (len(groups) - 1 - g) % skip == 0:
            shown = _fit(label, group_width * skip, SMALL)
            half = len(shown) * SMALL * CHAR_WIDTH / 2
            # Centred under its group, but never past the edges of the drawing.
            centre = min(max(left + (g + 0.5) * group_width, half), WIDTH - half)
            parts.append(
                _text(
                    centre,
                    height - 6,
                    shown,
                    cls="chart-muted",
                    anchor="middle",
                    size=SMALL,
                )
            )
    words = desc or " ".join(
        f"{label}: "
        + ", ".join(f"{one.name} {number(values[i][g])}" for i, one in enumerate(series))
        + "."
        for g, label in enumerate(groups)
    )
    defs = _join(_pattern(chart_id, index) for index in range(len(series)))
    return _svg(chart_id, "grouped", height, title, words or "No data.", _join(parts), defs)


def share_bar(
    chart_id: str,
    part: float,
    whole: float,
    *,
    title: str,
    desc: str | None = None,
    caption: str | None = None,
) -> SafeString:
    """One track filled to ``part`` of ``whole``, captioned "7 of 9 (78%)" unless a caption is
    given. Nothing of nothing draws an empty track; more than the whole fills it."""
    _check_id(chart_id)
    part, whole = _check_values((part, whole))
    text = caption or share_text(part, whole)
    width = _scale(part, whole, WIDTH - 2)
    body = format_html(
        '{}<rect class="chart-track" x="1" y="24" width="{}" height="18" rx="3" fill="none" '
        'stroke="currentColor"/><rect class="chart-bar chart-s1" x="1" y="24" width="{}" '
        'height="18" rx="3" fill="currentColor" data-value="{}" data-whole="{}"/>',
        _text(0, 17, text, cls="chart-value", size=16),
        _u(WIDTH - 2),
        _u(width),
        number(part),
        number(whole),
    )
    return _svg(chart_id, "share", 48, title, desc or f"{share_text(part, whole)}.", body)
