"""The clock during the conversation (P14, P20, P22)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.playbook.live import clock_state, format_clock

PHASES = ["on_track", "last_questions", "next_steps", "over_time"]


def test_clock_is_on_track_at_the_start() -> None:
    state = clock_state(0, 20)
    assert (state.elapsed_seconds, state.agreed_seconds, state.phase) == (0, 1200, "on_track")
    assert "20 minutes left" in state.message


def test_clock_is_on_track_just_before_three_quarters() -> None:
    assert clock_state(899, 20).phase == "on_track"


def test_clock_moves_to_last_questions_at_three_quarters() -> None:
    state = clock_state(900, 20)  # 15 of 20 minutes
    assert state.phase == "last_questions"
    assert "Move to your last questions" in state.message
    assert "5 minutes left" in state.message


def test_clock_asks_for_next_steps_three_minutes_before_the_end() -> None:
    state = clock_state(17 * 60, 20)
    assert state.phase == "next_steps"
    assert "Ask for next steps" in state.message


def test_next_steps_take_precedence_over_last_questions() -> None:
    # In a 10-minute call, three minutes before the end (7:00) comes before 75% (7:30).
    assert clock_state(7 * 60, 10).phase == "next_steps"
    assert clock_state(450, 10).phase == "next_steps"


def test_clock_is_over_time_at_the_agreed_time() -> None:
    state = clock_state(20 * 60, 20)
    assert state.phase == "over_time"
    assert "You promised 20 minutes" in state.message


def test_over_time_message_names_the_promised_minutes() -> None:
    assert "You promised 15 minutes" in clock_state(2000, 15).message


def test_clock_message_says_minute_for_one() -> None:
    assert "1 minute left" in clock_state(1140, 20).message


def test_clock_state_rejects_negative_elapsed_time() -> None:
    with pytest.raises(ValueError, match="elapsed_seconds"):
        clock_state(-1, 20)


def test_clock_state_rejects_an_agreed_time_that_is_not_positive() -> None:
    with pytest.raises(ValueError, match="agreed_minutes"):
        clock_state(0, 0)


@given(
    first=st.integers(min_value=0, max_value=4 * 3600),
    second=st.integers(min_value=0, max_value=4 * 3600),
    agreed=st.integers(min_value=1, max_value=180),
)
def test_clock_phases_never_go_back_as_time_passes(first: int, second: int, agreed: int) -> None:
    earlier, later = sorted((first, second))
    assert PHASES.index(clock_state(earlier, agreed).phase) <= PHASES.index(
        clock_state(later, agreed).phase
    )


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (0, "00:00"),
        (59, "00:59"),
        (460, "07:40"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (36000, "10:00:00"),
    ],
)
def test_format_clock(seconds: int, shown: str) -> None:
    assert format_clock(seconds) == shown


def test_format_clock_rejects_negative_seconds() -> None:
    with pytest.raises(ValueError, match="seconds"):
        format_clock(-5)
