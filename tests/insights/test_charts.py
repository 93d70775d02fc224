"""The SVG charts: numbers and labels drawn and said in words, labels escaped, zeros safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from django.utils.safestring import SafeString

from coffeechat.insights.charts import (
    Bar,
    Series,
    bar_chart,
    funnel,
    grouped_bars,
    number,
    percent,
    share_bar,
    share_text,
)

SVG = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert(\"x\")</script> & 'co'"


def parse(markup: str) -> ET.Element:
    """Well-formed XML, or the test fails here."""
    return ET.fromstring(markup)  # noqa: S314 (our own output, not untrusted input)


def texts(svg: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in svg.iter(f"{SVG}text")]


def values(svg: ET.Element, tag: str = "rect") -> list[str]:
    return [
        node.attrib["data-value"] for node in svg.iter(f"{SVG}{tag}") if "data-value" in node.attrib
    ]


def title_and_desc(svg: ET.Element) -> tuple[str, str]:
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    assert title is not None
    assert desc is not None
    return title.text or "", desc.text or ""


# --- numbers in words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"), [(12, "12"), (12.0, "12"), (2.5, "2.5"), (2.96, "3"), (0, "0")]
)
def test_number_is_bare_when_whole_and_one_decimal_otherwise(value: float, expected: str) -> None:
    assert number(value) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"), [(7, 9, 78), (1, 8, 13), (0, 5, 0), (5, 5, 100), (12, 10, 120)]
)
def test_percent_rounds_half_up(part: int, whole: int, expected: int) -> None:
    assert percent(part, whole) == expected


def test_percent_of_nothing_is_none_not_a_division_by_zero() -> None:
    assert percent(0, 0) is None


def test_share_text_says_part_whole_and_percent() -> None:
    assert share_text(7, 9) == "7 of 9 (78%)"


def test_share_text_of_nothing_has_no_percent() -> None:
    assert share_text(0, 0) == "0 of 0"


# --- what every chart shares -------------------------------------------------------------------

ONE_OF_EACH: dict[str, Callable[[str, str], SafeString]] = {
    "bar_chart": lambda label, desc: bar_chart("c", [Bar(label, 3)], title=label, desc=desc),
    "funnel": lambda label, desc: funnel("c", [Bar(label, 3)], title=label, desc=desc),
    "grouped_bars": lambda label, desc: grouped_bars(
        "c", [label], [Series(label, [3])], title=label, desc=desc
    ),
    "share_bar": lambda label, desc: share_bar("c", 1, 3, title=label, desc=desc, caption=label),
}


@pytest.mark.parametrize("draw", ONE_OF_EACH.values(), ids=ONE_OF_EACH.keys())
def test_chart_is_an_image_labelled_by_its_title_and_desc(
    draw: Callable[[str, str], SafeString],
) -> None:
    svg = parse(draw("Requests", "Three requests."))
    assert svg.attrib["role"] == "img"
    assert svg.attrib["aria-labelledby"] == "c-title c-desc"
    assert svg.find(f"{SVG}title").attrib["id"] == "c-title"  # type: ignore[union-attr]
    assert svg.find(f"{SVG}desc").attrib["id"] == "c-desc"  # type: ignore[union-attr]
    assert title_and_desc(svg) == ("Requests", "Three requests.")


@pytest.mark.parametrize("draw", ONE_OF_EACH.values(), ids=ONE_OF_EACH.keys())
def test_chart_scales_with_its_viewbox_and_has_no_fixed_size(
    draw: Callable[[str, str], SafeString],
) -> None:
    svg = parse(draw("Requests", "Three."))
    assert svg.attrib["viewBox"].startswith("0 0 400 ")
    assert "width" not in svg.attrib
    assert "height" not in svg.attrib


@pytest.mark.parametrize("draw", ONE_OF_EACH.values(), ids=ONE_OF_EACH.keys())
def test_chart_is_safe_markup(draw: Callable[[str, str], SafeString]) -> None:
    assert isinstance(draw("Requests", "Three."), SafeString)


@pytest.mark.parametrize("draw", ONE_OF_EACH.values(), ids=ONE_OF_EACH.keys())
def test_labels_title_and_desc_are_escaped(draw: Callable[[str, str], SafeString]) -> None:
    markup = draw(NASTY, NASTY)
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;co&#x27;" in markup
    svg = parse(markup)
    assert title_and_desc(svg) == (NASTY, NASTY)
    assert svg.find(f".//{SVG}script") is None


@pytest.mark.parametrize("chart_id", ["", "1st", 'c" onload="x', "c d", "x" * 65])
def test_chart_id_that_is_not_a_plain_name_is_refused(chart_id: str) -> None:
    with pytest.raises(ValueError, match="chart_id"):
        bar_chart(chart_id, [Bar("Idea", 1)], title="t")


@pytest.mark.parametrize("value", [-1, float("nan"), float("inf")])
def test_negative_or_not_finite_value_is_refused(value: float) -> None:
    with pytest.raises(ValueError, match="finite and 0 or more"):
        bar_chart("c", [Bar("Idea", value)], title="t")


# --- bar_chart ---------------------------------------------------------------------------------


def test_bar_chart_writes_every_label_and_value() -> None:
    svg = parse(bar_chart("c", [Bar("Idea", 12), Bar("Held", 3, "25%")], title="t"))
    assert texts(svg) == ["Idea", "12", "Held", "3 25%"]
    assert values(svg) == ["12", "3"]


def test_bar_chart_draws_the_largest_value_longest_and_the_others_in_proportion() -> None:
    svg = parse(bar_chart("c", [Bar("Idea", 12), Bar("Held", 3)], title="t", label_width=130))
    widths = [float(r.attrib["width"]) for r in svg.iter(f"{SVG}rect")]
    assert widths == [180.0, 45.0]  # 400 - 136 for labels - 84 for values, and a quarter of it


def test_bar_chart_says_its_numbers_in_words_by_default() -> None:
    svg = parse(bar_chart("c", [Bar("Idea", 12), Bar("Held", 3, "(25%)")], title="t"))
    assert title_and_desc(svg)[1] == "Idea: 12. Held: 3 (25%)."


def test_bar_chart_cuts_a_long_label_but_keeps_it_whole_in_the_data() -> None:
    label = "A very long label that cannot fit in the column"
    svg = parse(bar_chart("c", [Bar(label, 1)], title="t", label_width=60))
    assert texts(svg)[0] == "A very…"
    assert svg.find(f"{SVG}g").attrib["data-label"] == label  # type: ignore[union-attr]


def test_bar_chart_of_zeros_draws_empty_bars() -> None:
    svg = parse(bar_chart("c", [Bar("Idea", 0), Bar("Held", 0)], title="t"))
    assert [r.attrib["width"] for r in svg.iter(f"{SVG}rect")] == ["0", "0"]
    assert texts(svg) == ["Idea", "0", "Held", "0"]


def test_bar_chart_with_no_bars_says_so() -> None:
    svg = parse(bar_chart("c", [], title="t"))
    assert title_and_desc(svg)[1] == "No data."


# --- funnel ------------------------------------------------------------------------------------


def test_funnel_writes_each_step_with_its_share_of_the_first() -> None:
    svg = parse(funnel("c", [Bar("Idea", 20), Bar("Requested", 12), Bar("Held", 5)], title="t"))
    assert texts(svg) == ["Idea", "20", "Requested", "12 (60%)", "Held", "5 (25%)"]
    assert values(svg) == ["20", "12", "5"]


def test_funnel_centres_bars_as_wide_as_their_share_of_the_largest() -> None:
    svg = parse(funnel("c", [Bar("Idea", 20), Bar("Requested", 10)], title="t"))
    bars = [(float(r.attrib["x"]), float(r.attrib["width"])) for r in svg.iter(f"{SVG}rect")]
    assert bars == [(0.0, 400.0), (100.0, 200.0)]


def test_funnel_says_shares_of_the_first_step_in_words() -> None:
    svg = parse(funnel("c", [Bar("Idea", 4), Bar("Held", 1)], title="t"))
    assert title_and_desc(svg)[1] == "Idea: 4. Held: 1 (25% of Idea)."


def test_funnel_of_zeros_has_no_share_and_no_bar() -> None:
    svg = parse(funnel("c", [Bar("Idea", 0), Bar("Held", 0)], title="t"))
    assert texts(svg) == ["Idea", "0", "Held", "0"]
    assert [r.attrib["width"] for r in svg.iter(f"{SVG}rect")] == ["0", "0"]


# --- grouped_bars ------------------------------------------------------------------------------

WEEKS = ["3 Mar", "10 Mar"]
TWO_SERIES = [Series("Requests", [4, 0]), Series("Replies", [1, 2])]


def bars_by_series(svg: ET.Element) -> dict[tuple[str, str], str]:
    return {
        (r.attrib["data-series"], r.attrib["data-label"]): r.attrib["data-value"]
        for r in svg.iter(f"{SVG}rect")
        if "data-label" in r.attrib
    }


def test_grouped_bars_puts_each_value_on_its_own_bar() -> None:
    svg = parse(grouped_bars("c", WEEKS, TWO_SERIES, title="t"))
    assert bars_by_series(svg) == {
        ("Requests", "3 Mar"): "4",
        ("Replies", "3 Mar"): "1",
        ("Requests", "10 Mar"): "0",
        ("Replies", "10 Mar"): "2",
    }


def test_grouped_bars_tells_series_apart_by_pattern_in_bars_and_legend() -> None:
    svg = parse(grouped_bars("c", WEEKS, TWO_SERIES, title="t"))
    patterns = [p.attrib["id"] for p in svg.iter(f"{SVG}pattern")]
    assert patterns == ["c-p1", "c-p2"]
    assert [p[0].tag for p in svg.iter(f"{SVG}pattern")] == [f"{SVG}rect", f"{SVG}path"]
    legend = {
        g.attrib["data-series"]: g.find(f"{SVG}rect").attrib["fill"]  # type: ignore[union-attr]
        for g in svg.iter(f"{SVG}g")
    }
    assert legend == {"Requests": "url(#c-p1)", "Replies": "url(#c-p2)"}
    fills = {
        (r.attrib["data-series"], r.attrib["fill"])
        for r in svg.iter(f"{SVG}rect")
        if "data-series" in r.attrib
    }
    assert fills == {("Requests", "url(#c-p1)"), ("Replies", "url(#c-p2)")}


def test_grouped_bars_writes_legend_axis_and_group_labels() -> None:
    svg = parse(grouped_bars("c", WEEKS, TWO_SERIES, title="t"))
    assert texts(svg) == ["Requests", "Replies", "0", "1", "2", "3", "4", "3 Mar", "10 Mar"]


def test_grouped_bars_tallest_bar_reaches_the_top_tick() -> None:
    svg = parse(grouped_bars("c", WEEKS, TWO_SERIES, title="t", height=260))
    heights = {
        r.attrib["data-value"]: float(r.attrib["height"])
        for r in svg.iter(f"{SVG}rect")
        if "data-value" in r.attrib
    }
    assert heights["4"] == 204.0  # from 34, below the legend, to 238, above the labels
    assert heights["2"] == 102.0


def test_grouped_bars_says_every_value_in_words() -> None:
    svg = parse(grouped_bars("c", WEEKS, TWO_SERIES, title="t"))
    assert title_and_desc(svg)[1] == (
        "3 Mar: Requests 4, Replies 1. 10 Mar: Requests 0, Replies 2."
    )


def test_grouped_bars_of_zeros_draws_a_zero_axis_without_dividing_by_zero() -> None:
    svg = parse(grouped_bars("c", WEEKS, [Series("Requests", [0, 0])], title="t"))
    assert [r.attrib["height"] for r in svg.iter(f"{SVG}rect") if "data-value" in r.attrib] == [
        "0",
        "0",
    ]
    assert texts(svg)[:3] == ["Requests", "0", "1"]


def test_grouped_bars_thins_crowded_labels_but_keeps_the_latest() -> None:
    groups = [f"Week number {n}" for n in range(12)]
    svg = parse(grouped_bars("c", groups, [Series("Requests", [1] * 12)], title="t"))
    shown = [t for t in texts(svg) if t.startswith("Week")]
    assert shown[-1] == "Week number 11"
    assert len(shown) < 12


def test_grouped_bars_keeps_the_last_label_inside_the_drawing() -> None:
    svg = parse(grouped_bars("c", ["3 Mar", "10 March"], TWO_SERIES, title="t"))
    last = next(t for t in svg.iter(f"{SVG}text") if t.text == "10 March")
    half = len("10 March") * 13 * 0.6 / 2
    assert float(last.attrib["x"]) + half <= 400


def test_grouped_bars_refuses_more_series_than_patterns() -> None:
    five = [Series(f"S{n}", [1]) for n in range(5)]
    with pytest.raises(ValueError, match="1 to 4 series"):
        grouped_bars("c", ["w"], five, title="t")


def test_grouped_bars_refuses_a_series_of_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="'Requests' has 1 values for 2 groups"):
        grouped_bars("c", WEEKS, [Series("Requests", [1])], title="t")


# --- share_bar ---------------------------------------------------------------------------------


def test_share_bar_captions_part_of_whole_and_fills_that_share() -> None:
    svg = parse(share_bar("c", 7, 9, title="t"))
    assert texts(svg) == ["7 of 9 (78%)"]
    fill = next(r for r in svg.iter(f"{SVG}rect") if "data-value" in r.attrib)
    assert (fill.attrib["data-value"], fill.attrib["data-whole"]) == ("7", "9")
    assert float(fill.attrib["width"]) == pytest.approx(398 * 7 / 9, abs=0.01)


def test_share_bar_says_its_share_in_words_by_default() -> None:
    assert title_and_desc(parse(share_bar("c", 7, 9, title="t")))[1] == "7 of 9 (78%)."


def test_share_bar_of_nothing_draws_an_empty_track() -> None:
    svg = parse(share_bar("c", 0, 0, title="t"))
    assert texts(svg) == ["0 of 0"]
    assert values(svg) == ["0"]
    assert (
        next(r for r in svg.iter(f"{SVG}rect") if "data-value" in r.attrib).attrib["width"] == "0"
    )


def test_share_bar_beyond_the_whole_fills_the_track_and_says_so() -> None:
    svg = parse(share_bar("c", 12, 10, title="t"))
    assert texts(svg) == ["12 of 10 (120%)"]
    assert (
        next(r for r in svg.iter(f"{SVG}rect") if "data-value" in r.attrib).attrib["width"] == "398"
    )
