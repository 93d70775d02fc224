"""Hostile text in every text field stays text: on every page, in the PDF brief, the calendar
files, the CSV, vCard and JSON exports.

The text fields are found by introspecting the models and the pages by walking the URL
resolver, so a new field or a new page is covered without anyone remembering; a page whose URL
the test cannot fill, or a model it cannot find a row of, fails the test by name.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from html.parser import HTMLParser
from typing import Any

import pytest
import vobject
from django.apps import apps
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from coffeechat.accounts.models import Profile
from coffeechat.accounts.services import issue_token
from coffeechat.followup.models import TaskKind
from coffeechat.followup.services import TASK_SECTIONS
from coffeechat.interviews.models import Mode, Stage
from coffeechat.people.models import Person, Tag
from coffeechat.portability.exports import FORMATS
from coffeechat.portability.importer import run_import
from tests.factories import (
    ActivityFactory,
    DebriefFactory,
    GoalFactory,
    InterviewFactory,
    PersonFactory,
    PitchFactory,
    PlanEntryFactory,
    PreparationFactory,
    QuestionFactory,
    ResourceFactory,
    SkillFactory,
    TaskFactory,
    UserFactory,
)
from tests.security.fuzzing import attempt
from tests.security.payloads import (
    FORMULA,
    LINE_INJECTION,
    RENDERED_MARKS,
    SHORT,
    TEMPLATE,
    XSS,
    payload_text,
)

pytestmark = pytest.mark.django_db

# Text fields that never hold free text, with why (each is validated or machine-made).
NOT_FREE_TEXT = {
    "accounts.Profile.time_zone": "a zone name from the zone list",
    "accounts.Profile.feed_secret": "a random secret, part of the feed's URL",
    "accounts.ApiToken.prefix": "the first characters of a random token",
    "accounts.ApiToken.token_hash": "a hash",
    "people.Person.time_zone": "a zone name from the zone list",
    "interviews.Interview.time_zone": "a zone name from the zone list",
    "prep.Question.key": "the key of a built-in question",
}
# Models that belong to no user and are shown on no page.
NOT_USER_DATA = {
    "accounts.LoginThrottle": "failed sign-ins, kept by the server only",
}
# Where a route's path parameter comes from: its URL prefix → an object of the world below.
OBJECT_OF_PREFIX = {
    "people/<int:pk>/": "person",
    "organizations/<int:pk>/": "organization",
    "interviews/<int:pk>/": "interview",
    "tasks/<int:pk>/": "thank_you_task",
    "questions/<int:pk>/": "question",
    "pitch/<int:pk>/": "pitch",
    "goals/<int:pk>/": "goal",
    "resources/<int:pk>/": "resource",
    "skills/<int:pk>/": "skill",
    "account/tokens/<int:token_id>/": "token",
}
# API path parameters (django-ninja names them after the object).
OBJECT_OF_PARAMETER = {
    "person_id": "person",
    "organization_id": "organization",
    "interview_id": "interview",
    "activity_id": "activity",
    "task_id": "thank_you_task",
    "question_id": "question",
    "goal_id": "goal",
    "resource_id": "resource",
    "skill_id": "skill",
}
OK_STATUSES = {200, 301, 302, 405}  # 405: a POST-only route
# Routes that are no page: what they answer instead.
NOT_A_PAGE = {
    "api:api-root": 404,  # django-ninja's root: the docs are at /api/v1/docs
    "setup": 404,  # the first-run page, gone once an account exists
}
# Routes checked by a test of their own (slow to render: fetched once).
OWN_TEST = {"interview_brief_pdf": "test_the_pdf_brief_shows_the_payload_literally"}
SAFE_URL = 'https://example.org/?q="><script>alert(1337)</script>'
NASTY_EMAIL = '"><svg/onload=alert(1337)>"@example.org'
FORMULA_EMAIL = "=cmd+1@example.org"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "data", "xlink:href", "poster"}
INJECTED_TAGS = {"iframe", "base", "object", "embed", "frame", "frameset", "math"}


# ------------------------------------------------------------------------------ the world


@dataclass
class World:
    """One user whose every text field holds a payload, and the objects the routes need."""

    user: User
    client: Client
    objects: dict[str, models.Model] = field(default_factory=dict)
    feed_secret: str = ""
    import_token: str = ""
    formula_people: list[Person] = field(default_factory=list)

    def pk(self, name: str) -> int:
        return int(self.objects[name].pk)


def coffeechat_models() -> list[type[models.Model]]:
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("coffeechat.")
        for model in config.get_models()
    ]


def label(model: type[models.Model], name: str = "") -> str:
    base = f"{model._meta.app_label}.{model.__name__}"
    return f"{base}.{name}" if name else base


def text_fields(
    model: type[models.Model],
) -> list[models.CharField[Any, Any] | models.TextField[Any, Any]]:
    """The model's free-text fields: CharField and TextField without choices (URL and email
    fields get their own payloads)."""
    found = []
    for model_field in model._meta.get_fields():
        if not isinstance(model_field, models.CharField | models.TextField):
            continue
        if isinstance(model_field, models.URLField | models.EmailField) or model_field.choices:
            continue
        if label(model, model_field.name) in NOT_FREE_TEXT:
            continue
        found.append(model_field)
    return found


def rows_of(model: type[models.Model], user: User) -> models.QuerySet[Any]:
    names = {f.name for f in model._meta.get_fields()}
    manager = model._default_manager
    if "owner" in names:
        return manager.filter(owner=user)
    if "user" in names:
        return manager.filter(user=user)
    if "interview" in names:
        return manager.filter(interview__owner=user)
    raise AssertionError(f"{label(model)}: add how its rows belong to a user to rows_of().")


def _fill_text_fields(user: User) -> None:
    """Every free-text field of every row the user owns gets a payload (written as stored, past
    any validation: what matters here is what comes out)."""
    index = 0
    for model in coffeechat_models():
        if label(model) in NOT_USER_DATA:
            continue
        fields = text_fields(model)
        url_fields = [f for f in model._meta.get_fields() if isinstance(f, models.URLField)]
        if not fields and not url_fields:
            continue
        for pk in rows_of(model, user).values_list("pk", flat=True):
            values: dict[str, Any] = {f.name: SAFE_URL for f in url_fields}
            for text_field in fields:
                values[text_field.name] = payload_text(index, text_field.max_length)
                index += 1
            model._default_manager.filter(pk=pk).update(**values)


def _build(user: User) -> dict[str, models.Model]:
    now = timezone.now()
    person = PersonFactory(owner=user, emails=[NASTY_EMAIL, FORMULA_EMAIL], phones=["+1 555 0100"])
    referred = PersonFactory(owner=user, organization=person.organization, referred_by=person)
    tag = Tag.objects.create(owner=user, name="tag")
    person.tags.add(tag)
    interview = InterviewFactory(
        owner=user,
        person=person,
        stage=Stage.SCHEDULED,
        scheduled_start=now + timedelta(days=3),
        time_zone="Europe/Paris",
        mode=Mode.VIDEO,
    )
    at_cafe = InterviewFactory(
        owner=user,
        person=referred,
        stage=Stage.SCHEDULED,
        scheduled_start=now + timedelta(days=4),
        mode=Mode.CAFE,
    )
    question = QuestionFactory(owner=user, tags=[SHORT])
    PlanEntryFactory(interview=interview, question=question, notes="x")
    PreparationFactory(interview=interview)
    DebriefFactory(interview=interview)
    activity = ActivityFactory(owner=user, interview=interview)
    thank_you = TaskFactory(
        owner=user, kind=TaskKind.THANK_YOU, interview=interview, person=person, due_at=now
    )
    TaskFactory(owner=user, person=referred, interview=at_cafe, due_at=now + timedelta(days=1))
    issue_token(user, name="token")
    return {
        "person": person,
        "referred": referred,
        "organization": person.organization,
        "interview": interview,
        "at_cafe": at_cafe,
        "question": question,
        "activity": activity,
        "thank_you_task": thank_you,
        "pitch": PitchFactory(owner=user),
        "resource": ResourceFactory(owner=user, interview=interview, recommended_by=person),
        "skill": SkillFactory(owner=user, interview=interview, mentioned_by=person),
        "goal": GoalFactory(owner=user, tags=[SHORT]),
        "token": user.api_tokens.get(),
    }


def _pending_import(client: Client) -> str:
    """Upload a LinkedIn file of hostile names; the preview page is then reachable."""
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    for index, text in enumerate([SHORT, *FORMULA[:3]]):
        cell = '"' + text.replace('"', '""').replace("\r", " ").replace("\t", " ") + '"'
        rows.append(f"{cell},Imported {index},,,{cell},{cell},01 Jan 2024")
    upload = io.BytesIO("\r\n".join(rows).encode())
    upload.name = "Connections.csv"
    response = client.post("/import/", {"file": upload, "kind": "linkedin"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return str(response.url).rstrip("/").rsplit("/", 1)[-1]


@pytest.fixture
def world(db: None) -> World:
    user = UserFactory(username="mallory", first_name=SHORT, last_name="\r\nATTENDEE:x")
    objects = _build(user)
    formula_people = [PersonFactory(owner=user, organization=None) for _ in FORMULA]
    _fill_text_fields(user)
    # The people whose names start like a spreadsheet formula (the CSV export's first column).
    for person, text in zip(formula_people, FORMULA, strict=True):
        Person.objects.filter(pk=person.pk).update(name=text, title=text, location=text)
    client = Client()
    client.force_login(user)
    world = World(user=user, client=client, objects=objects, formula_people=formula_people)
    world.feed_secret = Profile.objects.get(user=user).feed_secret
    world.import_token = _pending_import(client)
    for name, obj in objects.items():
        obj.refresh_from_db()
        world.objects[name] = obj
    return world


# ------------------------------------------------------------------------------ the routes


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str  # the full pattern, e.g. "interviews/<int:pk>/brief/"
    parameters: tuple[str, ...]


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else ""
            yield from _walk(
                entry.url_patterns, prefix + str(entry.pattern), inner or entry.namespace or ""
            )
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
            full = prefix + str(entry.pattern)
            yield Route(name, full, tuple(re.findall(r"<(?:\w+:)?(\w+)>", full)))


def all_routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns):
        seen.setdefault(route.pattern, route)  # the API lists one path once per method
    return list(seen.values())


def fill(route: Route, world: World) -> list[str] | None:
    """The paths to GET for a route, or None when the test does not know how to fill it."""
    if not route.parameters:
        return ["/" + route.pattern]
    if route.parameters == ("fmt",):
        return [f"/export/{fmt}/" for fmt in FORMATS]
    if route.parameters == ("secret",):
        return ["/" + route.pattern.replace("<str:secret>", world.feed_secret)]
    if route.parameters == ("section",):
        return [f"/today/{section}/" for section in TASK_SECTIONS]
    if route.parameters == ("token",):
        return ["/" + route.pattern.replace("<str:token>", world.import_token)]
    path = route.pattern
    for parameter in route.parameters:
        name = OBJECT_OF_PARAMETER.get(parameter)
        if name is None:
            name = next(
                (obj for prefix, obj in OBJECT_OF_PREFIX.items() if path.startswith(prefix)), None
            )
        if name is None or name not in world.objects:
            return None
        path = re.sub(rf"<(?:\w+:)?{parameter}>", str(world.pk(name)), path, count=1)
    return ["/" + path]


def fetch(world: World, path: str, **params: str) -> Any:
    if path.startswith("/api/"):
        token = issue_token(world.user, name="escaping test")
        return world.client.get(path, params, headers={"Authorization": f"Bearer {token}"})
    return world.client.get(path, params)


# ------------------------------------------------------------------------------ the checks


class _Scanner(HTMLParser):
    """Elements and attributes that only a payload turned into markup would create."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attrs)}>"[:160]
        if tag in INJECTED_TAGS or (tag == "meta" and any(k == "http-equiv" for k, _ in attrs)):
            self.problems.append(f"injected element {shown}")
        if tag == "img" and any(k == "src" and v == "x" for k, v in attrs):
            self.problems.append(f"injected image {shown}")
        for name, value in attrs:
            text = (value or "").strip().lower()
            if (name.startswith("on") or name.startswith("hx-on")) and "1337" in text:
                self.problems.append(f"event handler from a payload {shown}")
            if name in URL_ATTRIBUTES and re.sub(r"[\s\x00-\x1f]", "", text).startswith(
                "javascript:"
            ):
                self.problems.append(f"javascript: URL {shown}")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "1337" in data:
            self.problems.append(f"payload inside a script: {data[:120]!r}")


