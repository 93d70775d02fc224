"""Request templates and follow-ups (P3, P6, P7, P8, P9, P12, P23, P24, P25)."""

from __future__ import annotations

import re
import string
from typing import get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coffeechat.playbook.drafts import (
    DRAFT_KINDS,
    DRAFT_LABELS,
    REQUEST_KINDS,
    Draft,
    DraftContext,
    DraftKind,
    build_draft,
)
from coffeechat.playbook.outreach import CHANNELS, Channel, count_words, lint_outreach

FOLLOW_UP_KINDS = tuple(kind for kind in DRAFT_KINDS if kind not in REQUEST_KINDS)
MINIMAL = DraftContext(their_name="Maria Gómez", their_first_name="Maria", my_name="Alex Chen")
FULL = DraftContext(
    their_name="Maria Gómez",
    their_first_name="Maria",
    my_name="Alex Chen",
    organization="Shopify",
    their_role="product manager",
    what_they_do="checkout experiments",
    what_they_have_done="moved from teaching into product",
    topic="product management in e-commerce",
    duration_minutes=20,
    my_context="I'm a high-school teacher exploring a move into product",
    referrer_name="Sam Lee",
    introducer_name="Priya Patel",
    when="Tuesday 12 March at 10:00",
    learned="how your team plans experiments",
    next_step="join the local product meetup",
)
# Leftovers of a missing field: placeholders, "None", doubled spaces, space before punctuation,
# a preposition with nothing after it, doubled punctuation.
BROKEN = re.compile(
    r"[{}]|\bNone\b|  | [,.;:?!]|\b(?:at|for|about|on|with|as|to|in|of)[.,;:?!]|[,.]{2}|\?\."
)


def lint(draft: Draft, channel: Channel) -> set[str]:
    return {f.rule for f in lint_outreach(draft.body, channel).findings}


def errors(draft: Draft, channel: Channel) -> list[str]:
    return [
        f"{f.rule}: {f.message}"
        for f in lint_outreach(draft.body, channel).findings
        if f.level == "error"
    ]


# --------------------------------------------------------------------------------- the catalogue


def test_draft_kinds_match_the_type() -> None:
    assert get_args(DraftKind) == DRAFT_KINDS
    assert len(set(DRAFT_KINDS)) == 13


def test_every_kind_has_a_human_label() -> None:
    assert set(DRAFT_LABELS) == set(DRAFT_KINDS)
    assert all(label and label[0].isupper() for label in DRAFT_LABELS.values())


def test_request_kinds_are_the_first_eight() -> None:
    assert REQUEST_KINDS == (
        "warm",
        "alumni",
        "shared_group",
        "met_at_event",
        "cold",
        "referral",
        "intro_request",
        "nudge",
    )


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="kind"):
        build_draft("job_application", MINIMAL)  # type: ignore[arg-type]


def test_draft_carries_its_kind() -> None:
    assert build_draft("cold", MINIMAL).kind == "cold"


# ------------------------------------------------------------------------------ requests lint


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", REQUEST_KINDS)
def test_request_at_default_settings_lints_without_errors(
    kind: DraftKind, channel: Channel
) -> None:
    assert errors(build_draft(kind, MINIMAL, channel), channel) == []


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", REQUEST_KINDS)
def test_request_for_a_researched_contact_has_no_findings(
    kind: DraftKind, channel: Channel
) -> None:
    """With context, why-them and a topic filled in, nothing is left to warn about (P3, P6)."""
    assert lint(build_draft(kind, FULL, channel), channel) == set()


@pytest.mark.parametrize("kind", REQUEST_KINDS)
def test_email_request_is_well_under_100_words(kind: DraftKind) -> None:
    for ctx in (MINIMAL, FULL):
        assert count_words(build_draft(kind, ctx).body) <= 75


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_connection_note_fits_in_300_characters(kind: DraftKind) -> None:
    for ctx in (MINIMAL, FULL):
        assert len(build_draft(kind, ctx, "linkedin-note").body) <= 300


@pytest.mark.parametrize("kind", REQUEST_KINDS)
def test_request_asks_a_question_with_the_chosen_duration(kind: DraftKind) -> None:
    ctx = DraftContext("Ola Nordmann", "Ola", "Kim", duration_minutes=15)
    body = build_draft(kind, ctx).body
    assert re.search(r"15[- ]minute", body)
    assert "?" in body


@pytest.mark.parametrize("kind", REQUEST_KINDS)
def test_request_never_mentions_a_job_search_or_a_resume(kind: DraftKind) -> None:
    """P8: learning only; the search can come up in a later follow-up (P25)."""
    for channel in CHANNELS:
        draft = build_draft(kind, FULL, channel)
        assert "asks-for-job" not in lint(draft, channel)
        text = (draft.subject + " " + draft.body).lower()
        for word in ("job", "résumé", "resume", "cv", "hiring", "opening", "next move"):
            assert not re.search(rf"\b{word}\b", text), word


