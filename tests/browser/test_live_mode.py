"""Live mode in a real browser: notes survive reloads and dropped connections, the clock survives
reloads and follows the same rules as playbook/live.py (P14, P20, P22)."""

from __future__ import annotations

import json
import re
import time
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from coffeechat.debrief.models import Debrief
from coffeechat.interviews.models import Interview, Stage
from coffeechat.playbook.live import clock_state, format_clock
from coffeechat.prep.models import PlanEntry
from tests.factories import DebriefFactory, InterviewFactory, PlanEntryFactory, PreparationFactory


def planned_interview(owner: User, questions: int = 3, **fields: Any) -> Interview:
    interview = InterviewFactory(owner=owner, **fields)
    PreparationFactory(interview=interview, plan_built_at=timezone.now())
    for position in range(questions):
        PlanEntryFactory(
            interview=interview,
            position=position,
            question__text=f"Question number {position + 1}: what surprised you?",
        )
    return interview


def live_path(interview: Interview) -> str:
    return reverse("interview_live", args=[interview.pk])


def first_entry(interview: Interview) -> PlanEntry:
    return PlanEntry.objects.filter(interview=interview).order_by("position").first()  # type: ignore[return-value]


def wait_for(check: Any, seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.05)


# --- notes --------------------------------------------------------------------------------------


def test_a_note_typed_in_live_mode_is_there_after_a_reload(owner_page: Page, owner: User) -> None:
    interview = planned_interview(owner)
    entry = first_entry(interview)
    owner_page.goto(live_path(interview))
    owner_page.locator(f"#note-{entry.pk}").fill("Start with the support tickets.")
    expect(owner_page.locator(f"#note-{entry.pk}-status")).to_have_text("Saved.")
    owner_page.evaluate("localStorage.clear()")  # what comes back must come from the server
    owner_page.reload()
    expect(owner_page.locator(f"#note-{entry.pk}")).to_have_value("Start with the support tickets.")
    entry.refresh_from_db()
    assert entry.notes == "Start with the support tickets."


def test_a_note_typed_offline_is_kept_on_the_device_then_sent_when_back_online(
    owner_page: Page, browser_context: BrowserContext, owner: User
) -> None:
    interview = planned_interview(owner)
    entry = first_entry(interview)
    owner_page.goto(live_path(interview))
    browser_context.set_offline(True)
    owner_page.locator(f"#note-{entry.pk}").fill("Typed in the basement café.")
    expect(owner_page.locator(f"#note-{entry.pk}-status")).to_contain_text("kept on this device")
    kept = owner_page.evaluate(
        f"JSON.parse(localStorage.getItem('coffeechat:live:{interview.pk}:note:{entry.pk}')).text"
    )
    entry.refresh_from_db()
    assert (kept, entry.notes) == ("Typed in the basement café.", "")
    browser_context.set_offline(False)
    expect(owner_page.locator(f"#note-{entry.pk}-status")).to_have_text("Saved.")
    entry.refresh_from_db()
    assert entry.notes == "Typed in the basement café."


def test_a_note_never_sent_is_shown_again_after_a_reload_and_sent(
    owner_page: Page, owner: User
) -> None:
    interview = planned_interview(owner)
    entry = first_entry(interview)
    owner_page.goto(live_path(interview))
    pending = json.dumps({"text": "Written before the tab closed", "at": 0})
    owner_page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)",
        [f"coffeechat:live:{interview.pk}:note:{entry.pk}", pending],
    )
    owner_page.reload()
    expect(owner_page.locator(f"#note-{entry.pk}")).to_have_value("Written before the tab closed")
    expect(owner_page.locator(f"#note-{entry.pk}-status")).to_have_text("Saved.")
    entry.refresh_from_db()
    assert entry.notes == "Written before the tab closed"


# --- the clock ----------------------------------------------------------------------------------


def test_the_clock_counts_from_the_stored_start_after_a_reload(
    owner_page: Page, owner: User
) -> None:
    interview = planned_interview(owner, duration_minutes=20)
    owner_page.goto(live_path(interview))
    expect(owner_page.locator("#clock-elapsed")).to_have_text("00:00")
    owner_page.get_by_role("button", name="Start").click()
    expect(owner_page.locator("#start-form")).to_be_hidden()
    wait_for(lambda: Debrief.objects.filter(interview=interview, started_at__isnull=False).exists())
    started_at = Debrief.objects.get(interview=interview).started_at
    assert started_at is not None
    Debrief.objects.filter(interview=interview).update(
        started_at=started_at - timedelta(minutes=7)  # as if seven minutes had passed
    )
    owner_page.reload()
    expect(owner_page.locator("#clock-elapsed")).to_have_text(re.compile(r"^07:0\d$"))
    expect(owner_page.locator("#clock-agreed")).to_have_text("20:00")
    expect(owner_page.locator("#start-form")).to_be_hidden()


