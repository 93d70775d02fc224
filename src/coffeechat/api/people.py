from __future__ import annotations

from datetime import date, datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import ID_FILTER, Pages, apply, owned, patch_data, request_user
from coffeechat.people.models import Channel, HiringPower, Organization, Person, Relationship
from coffeechat.people.services import get_person, people_of, save_person, search_people

router = Router(tags=["people"])


class PersonIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    title: str = ""
    organization_id: int | None = None
    location: str = ""
    time_zone: str = ""
    emails: list[str] = []
    phones: list[str] = []
    profile_url: str = ""
    relationship: Relationship = Relationship.NEW_CONNECTION
    relationship_context: str = ""
    relationship_since: date | None = None
    preferred_channel: Channel = Channel.EMAIL
    hiring_power: HiringPower = HiringPower.UNKNOWN
    tags: list[str] = []
    what_they_do: str = ""
    what_they_have_done: str = ""
    referred_by_id: int | None = None


class PersonPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    title: str | None = None
    organization_id: int | None = None
    location: str | None = None
    time_zone: str | None = None
    emails: list[str] | None = None
    phones: list[str] | None = None
    profile_url: str | None = None
    relationship: Relationship | None = None
    relationship_context: str | None = None
    relationship_since: date | None = None
    preferred_channel: Channel | None = None
    hiring_power: HiringPower | None = None
    tags: list[str] | None = None
    what_they_do: str | None = None
    what_they_have_done: str | None = None
    referred_by_id: int | None = None


class PersonOut(Schema):
    id: int
    name: str
    title: str
    organization_id: int | None
    organization_name: str | None = Field(None, alias="organization.name")
    location: str
    time_zone: str
    emails: list[str]
    phones: list[str]
    profile_url: str
    relationship: str
    relationship_context: str
    relationship_since: date | None
    preferred_channel: str
    hiring_power: str
    tags: list[str]
    what_they_do: str
    what_they_have_done: str
    referred_by_id: int | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_tags(person: Person) -> list[str]:
        return [tag.name for tag in person.tags.all()]


def _save(request: HttpRequest, person: Person, data: dict[str, object]) -> Person:
    user = request_user(request)
    tags = data.pop("tags", None)
    if "organization_id" in data:
        owned(Organization, user, data["organization_id"], "organization_id")  # type: ignore[arg-type]
    if "referred_by_id" in data:
        owned(Person, user, data["referred_by_id"], "referred_by_id")  # type: ignore[arg-type]
    apply(person, data)
    save_person(person, tags=tags)  # type: ignore[arg-type]
    return get_person(user, person.pk)


@router.get("", response=list[PersonOut])
@paginate(Pages, page_size=50)
def list_people(
    request: HttpRequest,
    q: str = "",
    organization_id: int | None = ID_FILTER,
    tag: str = "",
    relationship: str = "",
    stage: str = "",
) -> QuerySet[Person]:
    return search_people(
        people_of(request_user(request)),
        q=q,
        organization_id=organization_id,
        tag=tag,
        relationship=relationship,
        stage=stage,
    )


@router.post("", response={201: PersonOut})
def create_person(request: HttpRequest, payload: PersonIn) -> Status[Person]:
    person = Person(owner=request_user(request))
    return Status(201, _save(request, person, payload.dict()))


@router.get("/{person_id}", response=PersonOut)
def read_person(request: HttpRequest, person_id: int) -> Person:
    return get_person(request_user(request), person_id)


@router.patch("/{person_id}", response=PersonOut)
def update_person(request: HttpRequest, person_id: int, payload: PersonPatch) -> Person:
    person = get_person(request_user(request), person_id)
    return _save(request, person, patch_data(payload, Person))


@router.delete("/{person_id}", response={204: None})
def delete_person(request: HttpRequest, person_id: int) -> Status[None]:
    get_person(request_user(request), person_id).delete()
    return Status(204, None)