@pytest.mark.parametrize("duration", [0, -5, 10_000])
def test_unusable_duration_falls_back_to_twenty_minutes(duration: int) -> None:
    ctx = DraftContext("Ola Nordmann", "Ola", "Kim", duration_minutes=duration)
    assert "20 minutes" in build_draft("cold", ctx).body


def test_longer_duration_is_kept_and_the_linter_only_warns() -> None:
    ctx = DraftContext("Ola Nordmann", "Ola", "Kim", duration_minutes=45)
    draft = build_draft("cold", ctx)
    assert "45 minutes" in draft.body
    report = lint_outreach(draft.body)
    assert not report.has_errors
    assert "no-time-ask" in {f.rule for f in report.findings}


# --------------------------------------------------------------------------- missing fields


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_missing_optional_fields_leave_no_trace(kind: DraftKind, channel: Channel) -> None:
    draft = build_draft(kind, MINIMAL, channel)
    for text in (draft.subject, draft.body):
        assert not BROKEN.search(text), text


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_even_blank_names_leave_no_trace(kind: DraftKind, channel: Channel) -> None:
    draft = build_draft(kind, DraftContext("", "", ""), channel)
    for text in (draft.subject, draft.body):
        assert not BROKEN.search(text), text
    assert draft.body.startswith(("Hello,", "Hi there"))


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_untidy_fields_are_tidied(kind: DraftKind) -> None:
    ctx = DraftContext(
        their_name="  Maria   Gómez ",
        their_first_name=" Maria ",
        my_name="Alex\tChen",
        organization=" Shopify. ",
        their_role="product  manager",
        topic="pricing   experiments.",
        my_context="i run a small bakery",
        when="Tuesday at 10:00.",
    )
    draft = build_draft(kind, ctx)
    assert not BROKEN.search(draft.body), draft.body
    assert "\t" not in draft.body


def test_first_name_falls_back_to_the_full_names_first_word() -> None:
    ctx = DraftContext(their_name="Maria Gómez", their_first_name="", my_name="Alex")
    assert build_draft("cold", ctx).body.startswith("Hi Maria,")


def test_greeting_skips_a_title_in_the_full_name() -> None:
    ctx = DraftContext(their_name="Dr. Ana Silva", their_first_name="", my_name="Alex")
    assert build_draft("cold", ctx).body.startswith("Hi Ana,")


def test_missing_sender_name_still_signs_off() -> None:
    body = build_draft("cold", DraftContext("Maria Gómez", "Maria", "")).body
    assert body.rstrip().endswith("Thank you!")


def test_role_gets_the_right_article() -> None:
    def why(role: str) -> str:
        ctx = DraftContext("Maria Gómez", "Maria", "Alex", their_role=role, organization="Acme")
        return build_draft("cold", ctx).body

    assert "as an engineer at Acme" in why("engineer")
    assert "as a UX researcher at Acme" in why("UX researcher")
    assert "as an SEO lead at Acme" in why("SEO lead")
    assert "as a user researcher at Acme" in why("user researcher")
    assert "as the head of design at Acme" in why("the head of design")


# --------------------------------------------------------------------------- each situation


def test_warm_request_needs_no_introduction() -> None:
    body = build_draft("warm", MINIMAL).body
    assert "since we last spoke" in body


def test_alumni_request_names_the_shared_school_tie() -> None:
    assert "fellow alum" in build_draft("alumni", MINIMAL).body


def test_shared_group_request_names_the_shared_group() -> None:
    assert "both members" in build_draft("shared_group", MINIMAL).body


def test_met_at_event_request_recalls_the_meeting() -> None:
    assert "meet you at" in build_draft("met_at_event", MINIMAL).body


def test_cold_request_says_how_you_found_them() -> None:
    body = build_draft("cold", FULL).body
    assert "came across your profile while learning about Shopify" in body


def test_referral_request_names_the_referrer() -> None:
    draft = build_draft("referral", FULL)
    assert "Sam Lee suggested" in draft.body
    assert "Sam Lee" in draft.subject


def test_referral_without_a_referrer_stays_general() -> None:
    assert "A colleague suggested" in build_draft("referral", MINIMAL).body


def test_request_says_why_them_from_what_you_know() -> None:
    body = build_draft("cold", FULL).body
    assert "your work as a product manager at Shopify" in body


def test_request_includes_the_users_own_context() -> None:
    assert "I'm a high-school teacher exploring a move into product." in (
        build_draft("alumni", FULL).body
    )