def test_the_clock_rules_in_the_browser_match_the_playbook(owner_page: Page, owner: User) -> None:
    interview = planned_interview(owner)
    owner_page.goto(live_path(interview))
    rules = owner_page.evaluate(
        """() => {
          const d = document.getElementById("live").dataset;
          return {lastQuestionsShare: Number(d.lastQuestionsShare),
                  nextStepsSeconds: Number(d.nextStepsSeconds)};
        }"""
    )
    cases = [
        (elapsed, agreed)
        for agreed in (5, 15, 20, 30, 45)
        for elapsed in sorted(
            {
                0,
                59,
                60,
                61,
                agreed * 45 - 1,
                agreed * 45,
                agreed * 45 + 1,
                agreed * 60 - 181,
                agreed * 60 - 180,
                agreed * 60 - 179,
                agreed * 60 - 1,
                agreed * 60,
                agreed * 60 + 1,
                3725,
            }
        )
        if elapsed >= 0
    ]
    in_browser = owner_page.evaluate(
        """([cases, rules]) => cases.map(([elapsed, agreed]) => {
          const s = window.CoffeechatLive.clockState(elapsed, agreed, rules);
          return [s.phase, s.message, window.CoffeechatLive.formatClock(elapsed)];
        })""",
        [cases, rules],
    )
    in_python = [
        [clock_state(e, a).phase, clock_state(e, a).message, format_clock(e)] for e, a in cases
    ]
    assert in_browser == in_python


def test_three_minutes_before_the_end_the_next_step_questions_show(
    owner_page: Page, owner: User
) -> None:
    interview = planned_interview(owner, duration_minutes=20)
    DebriefFactory(
        interview=interview,
        started_at=timezone.now() - timedelta(minutes=17, seconds=30),
        ended_at=None,
    )
    owner_page.goto(live_path(interview))
    expect(owner_page.locator("#next-steps")).to_be_visible()
    expect(owner_page.locator("#next-steps li")).to_have_count(3)
    expect(owner_page.locator("#clock-message")).to_contain_text("Ask for next steps")


def test_they_offered_more_time_grows_the_agreed_time(owner_page: Page, owner: User) -> None:
    interview = planned_interview(owner, duration_minutes=20)
    DebriefFactory(interview=interview, started_at=timezone.now(), ended_at=None)
    owner_page.goto(live_path(interview))
    owner_page.get_by_role("button", name=re.compile("They offered more time")).click()
    expect(owner_page.locator("#clock-agreed")).to_have_text("25:00")
    wait_for(lambda: Debrief.objects.get(interview=interview).extended_minutes == 5)


# --- moving around, ending ---------------------------------------------------------------------


def test_arrow_keys_move_between_questions(owner_page: Page, owner: User) -> None:
    interview = planned_interview(owner, questions=3)
    owner_page.goto(live_path(interview))
    expect(owner_page.locator("#question-position")).to_have_text("Question 1 of 3")
    owner_page.keyboard.press("ArrowRight")
    expect(owner_page.locator("#question-position")).to_have_text("Question 2 of 3")
    expect(owner_page.get_by_text("Question number 2: what surprised you?")).to_be_visible()
    expect(owner_page.get_by_text("Question number 1: what surprised you?")).to_be_hidden()
    owner_page.keyboard.press("ArrowLeft")
    expect(owner_page.locator("#question-position")).to_have_text("Question 1 of 3")


def test_end_tapped_twice_marks_it_held_and_opens_the_debrief(
    owner_page: Page, owner: User
) -> None:
    interview = planned_interview(owner, stage=Stage.SCHEDULED)
    DebriefFactory(
        interview=interview, started_at=timezone.now() - timedelta(minutes=18), ended_at=None
    )
    owner_page.goto(live_path(interview))
    owner_page.get_by_role("button", name="End").click()
    owner_page.get_by_role("button", name="Tap again to end").click()
    owner_page.wait_for_url(re.compile(r"/debrief/$"))
    expect(owner_page.get_by_role("heading", level=1)).to_contain_text("Debrief")
    assert Interview.objects.get(pk=interview.pk).stage == Stage.HELD


def test_the_debrief_adds_rows_for_more_resources(owner_page: Page, owner: User) -> None:
    interview = planned_interview(owner)
    owner_page.goto(reverse("interview_debrief", args=[interview.pk]))
    owner_page.locator("#id_resources-0-title").fill("Just Enough Research")
    owner_page.get_by_role("button", name="Add another resource").click()
    owner_page.locator("#id_resources-1-title").fill("The Service Design Network")
    owner_page.get_by_role("button", name="Save debrief").click()
    owner_page.wait_for_url(re.compile(rf"/interviews/{interview.pk}/$"))
    titles = sorted(interview.resources.values_list("title", flat=True))
    assert titles == ["Just Enough Research", "The Service Design Network"]
