"""The documented limits (docs/reliability.md, "Limits"): each accepted at the edge, refused one
past it and at a hostile size, with a message naming the field and the limit, and nothing saved.
"""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client

from coffeechat.core.limits import (
    MAX_NOTE_CHARACTERS,
    MAX_PITCH_CHARACTERS,
    MAX_REQUEST_BYTES,
    MAX_UPLOAD_BYTES,
    MEGABYTE,
    MaxCharacters,
    megabytes,
)
from coffeechat.debrief.models import Debrief
from coffeechat.interviews.models import Activity, ActivityKind
from coffeechat.interviews.services import record_activity
from coffeechat.people.models import Organization
from coffeechat.portability.importer import run_import
from coffeechat.portability.records import ImportProblem
from coffeechat.prep.models import Pitch, PlanEntry
from coffeechat.prep.services import MAX_PLAN_ENTRIES, save_pitch
from tests.conftest import ApiClient
from tests.factories import (
    InterviewFactory,
    OrganizationFactory,
    PlanEntryFactory,
    QuestionFactory,
)

NOTE_ERROR = "At most 20,000 characters fit here; this text has 20,001."
ONE_MEGABYTE_NOTE = "a" * MEGABYTE
# Derived from other rows, never typed: their size follows from the limits of their sources.
DERIVED_TEXT = {"search.SearchEntry"}


# ------------------------------------------------------------------------------ the figures


def test_the_limits_are_the_documented_figures() -> None:
    assert (MAX_NOTE_CHARACTERS, MAX_PITCH_CHARACTERS) == (20_000, 5_000)
    assert (MAX_UPLOAD_BYTES, MAX_REQUEST_BYTES) == (10 * MEGABYTE, 2_621_440)
    assert MAX_PLAN_ENTRIES == 40


def test_sizes_are_shown_rounded_up_so_one_byte_over_is_visible() -> None:
    assert [megabytes(50 * MEGABYTE), megabytes(MAX_UPLOAD_BYTES + 1)] == ["50 MB", "10.1 MB"]
    assert megabytes(MAX_REQUEST_BYTES) == "2.5 MB"


def test_every_free_text_column_has_a_length_limit() -> None:
    unlimited = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in {c.label for c in apps.get_app_configs()}
        and model.__module__.startswith("coffeechat.")
        and model._meta.label not in DERIVED_TEXT
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField)
        and not any(isinstance(v, MaxCharacters) for v in field.validators)
    ]
    assert unlimited == []


# ------------------------------------------------------------------------------ notes: services


def test_a_note_at_the_limit_is_kept(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    activity = record_activity(owner, ActivityKind.NOTE, interview=interview, text="a" * 20_000)
    assert len(Activity.objects.get(pk=activity.pk).text) == 20_000


def test_a_note_one_past_the_limit_is_refused_by_the_service(owner: User) -> None:
    interview = InterviewFactory(owner=owner)
    with pytest.raises(ValidationError) as refused:
        record_activity(owner, ActivityKind.NOTE, interview=interview, text="a" * 20_001)
    assert refused.value.message_dict == {"text": [NOTE_ERROR]}
    assert Activity.objects.filter(owner=owner).count() == 0


def test_a_pitch_one_past_its_limit_is_refused_by_the_service(owner: User) -> None:
    with pytest.raises(ValidationError) as refused:
        save_pitch(owner, "a" * (MAX_PITCH_CHARACTERS + 1))
    assert refused.value.message_dict == {
        "text": ["At most 5,000 characters fit here; this text has 5,001."]
    }
    assert Pitch.objects.filter(owner=owner).count() == 0


# ------------------------------------------------------------------------------ notes: the API


def test_the_api_keeps_a_note_at_the_limit(owner: User, owner_api: ApiClient) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_api.post(
        "/api/v1/activities", {"interview_id": interview.pk, "text": "a" * 20_000}
    )
    assert response.status_code == 201


def test_the_api_refuses_a_note_one_past_the_limit_naming_the_field(
    owner: User, owner_api: ApiClient
) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_api.post(
        "/api/v1/activities", {"interview_id": interview.pk, "text": "a" * 20_001}
    )
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "text"], "msg": NOTE_ERROR, "type": "value_error"}
    ]


def test_the_api_refuses_a_one_megabyte_note(owner: User, owner_api: ApiClient) -> None:
    organization = OrganizationFactory(owner=owner)
    response = owner_api.patch(
        f"/api/v1/organizations/{organization.pk}", {"research_notes": ONE_MEGABYTE_NOTE}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "research_notes"]
    assert Organization.objects.get(pk=organization.pk).research_notes == ""


# ------------------------------------------------------------------------------ notes: web forms


