"""The clock during the conversation (P14 stick to the agreed time, P20 keep an eye on the clock,
P22 ask for next steps before it ends)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "LAST_QUESTIONS_SHARE",
    "NEXT_STEPS_SECONDS_BEFORE_END",
    "ClockState",
    "clock_state",
    "format_clock",
]

LAST_QUESTIONS_SHARE = 0.75  # at three quarters of the agreed time, move to your last questions
NEXT_STEPS_SECONDS_BEFORE_END = 3 * 60  # three minutes before the end, ask for next steps

ClockPhase = Literal["on_track", "last_questions", "next_steps", "over_time"]


@dataclass(frozen=True)
class ClockState:
    elapsed_seconds: int
    agreed_seconds: int
    phase: ClockPhase
    message: str


def _minutes(count: int) -> str:
    return f"{count} minute" if count == 1 else f"{count} minutes"


def clock_state(elapsed_seconds: int, agreed_minutes: int) -> ClockState:
    """Where the conversation stands against the agreed time.

    From 75% of the agreed time: move to your last questions; from 3 minutes before the end: ask
    for next steps (this takes precedence); from the agreed time on: you are over time. The phase
    never goes back as time passes.
    """
    if elapsed_seconds < 0:
        raise ValueError(f"elapsed_seconds must be 0 or more, got {elapsed_seconds}")
    if agreed_minutes <= 0:
        raise ValueError(f"agreed_minutes must be positive, got {agreed_minutes}")
    agreed_seconds = agreed_minutes * 60
    left_minutes = -(-(agreed_seconds - elapsed_seconds) // 60)  # rounded up
    phase: ClockPhase
    if elapsed_seconds >= agreed_seconds:
        phase = "over_time"
        message = (
            f"You promised {_minutes(agreed_minutes)}: thank them and wrap up, unless they "
            "offer more time (P14)."
        )
    elif elapsed_seconds >= agreed_seconds - NEXT_STEPS_SECONDS_BEFORE_END:
        phase = "next_steps"
        message = (
            f"Ask for next steps: who else to talk to, resources, and whether you may stay in "
            f"touch ({_minutes(left_minutes)} left, P22)."
        )
    elif elapsed_seconds * 4 >= agreed_seconds * 3:  # LAST_QUESTIONS_SHARE, in integers
        phase = "last_questions"
        message = f"Move to your last questions ({_minutes(left_minutes)} left)."
    else:
        phase = "on_track"
        message = f"On track: {_minutes(left_minutes)} left of {_minutes(agreed_minutes)}."
    return ClockState(elapsed_seconds, agreed_seconds, phase, message)


def format_clock(seconds: int) -> str:
    """``mm:ss``, or ``h:mm:ss`` from one hour on: 460 -> "07:40", 3725 -> "1:02:05"."""
    if seconds < 0:
        raise ValueError(f"seconds must be 0 or more, got {seconds}")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"
