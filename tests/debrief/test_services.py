"""Debrief services: the live clock, ending the conversation, the debrief and referrals
(P14, P20, P22, P24, P26-P28)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404

from coffeechat.debrief.models import Debrief, Resource, Skill, SkillStatus
from coffeechat.debrief.services import (
    MAX_EXTENDED_MINUTES,
    ReferralInput,
    ResourceInput,
    SkillInput,
    add_referral,
    add_resource,
    add_skill,
    debrief_of,
    end_conversation,
    extend_time,
    get_debrief,
    next_step_questions,
    people_referred_by,
    record_extension,
    referral_chain,
    save_debrief,
    save_note,
    start_conversation,
)
from coffeechat.interviews.models import Activity, ActivityKind, Interview, Stage
from coffeechat.people.models import Organization, Person, ReferralKind, Relationship
from coffeechat.playbook.question_bank import NEXT_STEP_KEYS, bank_by_key
from coffeechat.prep.services import build_plan, plan_of, questions_of
from tests.factories import (
    DebriefFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    PlanEntryFactory,
)

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
END = START + timedelta(minutes=18, seconds=10)


def referral(name: str = "Chidi Okafor", **overrides: str) -> ReferralInput:
    values = {"name": name, "referral_kind": ReferralKind.INTRODUCE, **overrides}
    return ReferralInput(**values)


# --- getters ------------------------------------------------------------------------------------


def test_debrief_of_a_new_interview_is_blank_and_unsaved(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    debrief = debrief_of(interview)
    assert debrief.started_at is None
    assert not Debrief.objects.exists()


def test_get_debrief_of_another_users_interview_is_404(owner: User, outsider: User) -> None:
    interview = InterviewFactory(owner=owner)
    with pytest.raises(Http404):
        get_debrief(outsider, interview.pk)


# --- live mode ----------------------------------------------------------------------------------


def test_start_conversation_records_the_start(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    start_conversation(interview, START)
    assert Debrief.objects.get(interview=interview).started_at == START


def test_start_conversation_keeps_the_first_start(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    start_conversation(interview, START)
    start_conversation(interview, START + timedelta(minutes=4))
    assert Debrief.objects.get(interview=interview).started_at == START


def test_extend_time_adds_five_minutes_a_tap(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    extend_time(interview)
    assert extend_time(interview).extended_minutes == 10


def test_extend_time_stops_at_the_limit(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    DebriefFactory(interview=interview, extended_minutes=MAX_EXTENDED_MINUTES)
    with pytest.raises(ValidationError) as raised:
        extend_time(interview)
    assert "extended_minutes" in raised.value.message_dict


def test_record_extension_sent_twice_counts_once(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    record_extension(interview, 10)
    assert record_extension(interview, 10).extended_minutes == 10


def test_record_extension_never_lowers_the_extra_time(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    record_extension(interview, 10)
    assert record_extension(interview, 5).extended_minutes == 10


def test_save_note_keeps_the_notes_and_when(owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    save_note(entry.interview, entry.pk, "Start with the support team.", at=START)
    entry.refresh_from_db()
    assert (entry.notes, entry.notes_updated_at) == ("Start with the support team.", START)


def test_save_note_on_another_interviews_question_is_404(owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    other = InterviewFactory(owner=owner)
    with pytest.raises(Http404):
        save_note(other, entry.pk, "Misplaced")


def test_save_note_refuses_a_note_too_long(owner: User) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    with pytest.raises(ValidationError) as raised:
        save_note(entry.interview, entry.pk, "x" * 20_001)
    assert "notes" in raised.value.message_dict


# --- ending the conversation -------------------------------------------------------------------


def test_end_conversation_records_the_real_start_and_end(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED)
    end_conversation(interview, START, END)
    debrief = Debrief.objects.get(interview=interview)
    assert (debrief.started_at, debrief.ended_at) == (START, END)


def test_end_conversation_moves_the_interview_to_held_at_the_end(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED)
    end_conversation(interview, START, END)
    interview.refresh_from_db()
    assert (interview.stage, interview.stage_changed_at) == (Stage.HELD, END)


def test_end_conversation_records_how_long_it_was_held(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED)
    end_conversation(interview, START, END)
    activity = Activity.objects.get(interview=interview)
    assert (activity.kind, activity.at, activity.text) == (
        ActivityKind.HELD,
        END,
        "Conversation held, 18 minutes",
    )


def test_end_conversation_keeps_a_thanked_interview_thanked(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.THANKED)
    end_conversation(interview, START, END)
    interview.refresh_from_db()
    assert interview.stage == Stage.THANKED


def test_end_conversation_refuses_an_end_before_the_start(owner: User) -> None:
    interview = InterviewFactory(owner=owner, stage=Stage.SCHEDULED)
    with pytest.raises(ValidationError) as raised:
        end_conversation(interview, END, START)
    assert "ended_at" in raised.value.message_dict


# --- next-step questions (P22) -----------------------------------------------------------------


def test_next_step_questions_come_from_the_plan(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    build_plan(interview)
    questions_of(owner).filter(key="next-resources").update(text="Any book you would suggest?")
    texts = next_step_questions(interview, plan_of(interview))
    assert texts[1] == "Any book you would suggest?"


def test_next_step_questions_fall_back_to_the_bank_without_a_plan(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    questions_of(owner).filter(key__in=NEXT_STEP_KEYS).delete()
    texts = next_step_questions(interview, plan_of(interview))
    assert texts[2] == bank_by_key()["next-contact-again"].text


# --- resources and skills -----------------------------------------------------------------------


def test_add_resource_is_recommended_by_the_interviews_person(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    resource = add_resource(interview, ResourceInput(title="Just Enough Research", kind="book"))
    assert (resource.recommended_by, resource.interview, resource.owner) == (
        interview.person,
        interview,
        owner,
    )


def test_add_resource_twice_keeps_one(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    add_resource(interview, ResourceInput(title="Just Enough Research"))
    add_resource(interview, ResourceInput(title="just enough  research"))
    assert Resource.objects.count() == 1


def test_add_skill_is_mentioned_by_the_interviews_person(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    skill = add_skill(interview, SkillInput(name="Survey design", status=SkillStatus.HAVE))
    assert (skill.mentioned_by, skill.status) == (interview.person, SkillStatus.HAVE)


# --- referrals (P28) ----------------------------------------------------------------------------


def test_add_referral_creates_a_person_referred_by_the_interviews_person(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    person = add_referral(interview, referral(referral_kind=ReferralKind.MENTION))
    assert (person.referred_by, person.referral_kind, person.relationship) == (
        interview.person,
        ReferralKind.MENTION,
        Relationship.REFERRAL,
    )


def test_add_referral_creates_an_idea_interview_on_the_same_topic(owner: User) -> None:
    interview = InterviewFactory(owner=owner, topic="Moving into service design")
    person = add_referral(interview, referral())
    idea = Interview.objects.get(person=person)
    assert (idea.stage, idea.topic, idea.owner) == (
        Stage.IDEA,
        "Moving into service design",
        owner,
    )


def test_add_referral_keeps_the_title_and_email(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    person = add_referral(interview, referral(title="Design Lead", email="chidi@example.org"))
    assert (person.title, person.emails) == ("Design Lead", ["chidi@example.org"])


def test_add_referral_finds_the_organization_by_name(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    organization = OrganizationFactory(owner=owner, name="Northwind Health")
    person = add_referral(interview, referral(organization_name="northwind health"))
    assert person.organization == organization


def test_add_referral_creates_a_new_organization(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    person = add_referral(interview, referral(organization_name="Contoso Transit"))
    assert Organization.objects.get(owner=owner, name="Contoso Transit") == person.organization


def test_add_referral_of_the_same_name_twice_keeps_one_person(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    add_referral(interview, referral("Chidi Okafor"))
    add_referral(interview, referral("chidi okafor"))
    assert Person.objects.filter(referred_by=interview.person).count() == 1


def test_add_referral_names_a_bad_email(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    with pytest.raises(ValidationError) as raised:
        add_referral(interview, referral(email="not an address"))
    assert "email" in raised.value.message_dict


# --- save_debrief: all or nothing --------------------------------------------------------------


def test_save_debrief_saves_the_debrief_and_its_rows(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    debrief = debrief_of(interview)
    debrief.insights = "Writing matters more than tools."
    saved = save_debrief(
        debrief,
        resources=[ResourceInput(title="Just Enough Research")],
        skills=[SkillInput(name="Interviewing")],
        referrals=[referral()],
    )
    assert Debrief.objects.get(interview=interview).insights == "Writing matters more than tools."
    assert (len(saved.resources), len(saved.skills), len(saved.referrals)) == (1, 1, 1)


def test_save_debrief_with_a_bad_row_saves_nothing(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    debrief = debrief_of(interview)
    debrief.insights = "Writing matters more than tools."
    with pytest.raises(ValidationError):
        save_debrief(
            debrief,
            resources=[ResourceInput(title="Just Enough Research")],
            skills=[SkillInput(name="Interviewing")],
            referrals=[referral("Chidi Okafor"), referral("Dana Ruiz", email="nope")],
        )
    assert not Debrief.objects.exists()
    assert not Resource.objects.exists()
    assert not Skill.objects.exists()
    assert list(Person.objects.all()) == [interview.person]


def test_save_debrief_names_the_row_and_field_in_error(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    with pytest.raises(ValidationError) as raised:
        save_debrief(
            debrief_of(interview), referrals=[referral("Chidi"), referral("Dana", email="nope")]
        )
    assert list(raised.value.message_dict) == ["referrals-1-email"]


def test_save_debrief_refuses_a_fit_score_out_of_range(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    debrief = debrief_of(interview)
    debrief.fit_score = 6
    with pytest.raises(ValidationError) as raised:
        save_debrief(debrief)
    assert "fit_score" in raised.value.message_dict


def test_save_debrief_turns_on_keep_posted_when_they_asked(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    debrief = debrief_of(interview)
    debrief.offered_keep_in_touch = True
    save_debrief(debrief)
    interview.person.refresh_from_db()
    assert interview.person.keep_posted


def test_save_debrief_never_turns_keep_posted_off(owner: User) -> None:
    interview = InterviewFactory(owner=owner, person=PersonFactory(owner=owner, keep_posted=True))
    save_debrief(debrief_of(interview))
    interview.person.refresh_from_db()
    assert interview.person.keep_posted


# --- the referral chain -------------------------------------------------------------------------


def chain_of_three(owner: User) -> tuple[Person, Person, Person]:
    ana = PersonFactory(owner=owner, name="Ana")
    ben = PersonFactory(owner=owner, name="Ben", referred_by=ana)
    cleo = PersonFactory(owner=owner, name="Cleo", referred_by=ben)
    return ana, ben, cleo


def test_referral_chain_runs_from_the_first_referrer_down(owner: User) -> None:
    ana, ben, cleo = chain_of_three(owner)
    assert referral_chain(cleo) == [ana, ben, cleo]


def test_referral_chain_of_someone_not_referred_is_just_them(owner: User) -> None:
    ana, _, _ = chain_of_three(owner)
    assert referral_chain(ana) == [ana]


def test_referral_chain_stops_where_a_loop_repeats(owner: User) -> None:
    ana, ben, _ = chain_of_three(owner)
    Person.objects.filter(pk=ana.pk).update(referred_by=ben)  # edited into a loop
    ben.refresh_from_db()
    assert referral_chain(ben) == [ana, ben]


def test_referral_chain_leaves_out_another_users_people(owner: User, outsider: User) -> None:
    stranger = PersonFactory(owner=outsider)
    mine = PersonFactory(owner=owner)
    Person.objects.filter(pk=mine.pk).update(referred_by=stranger)
    mine.refresh_from_db()
    assert referral_chain(mine) == [mine]


def test_referral_chain_takes_one_query_however_long(
    owner: User, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    people = [PersonFactory(owner=owner)]
    for _ in range(8):
        people.append(PersonFactory(owner=owner, referred_by=people[-1]))
    with django_assert_num_queries(1):
        assert referral_chain(people[-1]) == people


def test_people_referred_by_lists_whom_they_suggested(owner: User) -> None:
    ana, ben, _ = chain_of_three(owner)
    dana = PersonFactory(owner=owner, name="Dana", referred_by=ana)
    assert people_referred_by(ana) == [ben, dana]