def test_the_organization_form_refuses_one_megabyte_of_research_notes(
    owner: User, owner_client: Client
) -> None:
    organization = OrganizationFactory(owner=owner)
    response = owner_client.post(
        f"/organizations/{organization.pk}/edit/",
        {"name": "Acme", "research_notes": ONE_MEGABYTE_NOTE},
    )
    assert response.status_code == 200
    assert "At most 20,000 characters fit here; this text has 1,048,576." in response.text
    assert Organization.objects.get(pk=organization.pk).research_notes == ""


def test_the_timeline_form_refuses_a_note_one_past_the_limit(
    owner: User, owner_client: Client
) -> None:
    interview = InterviewFactory(owner=owner)
    data = {"kind": "note", "at": "2026-03-16T10:00", "interview": interview.pk}
    response = owner_client.post("/activities/new/", {**data, "text": "a" * 20_001}, follow=True)
    assert f"text: {NOTE_ERROR}" in response.text
    assert Activity.objects.filter(owner=owner).count() == 0


def test_the_debrief_form_refuses_one_megabyte_of_insights(
    owner: User, owner_client: Client
) -> None:
    interview = InterviewFactory(owner=owner)
    data = {"insights": ONE_MEGABYTE_NOTE, "resources-0-kind": "other"}
    data.update({"skills-0-status": "to_learn"})
    for prefix in ("resources", "skills", "referrals"):
        data.update({f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-INITIAL_FORMS": "0"})
    response = owner_client.post(f"/interviews/{interview.pk}/debrief/", data)
    assert response.status_code == 200
    assert "At most 20,000 characters fit here; this text has 1,048,576." in response.text
    assert not Debrief.objects.filter(interview=interview).exclude(insights="").exists()


def test_a_live_note_one_past_the_limit_is_refused(owner: User, owner_client: Client) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    response = owner_client.post(
        f"/interviews/{entry.interview.pk}/live/note/",
        {"entry": entry.pk, "notes": "a" * 20_001},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 422
    assert response.json() == {
        "errors": {"notes": ["A note holds at most 20000 characters, got 20001."]}
    }
    assert PlanEntry.objects.get(pk=entry.pk).notes == ""


# ------------------------------------------------------------------------------ notes: imports


def test_the_json_import_refuses_a_note_one_past_the_limit_naming_its_field(owner: User) -> None:
    document = {
        "format": "coffeechat",
        "version": 1,
        "organizations": [{"id": 1, "name": "Acme", "research_notes": "a" * 20_001}],
    }
    with pytest.raises(ImportProblem) as refused:
        run_import(owner, "json", json.dumps(document).encode(), "export.json")
    assert refused.value.field == "organizations[0].research_notes"
    assert refused.value.message == NOTE_ERROR
    assert Organization.objects.filter(owner=owner).count() == 0


def test_a_vcard_note_one_past_the_limit_is_refused_naming_the_property(owner: User) -> None:
    card = f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann Lee\r\nNOTE:{'a' * 20_001}\r\nEND:VCARD\r\n"
    with pytest.raises(ImportProblem) as refused:
        run_import(owner, "vcard", card.encode(), "contacts.vcf")
    assert (refused.value.line, refused.value.field) == (1, "NOTE")
    assert refused.value.message == "is 20,001 characters long; at most 20,000 fit."


# ------------------------------------------------------------------------------ the plan


@pytest.fixture
def bank(owner: User) -> list[int]:
    return [QuestionFactory(owner=owner).pk for _ in range(MAX_PLAN_ENTRIES + 1)]


def _plan(api: ApiClient, interview_id: int, ids: list[int]):  # type: ignore[no-untyped-def]
    body = {"questions": [{"question_id": pk} for pk in ids]}
    return api.client.put(
        f"/api/v1/interviews/{interview_id}/plan",
        body,
        content_type="application/json",
        headers=api.headers,
    )


def test_the_api_accepts_a_plan_of_forty_questions(
    owner: User, owner_api: ApiClient, bank: list[int]
) -> None:
    interview = InterviewFactory(owner=owner)
    response = _plan(owner_api, interview.pk, bank[:MAX_PLAN_ENTRIES])
    assert response.status_code == 200
    assert len(response.json()["entries"]) == 40


def test_the_api_refuses_a_plan_of_forty_one_questions(
    owner: User, owner_api: ApiClient, bank: list[int]
) -> None:
    interview = InterviewFactory(owner=owner)
    response = _plan(owner_api, interview.pk, bank)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "loc": ["body", "questions"],
            "msg": "A plan holds at most 40 questions, got 41.",
            "type": "value_error",
        }
    ]


def test_the_api_refuses_a_plan_of_ten_thousand_questions(
    owner: User, owner_api: ApiClient
) -> None:
    interview = InterviewFactory(owner=owner)
    response = _plan(owner_api, interview.pk, list(range(1, 10_001)))
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "A plan holds at most 40 questions, got 10000."
    assert PlanEntry.objects.filter(interview=interview).count() == 0


def test_the_plan_page_refuses_an_order_of_ten_thousand_questions(
    owner: User, owner_client: Client
) -> None:
    entry = PlanEntryFactory(interview=InterviewFactory(owner=owner))
    order = ",".join(str(n) for n in range(1, 10_001))
    response = owner_client.post(
        f"/interviews/{entry.interview.pk}/prepare/reorder/", {"order": order}
    )
    assert response.status_code == 200
    assert "Order: A plan holds at most 40 questions, got 10,000." in response.text
    assert list(PlanEntry.objects.filter(interview=entry.interview)) == [entry]


def test_the_plan_page_adds_the_fortieth_question_and_refuses_the_forty_first(
    owner: User, owner_client: Client, bank: list[int]
) -> None:
    interview = InterviewFactory(owner=owner)
    for position, pk in enumerate(bank[: MAX_PLAN_ENTRIES - 1]):
        PlanEntry.objects.create(interview=interview, question_id=pk, position=position)
    add = f"/interviews/{interview.pk}/prepare/add/"
    owner_client.post(add, {"question": bank[MAX_PLAN_ENTRIES - 1]})
    response = owner_client.post(add, {"question": bank[MAX_PLAN_ENTRIES]})
    assert "A plan holds at most 40 questions, got 41." in response.text
    assert PlanEntry.objects.filter(interview=interview).count() == 40


# ------------------------------------------------------------------------------ uploads


def _json_upload(size: int) -> SimpleUploadedFile:
    head = b'{"format": "coffeechat", "version": 1}'
    return SimpleUploadedFile("export.json", head + b" " * (size - len(head)))


def test_an_upload_of_exactly_ten_megabytes_is_previewed(owner_client: Client) -> None:
    response = owner_client.post("/import/", {"file": _json_upload(MAX_UPLOAD_BYTES)})
    assert response.status_code == 302
    assert response["Location"].startswith("/import/")


def test_an_upload_one_byte_past_ten_megabytes_is_refused(owner_client: Client) -> None:
    response = owner_client.post("/import/", {"file": _json_upload(MAX_UPLOAD_BYTES + 1)})
    assert response.status_code == 200
    assert "The file is 10.1 MB; the limit is 10 MB." in response.text


def test_an_upload_of_fifty_megabytes_is_refused_saying_both_sizes(
    owner_client: Client,
) -> None:
    response = owner_client.post("/import/", {"file": _json_upload(50 * MEGABYTE)})
    assert "The file is 50 MB; the limit is 10 MB." in response.text
    assert response.context["form"].errors["file"][0].startswith("The file is 50 MB")


# ------------------------------------------------------------------------------ request bodies


def _api_body(size: int) -> str:
    """A JSON activity whose encoded body is exactly ``size`` bytes."""
    head, tail = '{"text": "', '"}'
    return head + "a" * (size - len(head) - len(tail)) + tail


def test_an_api_body_at_the_request_limit_is_read(owner_api: ApiClient) -> None:
    response = owner_api.client.post(
        "/api/v1/activities",
        _api_body(MAX_REQUEST_BYTES),
        content_type="application/json",
        headers=owner_api.headers,
    )
    assert response.status_code == 422  # read, then refused for the note's own limit
    assert response.json()["detail"][0]["loc"] == ["body", "text"]


def test_an_api_body_one_byte_past_the_limit_answers_413_in_json(owner_api: ApiClient) -> None:
    response = owner_api.client.post(
        "/api/v1/activities",
        _api_body(MAX_REQUEST_BYTES + 1),
        content_type="application/json",
        headers=owner_api.headers,
    )
    assert response.status_code == 413
    assert response.json() == {
        "detail": "What was sent is 2.6 MB; the limit is 2.5 MB (a file to import goes through "
        "the import page). Nothing was saved: shorten the text and send it again."
    }


def test_a_form_of_three_megabytes_answers_a_413_page(owner: User, owner_client: Client) -> None:
    interview = InterviewFactory(owner=owner)
    response = owner_client.post(
        "/activities/new/", {"kind": "note", "interview": interview.pk, "text": "a" * 3 * MEGABYTE}
    )
    assert response.status_code == 413
    assert "Too large to accept" in response.text
    assert "the limit is 2.5 MB" in response.text
    assert Activity.objects.filter(owner=owner).count() == 0


def test_a_form_of_too_many_fields_answers_a_413_page(owner_client: Client) -> None:
    response = owner_client.post("/activities/new/", {f"field{n}": "x" for n in range(1_001)})
    assert response.status_code == 413
    assert "The form sent more than 1,000 fields; nothing was saved." in response.text


def test_any_other_bad_request_keeps_djangos_400(client: Client) -> None:
    response = client.get("/today/", headers={"Host": "evil.example"})
    assert response.status_code == 400


def test_an_outsider_gets_no_413_page_for_someone_elses_data(
    outsider_client: Client, owner: User
) -> None:
    interview = InterviewFactory(owner=owner)
    response = outsider_client.post(
        f"/interviews/{interview.pk}/debrief/", {"insights": "a" * 20_001}
    )
    assert response.status_code == 404