def test_request_offers_to_fit_their_schedule() -> None:
    """P12: make it easy for them."""
    assert "work around your schedule" in build_draft("cold", MINIMAL).body


def test_nudge_follows_up_gently() -> None:
    body = build_draft("nudge", MINIMAL).body
    assert "following up" in body
    assert "no problem at all" in body


def test_intro_request_is_addressed_to_the_colleague() -> None:
    """P9: the introducer is the reader, the contact is the subject."""
    for channel in CHANNELS:
        body = build_draft("intro_request", FULL, channel).body
        assert body.startswith("Hi Priya,")
        assert "Maria" in body


@pytest.mark.parametrize("channel", CHANNELS)
def test_intro_request_asks_the_colleague_to_check_first(channel: Channel) -> None:
    """P9 double opt-in: ask the contact's consent before making the introduction."""
    body = build_draft("intro_request", FULL, channel).body
    check = re.search(r"checking with Maria[^?]*whether they'd be open[^?]*\?", body)
    assert check
    assert "introduction" in body[check.end() :]


def test_intro_request_subject_names_the_contact() -> None:
    assert "Maria" in build_draft("intro_request", FULL).subject


def test_confirm_names_the_time_and_the_invite() -> None:
    draft = build_draft("confirm", FULL)
    assert "Tuesday 12 March at 10:00" in draft.body
    assert "20-minute" in draft.body
    assert "calendar invite" in draft.body
    assert "Tuesday 12 March at 10:00" in draft.subject


def test_reschedule_proposes_the_new_time() -> None:
    assert "Would Tuesday 12 March at 10:00 work for you instead?" in (
        build_draft("reschedule", FULL).body
    )


def test_reschedule_without_a_time_asks_them_to_choose() -> None:
    assert "Could you suggest a time" in build_draft("reschedule", MINIMAL).body


def test_cancel_apologises_and_thanks() -> None:
    body = build_draft("cancel", FULL).body
    assert "cancel our call for Tuesday 12 March at 10:00" in body
    assert "apologies" in body
    assert "Thank you" in body


def test_thank_you_names_what_you_learned_and_the_next_step() -> None:
    """P23: a specific thank-you, sent promptly."""
    body = build_draft("thank_you", FULL).body
    assert "how your team plans experiments" in body
    assert "join the local product meetup" in body


def test_thank_you_does_not_ask_for_leads() -> None:
    assert "asks-for-job" not in lint(build_draft("thank_you", FULL), "email")


def test_keep_posted_may_welcome_leads_as_a_follow_up() -> None:
    """P24, P25: only a later follow-up may say you're open to leads."""
    body = build_draft("keep_posted", FULL).body
    assert "next move in product management in e-commerce" in body
    assert "join the local product meetup" in body


def test_linkedin_note_has_no_subject_and_email_does() -> None:
    for kind in DRAFT_KINDS:
        assert build_draft(kind, FULL, "linkedin-note").subject == ""
        assert build_draft(kind, FULL, "email").subject


def test_linkedin_note_is_one_paragraph() -> None:
    for kind in DRAFT_KINDS:
        assert "\n" not in build_draft(kind, FULL, "linkedin-note").body


def test_email_has_greeting_body_and_sign_off() -> None:
    greeting, paragraph, sign_off = build_draft("cold", FULL).body.split("\n\n")
    assert greeting == "Hi Maria,"
    assert paragraph.endswith("?") or paragraph.endswith(".")
    assert sign_off == "Thank you,\nAlex Chen"


# ------------------------------------------------------------------------------- properties