def html_problems(body: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(body)
    problems = scanner.problems
    for raw in ("<script>alert(1337)", "<img src=x onerror", "<svg onload", "<svg/onload"):
        if raw in body:
            problems.append(f"raw {raw!r}")
    problems += [f"evaluated template: {mark}" for mark in RENDERED_MARKS if mark in body]
    if "md5$" in body:
        problems.append("a password hash is shown")
    return problems


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_problems(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [
        f"formula cell {cell!r}" for row in rows for cell in row if cell.startswith(FORMULA_START)
    ]


def unfolded_lines(body: bytes) -> list[str]:
    return body.decode().replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def calendar_problems(body: bytes) -> list[str]:
    problems = []
    text = body.decode()
    if "\r" in text.replace("\r\n", "") or "\n" in text.replace("\r\n", ""):
        problems.append("a bare line break inside a calendar line")
    allowed = {
        "VCALENDAR": {
            "PRODID",
            "VERSION",
            "CALSCALE",
            "METHOD",
            "X-WR-CALNAME",
            "X-WR-CALDESC",
            "X-WR-TIMEZONE",
            "REFRESH-INTERVAL",
            "X-PUBLISHED-TTL",
        },
        "VEVENT": {
            "UID",
            "DTSTAMP",
            "DTSTART",
            "DTEND",
            "SUMMARY",
            "DESCRIPTION",
            "LOCATION",
            "URL",
            "SEQUENCE",
            "STATUS",
            "LAST-MODIFIED",
            "ORGANIZER",
            "ATTENDEE",
            "TRANSP",
        },
        "VALARM": {"ACTION", "TRIGGER", "DESCRIPTION"},
    }
    for component in Calendar.from_ical(body).walk():
        extra = set(component.keys()) - allowed.get(component.name, set(component.keys()))
        if extra:
            problems.append(f"{component.name} has unexpected properties {sorted(extra)}")
        attendees = component.get("ATTENDEE", []) if component.name == "VEVENT" else []
        for attendee in attendees if isinstance(attendees, list) else [attendees]:
            if "evil.example" in str(attendee) or "X-INJECTED" in attendee.params:
                problems.append(f"injected attendee {attendee!r}")
    lines = unfolded_lines(body)
    for line in lines:
        if re.match(r"(ATTENDEE|ORGANIZER)[;:]", line) and "mailto:attacker@" in line:
            problems.append(f"injected line {line[:80]!r}")
    events = [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]
    if lines.count("BEGIN:VEVENT") != len(events):
        problems.append("an event begins where none was written")
    return problems


def problems_of(response: Any) -> list[str]:
    kind = response.headers.get("Content-Type", "").split(";")[0]
    body = response.content
    if kind == "text/html":
        return html_problems(body.decode())
    if kind == "text/csv":
        return csv_problems(body.decode())
    if kind == "text/calendar":
        return calendar_problems(body)
    if kind in ("application/json", "text/vcard", "application/pdf"):
        return []  # parsed and compared in the tests below
    return [f"unexpected content type {kind!r}"]


# ------------------------------------------------------------------------------ every page


def test_every_user_data_model_has_a_row_holding_payloads(world: World) -> None:
    missing = [
        label(model)
        for model in coffeechat_models()
        if label(model) not in NOT_USER_DATA and not rows_of(model, world.user).exists()
    ]
    assert missing == [], f"add a row of each to the escaping world: {missing}"


def test_every_text_field_holds_a_payload(world: World) -> None:
    plain = [
        label(model, f.name)
        for model in coffeechat_models()
        if label(model) not in NOT_USER_DATA
        for f in text_fields(model)
        if not rows_of(model, world.user).filter(**{f"{f.name}__contains": "<"}).exists()
    ]
    assert plain == []


def test_every_get_route_can_be_filled(world: World) -> None:
    unfilled = [
        f"{route.name} ({route.pattern})" for route in all_routes() if fill(route, world) is None
    ]
    assert unfilled == [], "add these routes' objects to OBJECT_OF_PREFIX / OBJECT_OF_PARAMETER"


def test_every_page_shows_payloads_as_text(world: World) -> None:
    failures: dict[str, list[str]] = {}
    shown = []
    hostile = {"q": SHORT, "tag": SHORT, "page": SHORT, SHORT: SHORT}
    for route in all_routes():
        if route.name in OWN_TEST:
            continue
        for path in fill(route, world) or []:
            # Query strings are read by the lists and search pages: those get a hostile one too.
            for params in ({}, hostile) if not route.parameters else ({},):
                response = fetch(world, path, **params)
                where = f"{route.name} GET {path}{' with hostile query' if params else ''}"
                expected = {NOT_A_PAGE.get(route.name, 200), *OK_STATUSES}
                if path.startswith("/api/"):
                    expected.add(422)  # a missing or hostile query parameter, refused in JSON
                if response.status_code not in expected:
                    failures[where] = [f"status {response.status_code}"]
                    continue
                if response.status_code != 200:
                    continue
                if problems := problems_of(response):
                    failures[where] = problems
                if b"&lt;script&gt;alert(1337)" in response.content:
                    shown.append(path)
    assert failures == {}, "\n".join(f"{where}: {found}" for where, found in failures.items())
    # Not vacuous: the payloads are on the pages, as text.
    assert {f"/people/{world.pk('person')}/", f"/interviews/{world.pk('interview')}/"} <= set(shown)


def test_a_template_payload_is_shown_literally(world: World) -> None:
    body = world.client.get(f"/people/{world.pk('person')}/").content.decode()
    assert "{{ 7*7 }}" in body
    assert "1337000" not in body


def test_a_javascript_url_is_refused_by_every_url_field(world: World) -> None:
    accepted = []
    for model in coffeechat_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, models.URLField):
                for value in ("javascript:alert(1337)", "JaVaScRiPt://x/%0aalert(1337)"):
                    _, refused = attempt(partial(model_field.clean, value, None), ValidationError)
                    if refused is None:
                        accepted.append(f"{label(model, model_field.name)} {value}")
    assert accepted == []


def test_the_person_form_refuses_a_javascript_profile_url(world: World) -> None:
    person = world.objects["referred"]
    response = world.client.post(
        f"/people/{person.pk}/edit/",
        {"name": "Ann", "profile_url": "javascript:alert(1337)", "relationship": "friend"},
    )
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    person.refresh_from_db()
    assert person.profile_url == SAFE_URL


# ------------------------------------------------------------------------------ files


def _pdf_text(body: bytes) -> str:
    return "".join(
        "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages).split()
    )


def test_the_pdf_brief_shows_the_payload_literally(owner: User, owner_client: Client) -> None:
    # Its own small interview: WeasyPrint takes minutes over the world's pages of payloads.
    person = PersonFactory(owner=owner, name=XSS[0], what_they_do=" ".join(TEMPLATE))
    interview = InterviewFactory(owner=owner, person=person, topic=SHORT)
    PreparationFactory(interview=interview, why_them=" ".join(XSS[:6]))
    response = owner_client.get(f"/interviews/{interview.pk}/brief.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "<script>alert(1337)</script>" in text
    assert '"><imgsrc=xonerror=alert(1337)>' in text
    assert "{{7*7}}" in text
    assert not any(mark in text for mark in RENDERED_MARKS)


def test_the_html_brief_escapes_the_payload(world: World) -> None:
    body = world.client.get(f"/interviews/{world.pk('interview')}/brief/").content.decode()
    assert html_problems(body) == []
    assert "&quot;&gt;&lt;script&gt;alert(1337)&lt;/script&gt;{{ 7*7 }}" in body


def _events(body: bytes) -> list[Any]:
    return [c for c in Calendar.from_ical(body).walk() if c.name == "VEVENT"]


def _one_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def test_the_invite_is_one_event_without_injected_properties(world: World) -> None:
    interview = world.objects["interview"]
    body = world.client.get(f"/interviews/{interview.pk}/invite.ics").content
    assert calendar_problems(body) == []
    [event] = _events(body)
    assert str(event["ATTENDEE"]) == f"mailto:{NASTY_EMAIL}"
    assert str(event["ORGANIZER"]) == f"mailto:{world.user.email}"
    assert f"Topic: {_one_line_breaks(interview.topic)}" in str(event["DESCRIPTION"])


def test_the_invite_keeps_line_breaks_of_a_place_as_text(world: World) -> None:
    at_cafe = world.objects["at_cafe"]
    type(at_cafe).objects.filter(pk=at_cafe.pk).update(location=LINE_INJECTION[0])
    body = world.client.get(f"/interviews/{at_cafe.pk}/invite.ics").content
    assert calendar_problems(body) == []
    [event] = _events(body)
    assert str(event["LOCATION"]) == _one_line_breaks(LINE_INJECTION[0])
    assert b"\\nATTENDEE:mailto:attacker@evil.example" in body.replace(b"\r\n ", b"")


def test_the_feed_holds_only_the_expected_events(world: World) -> None:
    body = world.client.get(f"/feeds/{world.feed_secret}.ics").content
    assert calendar_problems(body) == []
    # Two scheduled interviews and two open tasks with a due date.
    assert len(_events(body)) == 4


def test_the_calendar_export_holds_only_the_expected_events(world: World) -> None:
    body = world.client.get("/export/ics/").content
    assert calendar_problems(body) == []
    assert len(_events(body)) == 4


def test_the_csv_export_neutralises_every_formula(world: World) -> None:
    text = world.client.get("/export/csv/").content.decode()
    assert csv_problems(text) == []
    names = [row[0] for row in csv.reader(io.StringIO(text, newline=""))][1:]
    for payload in FORMULA:
        assert "'" + payload in names
    emails = {row[3] for row in csv.reader(io.StringIO(text, newline=""))}
    assert f"{NASTY_EMAIL}; {FORMULA_EMAIL}" in emails


def test_the_vcard_export_round_trips_without_injected_properties(world: World) -> None:
    body = world.client.get("/export/vcard/").content.decode()
    cards = list(vobject.readComponents(body))
    people = Person.objects.filter(owner=world.user).order_by("name", "id")
    assert len(cards) == people.count()
    allowed = {"version", "uid", "fn", "n", "org", "title", "email", "tel", "url", "adr", "tz",
               "x-coffeechat-relationship-since", "rev"}  # fmt: skip
    for card, person in zip(cards, people, strict=True):
        assert set(card.contents) <= allowed, person.pk
        assert card.fn.value == _one_line_breaks(person.name)
        assert [line.value for line in card.contents.get("email", [])] == person.emails


def test_the_json_export_round_trips_into_another_account(world: World) -> None:
    body = world.client.get("/export/json/").content
    document = json.loads(body)
    stored = sorted(Person.objects.filter(owner=world.user).values_list("name", flat=True))
    assert sorted(p["name"] for p in document["people"]) == stored
    other = UserFactory(username="trudy")
    run_import(other, "json", body, "export.json")
    assert sorted(Person.objects.filter(owner=other).values_list("name", flat=True)) == stored
    notes = Person.objects.filter(owner=other).values_list("what_they_do", flat=True)
    assert sorted(notes) == sorted(
        Person.objects.filter(owner=world.user).values_list("what_they_do", flat=True)
    )


def test_every_api_answer_is_json_that_keeps_the_payload(world: World) -> None:
    person = world.objects["person"]
    response = fetch(world, f"/api/v1/people/{person.pk}")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert json.loads(response.content)["name"] == person.name
