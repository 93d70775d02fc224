"""Folding, query words and snippets: plain Python, the same for both databases."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from coffeechat.search.text import (
    MAX_QUERY_WORDS,
    Term,
    fold,
    highlight,
    indexed,
    query_terms,
)


def test_folding_removes_accents_and_case() -> None:
    assert fold("Amélie ØSTER Łukasz Straße Zoë ﬁne") == "amelie oster lukasz strasse zoe fine"


def test_the_index_keeps_words_of_letters_and_digits_only() -> None:
    assert indexed("ada@example.org", "re-entry, O'Brien_2024") == (
        "ada example org re entry o brien 2024"
    )


def test_a_very_long_word_is_cut_in_pieces() -> None:
    assert indexed("x" * 130).split() == ["x" * 60, "x" * 60, "x" * 10]


def test_the_last_word_typed_is_a_prefix() -> None:
    assert query_terms("acme dat") == [Term("acme"), Term("dat", prefix=True)]


def test_a_space_after_the_last_word_ends_it() -> None:
    assert query_terms("acme dat ") == [Term("acme"), Term("dat")]


def test_a_one_letter_last_word_is_a_whole_word() -> None:
    assert query_terms("jean q") == [Term("jean"), Term("q")]


def test_a_repeated_word_counts_once() -> None:
    assert query_terms("data acme data") == [Term("data", prefix=True), Term("acme")]


def test_at_most_four_words_are_used() -> None:
    assert [term.word for term in query_terms("one two three four five six")] == [
        "one",
        "two",
        "three",
        "four",
    ][:MAX_QUERY_WORDS]


def test_punctuation_alone_is_no_query() -> None:
    assert query_terms('"*-:()') == []


def test_a_highlight_marks_whole_words_and_prefixes() -> None:
    terms = [Term("data"), Term("pipe", prefix=True)]
    assert highlight("Data, database and pipelines", terms) == (
        "<mark>Data</mark>, database and <mark>pipelines</mark>"
    )


def test_a_highlight_marks_accented_words_in_place() -> None:
    assert highlight("Chez Amélie, café", [Term("amel", prefix=True), Term("cafe")]) == (
        "Chez <mark>Amélie</mark>, <mark>café</mark>"
    )


def test_a_highlight_after_a_ligature_stays_in_place() -> None:
    assert highlight("ﬁne Straße data", [Term("data")]) == "ﬁne Straße <mark>data</mark>"


def test_a_highlight_without_a_match_shows_the_start() -> None:
    assert highlight("word " * 100, [Term("zebra")]) == "word " * 35 + "word…"


_TAG = re.compile(r"<[^>]*>")


@given(text=st.text(max_size=300), query=st.text(max_size=30))
def test_a_highlight_never_lets_markup_through(text: str, query: str) -> None:
    html = highlight(text, query_terms(query))
    assert set(_TAG.findall(html)) <= {"<mark>", "</mark>"}
