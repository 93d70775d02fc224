"""The googleable check (P2, P16): flag questions a web search would answer, and say why."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.playbook.googleable import GoogleableVerdict, check_question, check_questions
from tests.playbook.googleable_corpus import CORPUS, FRESH, Labelled


def _precision_recall(items: Sequence[Labelled]) -> tuple[float, float]:
    flagged = [item for item in items if check_question(item.question).googleable]
    true_pos = sum(1 for item in flagged if item.googleable)
    labelled = sum(1 for item in items if item.googleable)
    precision = true_pos / len(flagged) if flagged else 1.0
    recall = true_pos / labelled if labelled else 1.0
    return precision, recall


# --- the labelled corpus -----------------------------------------------------------------------


def test_corpus_has_at_least_80_questions_roughly_balanced() -> None:
    googleable = sum(1 for item in CORPUS if item.googleable)
    assert len(CORPUS) >= 80
    assert 0.4 <= googleable / len(CORPUS) <= 0.6


def test_corpus_has_no_duplicate_questions() -> None:
    questions = [item.question for item in CORPUS + FRESH]
    assert len(questions) == len(set(questions))


def test_precision_on_the_corpus_is_at_least_090() -> None:
    precision, _ = _precision_recall(CORPUS)
    assert precision >= 0.9


def test_recall_on_the_corpus_is_at_least_090() -> None:
    _, recall = _precision_recall(CORPUS)
    assert recall >= 0.9


def test_precision_on_the_fresh_batch_stays_at_least_090() -> None:
    precision, _ = _precision_recall(FRESH)
    assert precision >= 0.9


# --- what gets flagged, and why ----------------------------------------------------------------


def test_a_founding_question_names_the_founding_date_and_offers_a_better_one() -> None:
    verdict = check_question("When was {organization} founded?")
    assert verdict.googleable
    assert verdict.reason == (
        "The organization's founding date is on its website or a search away; "
        "ask what has changed since they joined instead."
    )


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("What does Northwind Health do?", "What the organization does"),
        ("Where is the company headquartered?", "Where the organization is based"),
        ("How many employees does the firm have?", "size"),
        ("What products does the company sell?", "products"),
        ("What was the company's revenue last year?", "Revenue"),
        ("Who is the CEO?", "leads the organization"),
        ("What is the organization's mission statement?", "mission statement"),
        ("How many locations do you have?", "locations"),
        ("Who are your main competitors?", "competitors"),
        ("How much does the basic plan cost?", "prices"),
        ("What does NGO stand for?", "acronym"),
    ],
)
def test_a_public_fact_is_flagged_with_a_reason_naming_it(question: str, fact: str) -> None:
    verdict = check_question(question)
    assert verdict.googleable
    assert fact in verdict.reason


@pytest.mark.parametrize(
    "question",
    [
        "What surprised you most when you joined {organization}?",
        "How would you describe the culture to a friend?",
        "What do you wish you had known about the products side before you started?",
        "How has the company's growth changed your day?",
        "What was it like to work with the CEO in the early days?",
        "How does the size of the organization shape your work?",
    ],
)
def test_a_question_about_their_experience_is_not_googleable(question: str) -> None:
    assert not check_question(question).googleable


def test_a_fine_question_says_briefly_why_it_is_fine() -> None:
    verdict = check_question("What has changed since you joined?")
    assert verdict.reason == "Asks for their own experience, which no search can answer."


def test_a_personal_question_mentioning_a_fact_says_both() -> None:
    reason = check_question("Which products does the company make that you enjoy most?").reason
    assert reason.startswith("It mentions the organization's products, but ")


def test_a_polite_wrapper_does_not_hide_a_public_fact() -> None:
    assert check_question("Do you know who the CEO is?").googleable
    assert check_question("Can you tell me what the company does?").googleable


def test_asking_about_open_positions_also_points_to_p8() -> None:
    verdict = check_question("Are you hiring right now?")
    assert verdict.googleable
    assert "(P8)" in verdict.reason


def test_every_reason_is_a_single_sentence() -> None:
    for item in CORPUS + FRESH:
        reason = check_question(item.question).reason
        assert reason.endswith(".")
        assert ". " not in reason
        assert "? " not in reason


def test_curly_apostrophes_are_read_like_straight_ones() -> None:
    assert check_question("What\u2019s the company\u2019s annual revenue?").googleable


def test_fullwidth_characters_are_normalized() -> None:
    assert check_question("Ｗｈｅｎ ｗａｓ ｔｈｅ ｃｏｍｐａｎｙ ｆｏｕｎｄｅｄ？").googleable


def test_case_does_not_matter() -> None:
    assert check_question("WHO FOUNDED THE COMPANY?").googleable


# --- the verdict -------------------------------------------------------------------------------


def test_to_dict_has_exactly_question_googleable_and_reason() -> None:
    verdict = check_question("Who founded the company?")
    assert verdict.to_dict() == {
        "question": "Who founded the company?",
        "googleable": True,
        "reason": verdict.reason,
    }


def test_the_verdict_keeps_the_question_exactly_as_given() -> None:
    assert check_question("  Who founded it?\n").question == "  Who founded it?\n"


def test_empty_text_is_not_googleable_and_says_there_is_nothing_to_check() -> None:
    verdict = check_question("")
    assert verdict == GoogleableVerdict("", False, "There is no question here to check.")


def test_text_without_words_is_treated_as_empty() -> None:
    assert check_question(" ?! \U0001f642 ").reason == "There is no question here to check."


def test_text_in_another_script_is_not_flagged() -> None:
    assert not check_question("会社はいつ設立されましたか？").googleable


# --- many lines --------------------------------------------------------------------------------


def test_check_questions_skips_blank_lines() -> None:
    verdicts = check_questions(["Who founded the company?", "", "   ", "\t\n"])
    assert [verdict.question for verdict in verdicts] == ["Who founded the company?"]


def test_check_questions_strips_whitespace_around_each_line() -> None:
    verdicts = check_questions(["  What keeps you at Northwind?\r\n"])
    assert verdicts[0].question == "What keeps you at Northwind?"


def test_check_questions_keeps_the_order_of_the_lines() -> None:
    lines = ["Who founded the company?", "What do you enjoy most?", "What does NGO stand for?"]
    assert [verdict.googleable for verdict in check_questions(lines)] == [True, False, True]


def test_check_questions_accepts_any_iterable() -> None:
    verdicts = check_questions(line for line in "Who is the CEO?\nWhy this field?".splitlines())
    assert len(verdicts) == 2


# --- robustness --------------------------------------------------------------------------------


@given(st.text())
def test_check_question_never_raises_on_any_text(text: str) -> None:
    verdict = check_question(text)
    assert isinstance(verdict.googleable, bool)
    assert verdict.reason


@given(st.lists(st.text()))
def test_check_questions_never_raises_and_skips_only_blank_lines(lines: list[str]) -> None:
    verdicts = check_questions(lines)
    assert len(verdicts) == sum(1 for line in lines if line.strip())


@given(
    st.lists(
        st.sampled_from(
            ["what", "does", "the", "company", "do", "who", "is", "ceo", "you", "your", "'s", " "]
        ),
        max_size=60,
    ).map(" ".join)
)
def test_check_question_never_raises_on_word_salad(text: str) -> None:
    assert check_question(text).question == text


ADVERSARIAL = [
    "a" * 400_000,
    "what " + "a" * 400_000,
    "what does " * 40_000,
    "what does a " * 35_000,
    "who is the " * 35_000,
    "where is the " * 30_000,
    "how many " * 45_000,
    "do you know " * 35_000,
    "is " * 130_000,
    "{" * 400_000,
    "x'y" * 130_000,
    "Northwind " * 40_000,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda text: repr(text[:12]))
def test_very_long_text_is_checked_quickly(text: str) -> None:
    started = time.perf_counter()
    check_question(text)
    assert time.perf_counter() - started < 5.0


def test_checking_time_grows_linearly_with_length() -> None:
    def duration(repeats: int) -> float:
        text = "what does the company " * repeats
        started = time.perf_counter()
        check_question(text)
        return time.perf_counter() - started

    duration(1_000)  # warm up
    small = min(duration(10_000) for _ in range(3))
    large = min(duration(40_000) for _ in range(3))
    assert large < small * 12  # four times the text, well under sixteen times the time


def test_a_value_that_is_not_text_is_judged_without_raising() -> None:
    verdict = check_question(None)  # type: ignore[arg-type]
    assert verdict.reason == "There is no question here to check."
