"""The question bank (P15, P16, P17, P22, P27): enough good questions, each ready to use."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from coffeechat.playbook.googleable import check_question
from coffeechat.playbook.placeholders import PLACEHOLDERS, fill_placeholders, placeholders_in
from coffeechat.playbook.question_bank import NEXT_STEP_KEYS, QUESTION_BANK, bank_by_key
from coffeechat.playbook.question_types import BankQuestion, Category, Phase, Tiara

SAMPLE_VALUES = {
    "organization": "Northwind Health",
    "their_role": "the product manager role",
    "topic": "urban planning",
    "their_work": "the talk on transit data",
}
MINIMUM_PER_CATEGORY = {
    Category.PATH: 20,
    Category.ROLE: 20,
    Category.ORGANIZATION: 20,
    Category.INDUSTRY: 20,
    Category.ADVICE: 20,
    Category.NEXT_STEPS: 12,
    Category.CAREER_CHANGE: 20,
}
PLAYBOOK_DIR = Path(__file__).resolve().parents[2] / "src" / "coffeechat" / "playbook"


def _ids(question: BankQuestion) -> str:
    return question.key


# --- size and coverage -------------------------------------------------------------------------


def test_the_bank_holds_at_least_150_questions() -> None:
    assert len(QUESTION_BANK) >= 150


@pytest.mark.parametrize(("category", "minimum"), MINIMUM_PER_CATEGORY.items())
def test_each_category_has_enough_questions(category: Category, minimum: int) -> None:
    assert sum(1 for question in QUESTION_BANK if question.category is category) >= minimum


@pytest.mark.parametrize("tiara", list(Tiara))
def test_every_tiara_tag_is_used_widely(tiara: Tiara) -> None:
    assert sum(1 for question in QUESTION_BANK if question.tiara is tiara) >= 12


def test_assignment_questions_ask_what_work_would_show_the_job() -> None:
    question = bank_by_key()["role-show-me-the-work"]
    assert question.tiara is Tiara.ASSIGNMENTS
    assert "what the work is really like" in question.text


def test_career_change_questions_cover_skills_gaps_and_hurdles() -> None:
    texts = " ".join(q.text for q in QUESTION_BANK if q.category is Category.CAREER_CHANGE)
    for word in ("skills", "gaps", "hurdles"):
        assert word in texts


def test_at_least_25_questions_use_placeholders() -> None:
    assert sum(1 for question in QUESTION_BANK if placeholders_in(question.text)) >= 25


# --- keys and texts ----------------------------------------------------------------------------


def test_keys_are_unique() -> None:
    keys = Counter(question.key for question in QUESTION_BANK)
    assert [key for key, count in keys.items() if count > 1] == []


def test_texts_are_unique() -> None:
    texts = Counter(question.text.casefold() for question in QUESTION_BANK)
    assert [text for text, count in texts.items() if count > 1] == []


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_keys_are_lowercase_slugs(question: BankQuestion) -> None:
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", question.key)


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_every_question_ends_with_a_question_mark(question: BankQuestion) -> None:
    assert question.text.endswith("?")


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_placeholders_come_only_from_the_allowed_set(question: BankQuestion) -> None:
    assert placeholders_in(question.text) <= set(PLACEHOLDERS)


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_no_stray_braces_outside_placeholders(question: BankQuestion) -> None:
    filled = fill_placeholders(question.text, SAMPLE_VALUES)
    assert "{" not in filled
    assert "}" not in filled


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_no_bank_question_is_googleable_once_filled(question: BankQuestion) -> None:
    verdict = check_question(fill_placeholders(question.text, SAMPLE_VALUES))
    assert not verdict.googleable, verdict.reason


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_no_bank_question_is_googleable_with_fallbacks(question: BankQuestion) -> None:
    verdict = check_question(fill_placeholders(question.text, {}))
    assert not verdict.googleable, verdict.reason


def test_no_question_asks_for_a_job() -> None:
    banned = ("hire me", "hiring", "résumé", "resume", "vacanc", "open position", "job opening")
    for question in QUESTION_BANK:
        assert not any(word in question.text.casefold() for word in banned), question.key


# --- time and phases ---------------------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTION_BANK, ids=_ids)
def test_minutes_are_realistic(question: BankQuestion) -> None:
    assert 0.5 <= question.minutes <= 4


def test_long_questions_do_not_fit_a_15_minute_call() -> None:
    long_ones = [q.key for q in QUESTION_BANK if q.minutes >= 3 and q.fits_15]
    assert long_ones == []


def test_most_questions_fit_a_15_minute_call() -> None:
    assert sum(1 for question in QUESTION_BANK if question.fits_15) >= 0.9 * len(QUESTION_BANK)


def test_a_handful_of_short_small_talk_openers() -> None:
    openers = [q for q in QUESTION_BANK if q.phase is Phase.SMALL_TALK]
    assert 3 <= len(openers) <= 10
    assert all(opener.minutes <= 1 for opener in openers)


def test_next_step_questions_and_the_next_steps_phase_go_together() -> None:
    for question in QUESTION_BANK:
        in_category = question.category is Category.NEXT_STEPS
        assert in_category == (question.phase is Phase.NEXT_STEPS), question.key


def test_the_three_next_step_keys_exist_in_the_next_steps_phase() -> None:
    bank = bank_by_key()
    for key in NEXT_STEP_KEYS:
        assert bank[key].phase is Phase.NEXT_STEPS


def test_the_next_step_keys_ask_who_else_resources_and_contact_again_in_that_order() -> None:
    who_else, resources, contact_again = (bank_by_key()[key].text for key in NEXT_STEP_KEYS)
    assert "Who else" in who_else
    assert "inside or outside" in who_else
    assert all(word in resources for word in ("books", "websites", "professional associations"))
    assert "contact you again" in contact_again
    assert "keep you posted" in contact_again


# --- lookup ------------------------------------------------------------------------------------


def test_bank_by_key_finds_every_question() -> None:
    bank = bank_by_key()
    assert list(bank.values()) == list(QUESTION_BANK)


def test_bank_by_key_returns_a_fresh_dict_each_time() -> None:
    bank_by_key().clear()
    assert len(bank_by_key()) == len(QUESTION_BANK)


# --- purity ------------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["googleable.py", "question_bank.py", "placeholders.py"])
def test_playbook_module_does_not_import_django(module: str) -> None:
    tree = ast.parse((PLAYBOOK_DIR / module).read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.append(node.module)
    assert not [name for name in imported if name.split(".")[0] == "django"]