_FIRST_NAMES = [
    "Maria",
    "José",
    "Zoë",
    "Siobhán",
    "Nguyễn",
    "Aïcha",
    "Søren",
    "Łukasz",
    "Priya",
    "Anne-Marie",
    "O'Neil",
    "Olúwaseun",
    "李",
    "Kwame",
    "Ana Lucía",
    "Jean-Baptiste Alexandre",
]
_LETTERS = string.ascii_lowercase + "éöñçøłáü"
# "None" would be a real surname here, but it is also what the no-trace check looks for; a
# random surname that is a job word ("Openings") would rightly trip the asks-for-job rule.
_NOT_SURNAMES = re.compile(
    r"none|jobs?|positions?|openings?|vacanc(?:y|ies)|internships?|postings?|roles?|cvs?"
    r"|r[eé]sum[eé]s?|hir(?:e|es|ed|ing)"
)
_surname = (
    st.text(alphabet=_LETTERS, min_size=2, max_size=16)
    .map(str.capitalize)
    .filter(lambda name: not _NOT_SURNAMES.fullmatch(name.casefold()))
)
_first = st.sampled_from(_FIRST_NAMES)
_WORDS = [
    "product",
    "design",
    "data",
    "science",
    "research",
    "urban",
    "planning",
    "health",
    "care",
    "policy",
    "climate",
    "finance",
    "accessible",
    "interfaces",
    "machine",
    "learning",
    "supply",
    "chain",
    "marketing",
    "nonprofit",
    "fundraising",
    "education",
    "public",
    "transit",
    "law",
    "privacy",
    "security",
    "operations",
    "analytics",
    "game",
    "narrative",
    "museum",
    "curation",
    "nursing",
    "informatics",
    "robotics",
    "energy",
    "storage",
    "maps",
    "payments",
    "onboarding",
    "community",
    "libraries",
    "agriculture",
    "biotech",
    "logistics",
    "translation",
    "journalism",
    "ethics",
]
_phrase = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)
_org = st.lists(_surname, min_size=1, max_size=4).map(" ".join)
_role = st.sampled_from(
    [
        "",
        "product manager",
        "UX researcher",
        "data scientist",
        "senior software engineer",
        "director of community partnerships",
        "head of design",
        "nurse practitioner",
        "urban planner",
        "the principal investigator",
        "engineer",
    ]
)
_done = st.builds(
    lambda verb, words: f"{verb} {words}",
    st.sampled_from(["moved from teaching into", "led", "built", "wrote about", "spoke about"]),
    _phrase,
)
_contexts = st.builds(
    DraftContext,
    their_name=st.builds(lambda a, b: f"{a} {b}", _first, _surname),
    their_first_name=st.one_of(st.just(""), _first),
    my_name=st.builds(lambda a, b: f"{a} {b}", _first, _surname),
    organization=st.one_of(st.just(""), _org),
    their_role=_role,
    what_they_do=st.one_of(st.just(""), _phrase),
    what_they_have_done=st.one_of(st.just(""), _done),
    topic=st.one_of(st.just(""), _phrase),
    duration_minutes=st.integers(min_value=10, max_value=30),
    my_context=st.one_of(st.just(""), _phrase.map(lambda p: f"I work in {p}")),
    referrer_name=st.one_of(st.just(""), st.builds(lambda a, b: f"{a} {b}", _first, _surname)),
    introducer_name=st.one_of(st.just(""), st.builds(lambda a, b: f"{a} {b}", _first, _surname)),
    when=st.sampled_from(["", "Tuesday at 10:00", "next Monday at 2pm", "12 March, 09:30"]),
    learned=st.one_of(st.just(""), _phrase),
    next_step=st.one_of(st.just(""), _phrase.map(lambda p: f"read about {p}")),
)


@given(ctx=_contexts, kind=st.sampled_from(REQUEST_KINDS), channel=st.sampled_from(CHANNELS))
@settings(max_examples=400)
def test_any_realistic_request_lints_without_errors(
    ctx: DraftContext, kind: DraftKind, channel: Channel
) -> None:
    draft = build_draft(kind, ctx, channel)
    assert errors(draft, channel) == [], draft.body
    if channel == "linkedin-note":
        assert len(draft.body) <= 300
    else:
        assert count_words(draft.body) <= 100


@given(ctx=_contexts, kind=st.sampled_from(DRAFT_KINDS), channel=st.sampled_from(CHANNELS))
@settings(max_examples=400)
def test_any_realistic_draft_reads_cleanly(
    ctx: DraftContext, kind: DraftKind, channel: Channel
) -> None:
    draft = build_draft(kind, ctx, channel)
    assert not BROKEN.search(draft.body), draft.body
    assert not BROKEN.search(draft.subject), draft.subject
    if channel == "linkedin-note":
        assert len(draft.body) <= 300
        assert draft.subject == ""


def test_phrases_typed_as_sentences_read_naturally_mid_sentence() -> None:
    ctx = DraftContext(
        their_name="Priya Raman",
        their_first_name="Priya",
        my_name="Sam",
        what_they_have_done="Wrote an article on moving from teaching into design.",
        topic="Breaking into data analysis",
        my_context="a teacher exploring UX research",
    )
    body = build_draft("cold", ctx).body
    assert "wrote an article" in body
    assert "Wrote an article" not in body
    assert "I'm a teacher exploring UX research." in body


def test_names_at_the_start_of_a_phrase_keep_their_capitals() -> None:
    ctx = DraftContext(
        their_name="Priya Raman",
        their_first_name="Priya",
        my_name="Sam",
        what_they_have_done="PyCon talk on accessible dashboards",
        topic="UX research in Toronto",
    )
    body = build_draft("cold", ctx).body
    assert "UX research in Toronto" in body
