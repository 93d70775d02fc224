"""The outreach linter: rule ids and levels from DESIGN.md, practices P3, P6, P7, P8, P14, P25."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.playbook.outreach import (
    CHANNELS,
    RULES,
    Finding,
    OutreachReport,
    count_words,
    lint_outreach,
)
from tests.playbook.outreach_corpus import CORPUS, Case

# A request that follows the playbook; focused tests swap one sentence in or out.
CONTEXT = "We met at the Halifax Data Meetup last month."
WHY = "Your talk on forecasting ferry demand at Marine Atlantic stayed with me."
ASK = "Would you have 20 minutes in the coming weeks to talk about your path into analytics?"
SIGN = "Thank you,\nJo"


def message(*sentences: str) -> str:
    return "Hi Sam,\n\n" + " ".join(s for s in sentences if s) + "\n\n" + SIGN


def rules(text: str, channel: str = "email") -> set[str]:
    return {f.rule for f in lint_outreach(text, channel).findings}  # type: ignore[arg-type]


def findings(text: str, rule: str, channel: str = "email") -> list[Finding]:
    report = lint_outreach(text, channel)  # type: ignore[arg-type]
    return [f for f in report.findings if f.rule == rule]


def words(n: int) -> str:
    return " ".join(f"w{i}" for i in range(n))


# ------------------------------------------------------------------------------------ corpus


def test_corpus_has_at_least_sixty_labelled_messages() -> None:
    assert len(CORPUS) >= 60
    assert len({case.id for case in CORPUS}) == len(CORPUS)


def test_corpus_covers_every_channel_and_every_rule() -> None:
    assert {case.channel for case in CORPUS} == set(CHANNELS)
    labelled = set().union(*(case.expected for case in CORPUS))
    assert labelled == set(RULES)
    assert sum(1 for case in CORPUS if not case.expected) >= 20  # plenty of good requests


def test_corpus_labels_use_known_rule_ids() -> None:
    for case in CORPUS:
        assert case.expected <= set(RULES), case.id


@pytest.mark.parametrize("case", CORPUS, ids=[case.id for case in CORPUS])
def test_linter_rule_set_matches_the_label(case: Case) -> None:
    assert rules(case.text, case.channel) == case.expected


# --------------------------------------------------------------------------------- public API


def test_rules_explain_the_practice_behind_each_id() -> None:
    assert set(RULES) == {
        "too-long",
        "asks-for-job",
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    }
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id
        assert rule.practice.startswith("P")
        assert rule.explanation.endswith(".")
    assert RULES["asks-for-job"].practice == "P8"
    assert RULES["no-why-them"].practice == "P3"
    assert RULES["no-context"].practice == "P6"


def test_channels_are_email_linkedin_note_and_message() -> None:
    assert CHANNELS == ("email", "linkedin-note", "message")


def test_default_channel_is_email() -> None:
    text = message(CONTEXT, WHY, ASK) + " " + words(80)
    assert lint_outreach(text) == lint_outreach(text, "email")


def test_unknown_channel_is_rejected() -> None:
    with pytest.raises(ValueError, match="channel"):
        lint_outreach("hello", "sms")  # type: ignore[arg-type]


def test_good_request_has_no_findings() -> None:
    report = lint_outreach(message(CONTEXT, WHY, ASK))
    assert report.findings == ()
    assert not report.has_errors


def test_report_counts_words_and_characters() -> None:
    report = lint_outreach("  Hi Sam — 15 minutes?  ")
    assert report.words == 4
    assert report.characters == len("Hi Sam — 15 minutes?")


def test_to_dict_has_exactly_the_documented_shape() -> None:
    report = lint_outreach("I have attached my CV.")
    data = report.to_dict()
    assert set(data) == {"words", "characters", "findings"}
    assert data["words"] == 5
    items = data["findings"]
    assert isinstance(items, list)
    for item in items:
        assert set(item) == {"rule", "level", "message", "start", "end"}
    json.dumps(data)


def test_has_errors_is_false_with_only_warnings() -> None:
    report = lint_outreach(message(WHY, ASK))  # no context: a warning
    assert [f.level for f in report.findings] == ["warning"]
    assert not report.has_errors


def test_has_errors_is_true_with_an_error() -> None:
    assert lint_outreach(message(CONTEXT, WHY, "Could we chat sometime?")).has_errors


def test_report_is_immutable() -> None:
    report = lint_outreach("")
    with pytest.raises(AttributeError):
        report.words = 3  # type: ignore[misc]


def test_empty_text_reports_every_missing_part() -> None:
    report = lint_outreach("")
    assert report.words == 0
    assert report.characters == 0
    assert {f.rule for f in report.findings} == {
        "no-time-ask",
        "no-context",
        "no-why-them",
        "no-question",
    }


# -------------------------------------------------------------------------------- count_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("one", 1),
        ("a 15-minute call", 3),
        ("Hi Zoë — café?", 3),
        ("I'd love 15–20 minutes!", 4),
        ("well . . . ok", 2),
        ("李明 你好", 2),
        ("line one\nline two", 4),
    ],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


# ----------------------------------------------------------------------------------- too-long


def test_seventy_five_words_is_not_too_long() -> None:
    assert "too-long" not in rules(words(75))


def test_seventy_six_words_is_a_warning_from_the_76th_word() -> None:
    text = words(76) + "  "
    (finding,) = findings(text, "too-long")
    assert finding.level == "warning"
    assert text[finding.start : finding.end] == "w75"  # the 76th word to the end


def test_one_hundred_words_is_only_a_warning() -> None:
    (finding,) = findings(words(100), "too-long")
    assert finding.level == "warning"


def test_over_one_hundred_words_is_an_error_from_the_101st_word() -> None:
    text = words(105)
    (finding,) = findings(text, "too-long")
    assert finding.level == "error"
    assert text[finding.start : finding.end] == "w100 w101 w102 w103 w104"
    assert "105 words" in finding.message


def test_message_channel_counts_words_like_email() -> None:
    assert findings(words(101), "too-long", "message")[0].level == "error"


def test_linkedin_note_over_300_characters_is_an_error_from_the_301st() -> None:
    text = "\n  " + "x" * 310 + " \n"
    (finding,) = findings(text, "too-long", "linkedin-note")
    assert finding.level == "error"
    assert finding.start == 3 + 300
    assert text[finding.start : finding.end] == "x" * 10
    assert "310 characters" in finding.message


def test_linkedin_note_of_exactly_300_characters_is_fine() -> None:
    assert "too-long" not in rules("y" * 300, "linkedin-note")


def test_300_characters_is_fine_for_email() -> None:
    assert "too-long" not in rules("word " * 60)


# ------------------------------------------------------------------------------- asks-for-job

JOB_ASKS = [
    ("Are there any openings on your team?", "any openings"),
    ("I'd love to be considered for the analyst position.", "considered for"),
    ("Could you refer me for the role?", "refer me"),
    ("I've attached my résumé.", "attached my résumé"),
    ("I'm happy to send my CV.", "send my CV"),
    ("Is your team hiring?", "Is your team hiring"),
    ("Are you hiring junior analysts this year?", "Are you hiring"),
    ("My resume is attached for reference.", "My resume"),
    ("Please find attached my C.V.", "attached my C.V."),
    ("Would you be willing to refer me?", "willing to refer me"),
    ("I applied for the data analyst role on your team.", "applied for"),
    ("I'm applying to the UX researcher position at Shopify.", "applying to the UX"),
    ("I am looking for a job in logistics.", "looking for a job"),
    ("I'm currently job hunting in Calgary.", "job hunting"),
    ("I'd like to interview for the product role.", "interview for the product role"),
    ("Could you pass my application along?", "my application"),
    ("Do you know of any vacancies?", "vacancies"),
    ("I'd love to join your team one day.", "join your team"),
    ("Could you put in a good word for me?", "put in a good word"),
    ("I saw the job posting for a designer.", "job posting"),
    ("Would you connect me with the hiring manager?", "connect me with the hiring manager"),
    ("Are any positions available in your department?", "any positions"),
    ("I'd really appreciate a referral for the opening.", "a referral"),
    ("I'm interested in the open position on your team.", "interested in the open position"),
]


@pytest.mark.parametrize(("sentence", "phrase"), JOB_ASKS)
def test_asks_for_job_catches(sentence: str, phrase: str) -> None:
    text = message(CONTEXT, WHY, ASK, sentence)
    found = findings(text, "asks-for-job")
    assert found, sentence
    assert all(f.level == "error" for f in found)
    where = text.lower().index(phrase.lower())
    overlaps = [
        f
        for f in found
        if f.start is not None and f.end is not None and f.start < where + len(phrase)
        if where < f.end
    ]
    assert overlaps, [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd love to learn about your role.",
        "I'd like to hear about your path into data science.",
        "Your work on the payments team sounds fascinating.",
        "I'm not looking for a job, just your perspective.",
        "I'm not asking for a referral or a job.",
        "I won't attach my résumé; I only want to learn.",
        "Could you refer me to anyone else I should talk to?",
        "What is hiring like in your field these days?",
        "How did you land a role in product?",
        "Sam referred me to you.",
        "I got your name through a referral from Sam.",
        "I'm looking for opportunities to learn more about the field.",
        "You did a great job on the launch.",
        "I'd love to join your team's public meetup.",
        "I'm curious how your team decides which positions to open.",
        "I applied machine learning to my thesis.",
        "How should I write a résumé for a career change?",
        "I'm looking for role models in climate tech.",
        "What did your first job in the industry teach you?",
        "Your opening keynote was great.",
        "Which computer vision (CV) libraries does your team use?",
        "I'd like to resume our conversation from the conference.",
        "Is the hiring process different for career changers?",
        "I applied to grad school last year.",
    ],
)
def test_asks_for_job_leaves_alone(sentence: str) -> None:
    assert findings(message(CONTEXT, WHY, ASK, sentence), "asks-for-job") == []


def test_asks_for_job_message_names_the_phrase_and_the_practice() -> None:
    (finding,) = findings(message(CONTEXT, WHY, ASK, "Any openings on your team?"), "asks-for-job")
    assert "“Any openings on your team”" in finding.message
    assert "P8" in finding.message


def test_resume_message_suggests_bringing_it_only_if_asked() -> None:
    (finding,) = findings(message(CONTEXT, WHY, ASK, "I've attached my CV."), "asks-for-job")
    assert "résumé" in finding.message
    assert "attached my CV" in finding.message


def test_job_search_mention_points_to_a_later_follow_up() -> None:
    text = message(CONTEXT, WHY, ASK, "I'm looking for work in marketing.")
    (finding,) = findings(text, "asks-for-job")
    assert "P25" in finding.message


def test_each_job_phrase_is_reported_separately() -> None:
    text = message(CONTEXT, WHY, ASK, "Is your team hiring? I've attached my CV.")
    assert len(findings(text, "asks-for-job")) == 2


def test_negation_in_an_earlier_clause_does_not_excuse_a_job_ask() -> None:
    text = message(CONTEXT, WHY, ASK, "I'm not here to waste your time, but are you hiring?")
    assert findings(text, "asks-for-job")


def test_curly_apostrophes_are_understood() -> None:
    text = message(CONTEXT, WHY, ASK, "I’ve attached my résumé.")
    assert findings(text, "asks-for-job")
    assert "no-context" not in rules(message("We’re both members of the UX guild.", WHY, ASK))


def test_job_spans_stay_aligned_after_characters_that_change_length_in_lower_case() -> None:
    text = "İİİ İstanbul! " + message(CONTEXT, WHY, ASK, "Are there any openings?")
    (finding,) = findings(text, "asks-for-job")
    assert text[finding.start : finding.end] == "any openings"


# -------------------------------------------------------------------------------- no-time-ask


@pytest.mark.parametrize(
    "ask",
    [
        "Would you be open to a 15-minute call?",
        "Could you spare 15 minutes?",
        "Could you spare a quarter of an hour?",
        "Would 20 min work for you?",
        "Do you have 15–20 minutes to talk?",
        "Do you have 15 - 20 minutes to talk?",
        "Do you have 15 to 20 minutes to talk?",
        "Would you have fifteen minutes for a call?",
        "Would you have half an hour for a call?",
        "Would you have a half-hour for a call?",
        "Are you up for a 20-min chat?",
        "Would you have 10 or 15 minutes?",
        "Would you have between 15 and 20 minutes?",
        "Could we talk for twenty-five minutes?",
        "Could I have 15mins of your time?",
        "Might you have 30 minutes?",
    ],
)
def test_specific_short_time_asks_pass(ask: str) -> None:
    assert findings(message(CONTEXT, WHY, ask), "no-time-ask") == []


@pytest.mark.parametrize(
    ("ask", "phrase"),
    [
        ("Would you have an hour next week?", "an hour"),
        ("Could we book 45 minutes?", "45 minutes"),
        ("Would you have 1 hour for a call?", "1 hour"),
        ("Would you have an hour or two some Saturday?", "an hour or two"),
        ("Could we meet for 90 minutes?", "90 minutes"),
        ("Would you have 30–45 minutes to talk?", "30–45 minutes"),
        ("Could you spare forty-five minutes?", "forty-five minutes"),
        ("Could we talk for 1.5 hours?", "1.5 hours"),
        ("Could we talk for an hour and a half?", "an hour and a half"),
        ("Would you have three quarters of an hour?", "three quarters of an hour"),
        ("Would you have 2h for a workshop?", "2h"),
        ("Could you give me a couple of hours?", "a couple of hours"),
    ],
)
def test_asks_over_thirty_minutes_warn_on_the_duration(ask: str, phrase: str) -> None:
    text = message(CONTEXT, WHY, ask)
    (finding,) = findings(text, "no-time-ask")
    assert finding.level == "warning"
    assert text[finding.start : finding.end] == phrase
    assert "P14" in finding.message


@pytest.mark.parametrize(
    "ask",
    [
        "Could you spare a few minutes?",
        "Would you have some time to talk?",
        "Would you be up for a quick chat?",
        "Could we grab coffee sometime?",
        "Would you be open to a conversation?",
        "Could I have a moment of your time?",
        "Could we meet at 3pm on Thursday?",
        "Would 2:30 on Friday work?",
        "Could we talk on March 15?",
        "Could we talk in 2025?",
    ],
)
def test_vague_or_missing_time_asks_are_errors(ask: str) -> None:
    (finding,) = findings(message(CONTEXT, WHY, ask), "no-time-ask")
    assert finding.level == "error"
    assert "P7" in finding.message


def test_vague_time_error_quotes_the_vague_phrase() -> None:
    text = message(CONTEXT, WHY, "Could you spare a few minutes?")
    (finding,) = findings(text, "no-time-ask")
    assert text[finding.start : finding.end] == "a few minutes"
    assert "a few minutes" in finding.message


def test_their_own_long_event_is_not_a_time_ask() -> None:
    text = message(CONTEXT, "I watched your 90-minute workshop on grants.", ASK)
    assert findings(text, "no-time-ask") == []


def test_time_spent_by_the_writer_is_not_a_time_ask() -> None:
    text = message(CONTEXT, WHY, "I spent 3 hours reading your blog.", ASK)
    assert findings(text, "no-time-ask") == []


def test_durations_of_other_things_do_not_count_as_the_ask() -> None:
    text = message(CONTEXT, WHY, "My commute is an hour each way.", "Could we chat sometime?")
    (finding,) = findings(text, "no-time-ask")
    assert finding.level == "error"


def test_a_short_ask_with_a_long_alternative_still_warns_on_the_long_one() -> None:
    text = message(CONTEXT, WHY, "Would you have 20 minutes, or even an hour?")
    (finding,) = findings(text, "no-time-ask")
    assert text[finding.start : finding.end] == "an hour"


# --------------------------------------------------------------------------------- no-context


@pytest.mark.parametrize(
    "context",
    [
        "We met at the PyCon booth on Saturday.",
        "I'm a fellow alumnus of McGill.",
        "We are both members of the UX association.",
        "I found your talk on accessible forms online.",
        "Sam Lee suggested I reach out.",
        "I came across your article in the Walrus.",
        "We were in the same cohort at Ivey.",
        "I'm a friend of Dana Chu.",
        "Great meeting you at the mixer last night!",
        "I'm a member of the Toronto Product Guild too.",
        "Your former colleague Mia gave me your name.",
        "It's been a while since we last caught up!",
        "Following up on my earlier note.",
        "I heard you on the Career Shift podcast.",
        "We have a mutual friend in Priya.",
        "My old professor, Dr. Kaur, thought you might be willing to talk.",
        "I took your workshop last spring.",
    ],
)
def test_context_is_recognised(context: str) -> None:
    assert "no-context" not in rules(message(context, WHY, ASK))


def test_missing_context_is_a_warning_citing_p6() -> None:
    (finding,) = findings(message(WHY, ASK), "no-context")
    assert finding.level == "warning"
    assert (finding.start, finding.end) == (None, None)
    assert "P6" in finding.message


@pytest.mark.parametrize(
    "sentence",
    [
        "I'm a teacher exploring UX research.",
        "I hope this message finds you well.",
        "I'd love to stay connected.",
    ],
)
def test_sentences_about_the_writer_are_not_context(sentence: str) -> None:
    assert "no-context" in rules(message(sentence, WHY, ASK))


# -------------------------------------------------------------------------------- no-why-them


@pytest.mark.parametrize(
    "why",
    [
        "Your talk on data ethics at PyData was great.",
        "I enjoyed your article about bilingual onboarding.",
        "I'd like to learn how you plan roadmaps as a product manager at Shopify.",
        "Your work on the payments team is close to what I study.",
        "I read that you moved from teaching into UX.",
        "Your team's launch of the new transit app impressed me.",
        "Your 2023 keynote at Collision was inspiring.",
        "Your transition from law to privacy engineering fascinates me.",
        "I see you're a data scientist at Wealthsimple.",
        "Your time at the UN on refugee data sounds fascinating.",
        "You built the open-data portal for Halifax.",
    ],
)
def test_why_them_is_recognised(why: str) -> None:
    assert "no-why-them" not in rules(message(CONTEXT, why, ASK))


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd love to learn about your role.",
        "I admire your work.",
        "As a student at McGill, I have many questions.",
        "Thanks in advance for your time on this.",
        "I know you're busy.",
    ],
)
def test_generic_compliments_and_writer_facts_are_not_why_them(sentence: str) -> None:
    text = message(CONTEXT, sentence, "Would you have 20 minutes to talk?")
    assert "no-why-them" in rules(text)


def test_missing_why_them_is_a_warning_citing_p3() -> None:
    (finding,) = findings(message(CONTEXT, "Would you have 20 minutes to chat?"), "no-why-them")
    assert finding.level == "warning"
    assert "P3" in finding.message


# -------------------------------------------------------------------------------- no-question


def test_statement_ask_warns_and_points_at_the_ask() -> None:
    text = message(CONTEXT, WHY, "Let me know if you have 15 minutes for a call.")
    (finding,) = findings(text, "no-question")
    assert finding.level == "warning"
    assert text[finding.start : finding.end] == "Let me know if you have 15 minutes for a call."


def test_small_talk_question_is_not_the_ask() -> None:
    text = message("How are you?", CONTEXT, WHY, "I would like 15 minutes of your time.")
    assert "no-question" in rules(text)


@pytest.mark.parametrize(
    "ask",
    [
        "Would you have 15 minutes to talk?",
        "Is there any chance you'd be open to a 15-minute chat?",
        "Could we find 20 minutes in the next few weeks?",
        "Would you be willing to share your experience for 15 minutes？",
    ],
)
def test_question_asks_pass(ask: str) -> None:
    assert "no-question" not in rules(message(CONTEXT, WHY, ask))


def test_missing_question_without_a_time_ask_has_no_span() -> None:
    (finding,) = findings("Hello there.", "no-question")
    assert (finding.start, finding.end) == (None, None)


# ------------------------------------------------------------------------------- robustness


@given(st.text(max_size=400), st.sampled_from(CHANNELS))
@settings(max_examples=300)
def test_never_crashes_and_spans_stay_inside_the_text(text: str, channel: str) -> None:
    report = lint_outreach(text, channel)  # type: ignore[arg-type]
    assert isinstance(report, OutreachReport)
    for f in report.findings:
        assert f.rule in RULES
        assert f.level in ("error", "warning")
        assert f.message
        assert (f.start is None) == (f.end is None)
        if f.start is not None and f.end is not None:
            assert 0 <= f.start <= f.end <= len(text)
    json.dumps(report.to_dict())


_FRAGMENTS = st.sampled_from(
    [
        "Hi Sam,",
        "\n\n",
        " ",
        "we met at PyCon",
        "your talk on",
        "15–20 minutes",
        "an hour or two",
        "half an hour",
        "?",
        ".",
        "İ",
        "any openings",
        "my résumé",
        "is your team hiring",
        "not",
        "your",
        "as a designer at Figma,",
        "1",
        "-",
        "’",
        "🙂",
        "\u0301",
    ]
)


@given(st.lists(_FRAGMENTS, max_size=60).map("".join), st.sampled_from(CHANNELS))
@settings(max_examples=300)
def test_message_like_text_gives_valid_spans_and_json(text: str, channel: str) -> None:
    report = lint_outreach(text, channel)  # type: ignore[arg-type]
    for f in report.findings:
        if f.start is not None and f.end is not None:
            assert 0 <= f.start <= f.end <= len(text)
    assert json.loads(json.dumps(report.to_dict()))["words"] == count_words(text)


@pytest.mark.parametrize(
    "text",
    [
        (message(CONTEXT, WHY, ASK, "Any openings? My CV is attached.") + "\n") * 400,
        "a" * 100_000,
        " " * 100_000,
        "?" * 100_000,
        "1 " * 50_000,
        "your " * 20_000,
        "your " + "x" * 99_995,
        "1" + " " * 99_998 + "x",
        "is " * 33_333,
        "as a " * 20_000,
        "15 - - - - " * 10_000,
    ],
    ids=[
        "repeated",
        "one-word",
        "spaces",
        "question-marks",
        "numbers",
        "your",
        "your-long-word",
        "number-then-spaces",
        "is",
        "as-a",
        "dashes",
    ],
)
def test_a_100k_character_text_is_linted_well_under_a_second(text: str) -> None:
    text = text[:100_000].ljust(100_000, ".")
    started = time.perf_counter()
    for channel in CHANNELS:
        lint_outreach(text, channel)
    assert (time.perf_counter() - started) / len(CHANNELS) < 0.8
