"""Placeholders make a plan read as written for this person (P16), and never break a plan."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.playbook.placeholders import PLACEHOLDERS, fill_placeholders, placeholders_in

VALUES = {
    "organization": "Northwind Health",
    "their_role": "the product manager role",
    "topic": "urban planning",
    "their_work": "the talk on transit data",
}


def test_the_four_placeholders_are_known_in_a_stable_order() -> None:
    assert PLACEHOLDERS == ("organization", "their_role", "topic", "their_work")


def test_a_known_placeholder_is_filled_with_its_value() -> None:
    text = fill_placeholders("What surprised you when you joined {organization}?", VALUES)
    assert text == "What surprised you when you joined Northwind Health?"


def test_every_known_placeholder_is_filled() -> None:
    text = fill_placeholders("{organization} {their_role} {topic} {their_work}", VALUES)
    assert (
        text == "Northwind Health the product manager role urban planning the talk on transit data"
    )


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ("organization", "your organization"),
        ("their_role", "your role"),
        ("topic", "this field"),
        ("their_work", "your recent work"),
    ],
)
def test_a_missing_value_falls_back_to_a_natural_phrase(name: str, fallback: str) -> None:
    assert fill_placeholders(f"Tell me about {{{name}}}.", {}) == f"Tell me about {fallback}."


def test_a_blank_value_falls_back_like_a_missing_one() -> None:
    text = fill_placeholders("What drew you to {topic}?", {"topic": "   "})
    assert text == "What drew you to this field?"


def test_a_fallback_that_starts_a_sentence_gets_a_capital_letter() -> None:
    assert fill_placeholders("{organization} surprised me. {topic} too.", {}) == (
        "Your organization surprised me. This field too."
    )


def test_a_value_keeps_its_own_capitals() -> None:
    assert fill_placeholders("{organization} is new to me", {"organization": "acme"}) == (
        "acme is new to me"
    )


def test_whitespace_inside_a_value_is_collapsed() -> None:
    text = fill_placeholders("In {topic}?", {"topic": "  urban \n planning "})
    assert text == "In urban planning?"


def test_an_unknown_placeholder_is_left_untouched() -> None:
    assert fill_placeholders("Why {x} and {topic}?", VALUES) == "Why {x} and urban planning?"


def test_stray_braces_are_left_untouched() -> None:
    text = "A { brace, {} pair, {topic and {{organization}} nest"
    assert (
        fill_placeholders(text, VALUES) == "A { brace, {} pair, {topic and {Northwind Health} nest"
    )


def test_a_value_that_looks_like_a_placeholder_is_not_filled_again() -> None:
    text = fill_placeholders("{topic} and {their_role}", {"topic": "{their_role}"})
    assert text == "{their_role} and your role"


def test_a_value_that_is_not_text_falls_back() -> None:
    values: dict[str, object] = {"topic": 42}
    assert fill_placeholders("In {topic}?", values) == "In this field?"  # type: ignore[arg-type]


def test_placeholders_in_names_known_and_unknown_placeholders() -> None:
    assert placeholders_in("{organization} and {topic} and {typo}") == {
        "organization",
        "topic",
        "typo",
    }


def test_placeholders_in_ignores_stray_braces() -> None:
    assert placeholders_in("{ not one } {} {1x} {also not") == set()


@given(st.text(), st.dictionaries(st.text(), st.text()))
def test_filling_never_raises_on_any_text_and_values(text: str, values: dict[str, str]) -> None:
    assert isinstance(fill_placeholders(text, values), str)


@given(st.text().filter(lambda text: "{" not in text), st.dictionaries(st.text(), st.text()))
def test_text_without_braces_comes_back_unchanged(text: str, values: dict[str, str]) -> None:
    assert fill_placeholders(text, values) == text


@given(
    st.lists(st.sampled_from([*(f"{{{name}}}" for name in PLACEHOLDERS), " ", "a", "?"])),
    st.dictionaries(
        st.sampled_from(PLACEHOLDERS), st.text().filter(lambda value: "{" not in value)
    ),
)
def test_no_known_placeholder_is_left_after_filling(
    parts: list[str], values: dict[str, str]
) -> None:
    assert placeholders_in(fill_placeholders("".join(parts), values)) == set()


@given(st.text())
def test_placeholders_in_never_raises(text: str) -> None:
    assert isinstance(placeholders_in(text), set)


def test_text_that_is_not_a_string_becomes_empty() -> None:
    assert fill_placeholders(None, VALUES) == ""  # type: ignore[arg-type]
    assert placeholders_in(None) == set()  # type: ignore[arg-type]
