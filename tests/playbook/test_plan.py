"""Choosing questions and fitting the plan into the agreed time (P15, P20, P22, P27)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coffeechat.playbook.plan import (
    DEFAULT_PLAN_SIZE,
    OPENING_MINUTES,
    WRAP_UP_MINUTES,
    FittedPlan,
    PlanEntry,
    choose_questions,
    fit_plan,
)
from coffeechat.playbook.question_types import BankQuestion, Category, Phase, Tiara


def entry(
    key: str,
    minutes: float = 2.0,
    *,
    phase: Phase = Phase.QUESTIONS,
    pinned: bool = False,
) -> PlanEntry:
    return PlanEntry(key=key, text=f"Question {key}?", minutes=minutes, phase=phase, pinned=pinned)


def keys(plan: FittedPlan) -> list[str]:
    return [fitted.entry.key for fitted in plan.entries]


def fitting_keys(plan: FittedPlan) -> list[str]:
    return [fitted.entry.key for fitted in plan.entries if fitted.fits]


# --- fit_plan ----------------------------------------------------------------------------------


def test_plan_constants_follow_the_playbook() -> None:
    assert (OPENING_MINUTES, WRAP_UP_MINUTES) == (2, 3)
    assert 12 <= DEFAULT_PLAN_SIZE <= 14


def test_fit_plan_budget_is_duration_minus_opening_and_wrap_up() -> None:
    assert fit_plan([], 20).budget_minutes == 15


def test_fit_plan_budget_never_goes_below_zero() -> None:
    assert fit_plan([], 3).budget_minutes == 0


def test_fit_plan_rejects_a_negative_duration() -> None:
    with pytest.raises(ValueError, match="duration_minutes"):
        fit_plan([], -1)


def test_fit_plan_fits_entries_in_order_while_time_remains() -> None:
    plan = fit_plan([entry(k, 4) for k in "abcde"], 20)  # budget 15: three fit
    assert fitting_keys(plan) == ["a", "b", "c"]
    assert [f.entry.key for f in plan.overflow] == ["d", "e"]


def test_fit_plan_lets_a_shorter_later_entry_use_the_time_left() -> None:
    plan = fit_plan([entry("a", 10), entry("long", 8), entry("short", 3)], 20)
    assert fitting_keys(plan) == ["a", "short"]


def test_fit_plan_start_times_include_the_opening() -> None:
    plan = fit_plan([entry("a", 3), entry("b", 2.5), entry("c", 1)], 20)
    assert [f.starts_at_minute for f in plan.entries] == [2, 5, 7.5]


def test_fit_plan_overflow_entry_shows_where_it_would_start_without_taking_time() -> None:
    plan = fit_plan([entry("a", 10), entry("long", 8), entry("b", 2)], 20)
    assert [(f.entry.key, f.starts_at_minute, f.fits) for f in plan.entries] == [
        ("a", 2, True),
        ("long", 12, False),
        ("b", 12, True),
    ]


def test_fit_plan_pinned_entry_fits_and_is_reserved_first() -> None:
    plan = fit_plan([entry("a", 6), entry("b", 6), entry("must", 6, pinned=True)], 20)
    assert fitting_keys(plan) == ["a", "must"]
    assert [f.entry.key for f in plan.overflow] == ["b"]


def test_fit_plan_pinned_entry_fits_even_beyond_the_budget() -> None:
    plan = fit_plan([entry("a", 2), entry("must", 30, pinned=True)], 15)
    assert fitting_keys(plan) == ["must"]
    assert plan.over_budget


def test_fit_plan_moves_next_step_entries_to_the_end() -> None:
    plan = fit_plan(
        [entry("who-else", 2, phase=Phase.NEXT_STEPS), entry("a"), entry("b")],
        20,
    )
    assert keys(plan) == ["a", "b", "who-else"]


def test_fit_plan_always_keeps_next_step_entries_even_when_time_is_short() -> None:
    entries = [entry(k, 5) for k in "abc"] + [
        entry("who-else", 2, phase=Phase.NEXT_STEPS),
        entry("resources", 2, phase=Phase.NEXT_STEPS),
    ]
    plan = fit_plan(entries, 15)  # budget 10: 4 reserved, one 5-minute question fits
    assert fitting_keys(plan) == ["a", "who-else", "resources"]
    assert plan.entries[-1].starts_at_minute + 2 <= 15 - WRAP_UP_MINUTES


def test_fit_plan_totals_planned_and_fitting_minutes() -> None:
    plan = fit_plan([entry("a", 4), entry("b", 12), entry("c", 1.5)], 20)
    assert plan.planned_minutes == 17.5
    assert plan.fitting_minutes == 5.5
    assert not plan.over_budget


def test_fit_plan_handles_float_minutes_that_add_up_to_the_budget() -> None:
    plan = fit_plan([entry(str(n), 0.1) for n in range(150)], 20)  # 150 x 0.1 == 15
    assert plan.overflow == ()


def test_plan_entry_rejects_negative_minutes() -> None:
    with pytest.raises(ValueError, match="minutes"):
        entry("a", -1)


plan_entries = st.lists(
    st.builds(
        PlanEntry,
        key=st.text(min_size=1, max_size=5),
        text=st.just("A question?"),
        minutes=st.integers(min_value=0, max_value=40).map(lambda halves: halves / 2),
        phase=st.sampled_from(list(Phase)),
        pinned=st.booleans(),
    ),
    max_size=20,
)
durations = st.integers(min_value=0, max_value=120)


def _reserved(e: PlanEntry) -> bool:
    return e.pinned or e.phase == Phase.NEXT_STEPS


@given(entries=plan_entries, duration=durations)
def test_fit_plan_never_drops_a_pinned_or_next_step_entry(
    entries: list[PlanEntry], duration: int
) -> None:
    plan = fit_plan(entries, duration)
    assert all(f.fits for f in plan.entries if _reserved(f.entry))


@given(entries=plan_entries, duration=durations)
def test_fit_plan_unreserved_fitting_minutes_stay_within_the_budget(
    entries: list[PlanEntry], duration: int
) -> None:
    plan = fit_plan(entries, duration)
    reserved = sum(f.entry.minutes for f in plan.entries if _reserved(f.entry))
    others = sum(f.entry.minutes for f in plan.entries if f.fits and not _reserved(f.entry))
    assert others <= max(0.0, plan.budget_minutes - reserved) + 1e-9
    if not plan.over_budget:
        assert plan.fitting_minutes <= plan.budget_minutes + 1e-9


@given(entries=plan_entries, duration=durations)
def test_fit_plan_preserves_order_with_next_steps_last(
    entries: list[PlanEntry], duration: int
) -> None:
    plan = fit_plan(entries, duration)
    out = [f.entry for f in plan.entries]
    assert out == [e for e in entries if e.phase != Phase.NEXT_STEPS] + [
        e for e in entries if e.phase == Phase.NEXT_STEPS
    ]


@given(entries=plan_entries, duration=durations)
def test_fit_plan_start_times_run_over_the_fitting_entries(
    entries: list[PlanEntry], duration: int
) -> None:
    plan = fit_plan(entries, duration)
    clock = float(OPENING_MINUTES)
    for fitted in plan.entries:
        assert fitted.starts_at_minute == pytest.approx(clock)
        if fitted.fits:
            clock += fitted.entry.minutes
    assert plan.fitting_minutes == pytest.approx(clock - OPENING_MINUTES)


# --- choose_questions --------------------------------------------------------------------------


def q(
    key: str,
    category: Category = Category.ROLE,
    tiara: Tiara = Tiara.INSIGHTS,
    *,
    text: str | None = None,
    fits_15: bool = True,
    phase: Phase = Phase.QUESTIONS,
    minutes: float = 1.5,
) -> BankQuestion:
    return BankQuestion(
        key=key,
        text=text if text is not None else f"Tell me about {key}?",
        category=category,
        tiara=tiara,
        minutes=minutes,
        fits_15=fits_15,
        phase=phase,
    )


SMALL_TALK = [
    q("st-weekend", Category.PATH, phase=Phase.SMALL_TALK, text="How has your week been?"),
    q("st-office", Category.ORGANIZATION, phase=Phase.SMALL_TALK, text="Is this your usual spot?"),
    q("st-coffee", Category.PATH, phase=Phase.SMALL_TALK, text="Do you come here often?"),
]
NEXT_STEPS = [
    q("ns-who-else", Category.NEXT_STEPS, Tiara.RESOURCES, phase=Phase.NEXT_STEPS),
    q("ns-resources", Category.NEXT_STEPS, Tiara.RESOURCES, phase=Phase.NEXT_STEPS),
    q("ns-stay-in-touch", Category.NEXT_STEPS, Tiara.ADVICE, phase=Phase.NEXT_STEPS),
]
NEXT_STEP_KEYS = ["ns-who-else", "ns-resources", "ns-stay-in-touch"]


def make_bank(extra: Sequence[BankQuestion] = ()) -> list[BankQuestion]:
    """A small bank: three questions in each of five categories, TIARA tags spread, plus two
    career-change questions, three openers and three next-step questions."""
    middle = [
        q(f"{category.value}-{tiara.value}", category, tiara)
        for category in (
            Category.PATH,
            Category.ROLE,
            Category.ORGANIZATION,
            Category.INDUSTRY,
            Category.ADVICE,
        )
        for tiara in (Tiara.TRENDS, Tiara.INSIGHTS, Tiara.ASSIGNMENTS)
    ]
    career = [
        q("cc-transferable", Category.CAREER_CHANGE, Tiara.ADVICE),
        q("cc-gaps", Category.CAREER_CHANGE, Tiara.INSIGHTS),
    ]
    return [*SMALL_TALK, *middle, *career, *extra, *NEXT_STEPS]


def choose(
    bank: Sequence[BankQuestion],
    *,
    goal: str = "",
    their_role: str = "",
    career_change: bool = False,
    duration_minutes: int = 20,
    next_step_keys: Sequence[str] = NEXT_STEP_KEYS,
    count: int = DEFAULT_PLAN_SIZE,
) -> list[BankQuestion]:
    return choose_questions(
        bank,
        goal=goal,
        their_role=their_role,
        career_change=career_change,
        duration_minutes=duration_minutes,
        next_step_keys=next_step_keys,
        count=count,
    )


def middle_of(chosen: Sequence[BankQuestion]) -> list[BankQuestion]:
    return [c for c in chosen if c.phase == Phase.QUESTIONS]


def test_choose_questions_returns_count_questions() -> None:
    assert len(choose(make_bank())) == DEFAULT_PLAN_SIZE


def test_choose_questions_opens_with_two_small_talk_questions_for_a_20_minute_call() -> None:
    chosen = choose(make_bank())
    assert [c.key for c in chosen[:2]] == ["st-weekend", "st-office"]
    assert chosen[2].phase == Phase.QUESTIONS


def test_choose_questions_opens_with_one_small_talk_question_for_a_15_minute_call() -> None:
    chosen = choose(make_bank(), duration_minutes=15)
    assert [c.phase for c in chosen].count(Phase.SMALL_TALK) == 1


def test_choose_questions_ends_with_the_next_steps_in_the_given_order() -> None:
    order = ["ns-stay-in-touch", "ns-who-else"]
    chosen = choose(make_bank(), next_step_keys=order)
    assert [c.key for c in chosen[-2:]] == order
    assert "ns-resources" not in {c.key for c in chosen}


def test_choose_questions_keeps_next_steps_even_when_count_is_small() -> None:
    chosen = choose(make_bank(), count=2)
    assert [c.key for c in chosen] == NEXT_STEP_KEYS


def test_choose_questions_rejects_an_unknown_next_step_key() -> None:
    with pytest.raises(ValueError, match="ns-missing"):
        choose(make_bank(), next_step_keys=["ns-missing"])


def test_choose_questions_rejects_a_bank_with_a_repeated_key() -> None:
    with pytest.raises(ValueError, match="path-trends"):
        choose(make_bank([q("path-trends")]))


def test_choose_questions_rejects_a_negative_count() -> None:
    with pytest.raises(ValueError, match="count"):
        choose(make_bank(), count=-1)


def test_choose_questions_is_ordered_by_phase() -> None:
    phases = [c.phase for c in choose(make_bank())]
    order = [Phase.SMALL_TALK, Phase.QUESTIONS, Phase.NEXT_STEPS]
    assert phases == sorted(phases, key=order.index)


def test_choose_questions_covers_every_category_before_repeating_one() -> None:
    middle = middle_of(choose(make_bank()))  # 13 - 2 openers - 3 next steps = 8 questions
    assert len(middle) == 8
    counts = Counter(c.category for c in middle)
    assert set(counts) == {
        Category.PATH,
        Category.ROLE,
        Category.ORGANIZATION,
        Category.INDUSTRY,
        Category.ADVICE,
    }
    assert max(counts.values()) == 2


def test_choose_questions_spreads_tiara_tags() -> None:
    middle = middle_of(choose(make_bank()))
    counts = Counter(c.tiara for c in middle)
    assert max(counts.values()) - min(counts.values()) <= 1
    assert len(counts) == 3


def test_choose_questions_groups_the_questions_by_topic() -> None:
    categories = [c.category for c in middle_of(choose(make_bank()))]
    assert categories[0] == Category.PATH
    assert categories[-1] == Category.ADVICE
    assert categories == sorted(categories, key=categories.index)  # no topic comes back later


def test_choose_questions_prefers_questions_sharing_words_with_the_goal() -> None:
    matching = q(
        "role-ux-research",
        Category.ROLE,
        Tiara.ASSIGNMENTS,
        text="What would a first UX research project look like in {organization}?",
    )
    chosen = choose(make_bank([matching]), goal="UX research in healthcare", count=9)
    role_keys = [c.key for c in middle_of(chosen) if c.category == Category.ROLE]
    assert role_keys == ["role-ux-research"]


def test_choose_questions_prefers_questions_sharing_words_with_their_role() -> None:
    matching = q(
        "industry-designers",
        Category.INDUSTRY,
        Tiara.ASSIGNMENTS,
        text="How is the work of designers changing?",
    )
    chosen = choose(make_bank([matching]), their_role="Senior Product Designer", count=9)
    industry_keys = [c.key for c in middle_of(chosen) if c.category == Category.INDUSTRY]
    assert industry_keys == ["industry-designers"]


def test_choose_questions_ignores_placeholders_when_matching_words() -> None:
    def first_pick(text: str) -> str:
        bank = [
            q("a-plain", Category.ROLE, Tiara.TRENDS, text="What surprised you most?"),
            q("b-candidate", Category.ROLE, Tiara.TRENDS, text=text),
            *NEXT_STEPS,
        ]
        return middle_of(choose(bank, goal="organization", count=4))[0].key

    assert first_pick("Why did you choose {organization}?") == "a-plain"
    assert first_pick("Why did you choose this organization?") == "b-candidate"


def test_choose_questions_leaves_out_career_change_questions_by_default() -> None:
    chosen = choose(make_bank(), count=30)
    assert Category.CAREER_CHANGE not in {c.category for c in chosen}


def test_choose_questions_adds_career_change_questions_for_a_career_changer() -> None:
    chosen = choose(make_bank(), career_change=True)
    career = [c.key for c in chosen if c.category == Category.CAREER_CHANGE]
    assert sorted(career) == ["cc-gaps", "cc-transferable"]


def test_choose_questions_prefers_fits_15_questions_for_a_short_call() -> None:
    bank = [
        *SMALL_TALK,
        q("path-long", Category.PATH, fits_15=False),
        q("role-long", Category.ROLE, fits_15=False),
        q("role-short", Category.ROLE),
        q("advice-short", Category.ADVICE),
        *NEXT_STEPS,
    ]
    short = choose(bank, duration_minutes=15, count=6)
    assert [c.key for c in middle_of(short)] == ["role-short", "advice-short"]
    longer = choose(bank, duration_minutes=30, count=7)
    assert [c.key for c in middle_of(longer)] == ["path-long", "role-long"]


def test_choose_questions_prefers_a_fits_15_opener_for_a_short_call() -> None:
    bank = [
        q("st-long", phase=Phase.SMALL_TALK, fits_15=False),
        q("st-short", phase=Phase.SMALL_TALK),
        *NEXT_STEPS,
    ]
    assert choose(bank, duration_minutes=15)[0].key == "st-short"


def test_choose_questions_is_deterministic() -> None:
    bank = make_bank()
    assert choose(bank, goal="product design", career_change=True) == choose(
        bank, goal="product design", career_change=True
    )


def test_choose_questions_returns_what_there_is_from_a_small_bank() -> None:
    bank = [q("role-one"), *NEXT_STEPS]
    assert [c.key for c in choose(bank)] == ["role-one", *NEXT_STEP_KEYS]


banks = st.lists(
    st.builds(
        q,
        key=st.text(alphabet="abcdefgh", min_size=1, max_size=4),
        category=st.sampled_from(list(Category)),
        tiara=st.sampled_from(list(Tiara)),
        fits_15=st.booleans(),
        phase=st.sampled_from(list(Phase)),
    ),
    max_size=30,
    unique_by=lambda question: question.key,
)


@given(
    bank=banks,
    count=st.integers(min_value=0, max_value=16),
    duration=st.integers(min_value=5, max_value=60),
    career_change=st.booleans(),
    data=st.data(),
)
def test_choose_questions_shape_holds_for_any_bank(
    bank: list[BankQuestion],
    count: int,
    duration: int,
    career_change: bool,
    data: st.DataObject,
) -> None:
    next_keys = data.draw(
        st.lists(st.sampled_from([b.key for b in bank]), unique=True, max_size=3)
        if bank
        else st.just([])
    )
    chosen = choose(
        bank,
        goal="trends in design",
        career_change=career_change,
        duration_minutes=duration,
        next_step_keys=next_keys,
        count=count,
    )
    chosen_keys = [c.key for c in chosen]
    assert len(chosen_keys) == len(set(chosen_keys))
    assert len(chosen) <= max(count, len(next_keys))
    assert chosen_keys[len(chosen) - len(next_keys) :] == next_keys
    rest = chosen[: len(chosen) - len(next_keys)]
    order = [Phase.SMALL_TALK, Phase.QUESTIONS]
    assert all(c.phase in order for c in rest)
    assert [c.phase for c in rest] == sorted((c.phase for c in rest), key=order.index)
    if not career_change:
        assert all(c.category != Category.CAREER_CHANGE for c in rest)
