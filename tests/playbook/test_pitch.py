"""P18: the elevator pitch, timed as spoken (30-60 seconds at 130 words a minute)."""

from __future__ import annotations

import pytest

from coffeechat.playbook.pitch import WORDS_PER_MINUTE, check_pitch, count_words, spoken_seconds


def words(n: int) -> str:
    return " ".join(["word"] * n)


def test_speaking_pace_is_130_words_a_minute() -> None:
    assert WORDS_PER_MINUTE == 130


def test_spoken_seconds_of_130_words_is_a_minute() -> None:
    assert spoken_seconds(words(130)) == 60


def test_spoken_seconds_rounds_to_the_nearest_second() -> None:
    assert spoken_seconds(words(3)) == 1  # 1.38 s
    assert spoken_seconds(words(4)) == 2  # 1.85 s


def test_spoken_seconds_of_empty_text_is_zero() -> None:
    assert spoken_seconds("  \n ") == 0


def test_count_words_ignores_lone_punctuation_and_keeps_hyphenated_words_whole() -> None:
    assert count_words("I'm a long-term planner — really. - 2024") == 6


def test_count_words_counts_accented_words() -> None:
    assert count_words("Je suis ingénieure, née à Montréal") == 6


def test_check_pitch_calls_an_empty_pitch_short() -> None:
    check = check_pitch("")
    assert (check.words, check.seconds, check.verdict) == (0, 0, "short")
    assert "empty" in check.message


def test_check_pitch_calls_under_30_seconds_short() -> None:
    check = check_pitch(words(60))  # 27.7 s
    assert (check.seconds, check.verdict) == (28, "short")
    assert "28 seconds" in check.message
    assert "30 to 60" in check.message


@pytest.mark.parametrize(("count", "seconds"), [(65, 30), (100, 46), (130, 60)])
def test_check_pitch_calls_30_to_60_seconds_good(count: int, seconds: int) -> None:
    check = check_pitch(words(count))
    assert (check.words, check.seconds, check.verdict) == (count, seconds, "good")


def test_check_pitch_calls_over_60_seconds_long() -> None:
    check = check_pitch(words(132))  # 60.9 s
    assert (check.seconds, check.verdict) == (61, "long")
    assert "61 seconds" in check.message
    assert "132 words" in check.message


def test_check_pitch_names_the_practice() -> None:
    assert "P18" in check_pitch(words(80)).message
