from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from coffeechat.api.common import Pages, apply, patch_data, request_user
from coffeechat.people.models import Organization
from coffeechat.people.services import get_organization, save_organization, search_organizations

router = Router(tags=["organizations"])


class OrganizationIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    website: str = ""
    industry: str = ""
    location: str = ""
    research_notes: str = ""


class OrganizationPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    website: str | None = None
    industry: str | None = None
    location: str | None = None
    research_notes: str | None = None


class OrganizationOut(Schema):
    id: int
    name: str
    website: str
    industry: str
    location: str
    research_notes: str
    created_at: datetime
    updated_at: datetime


@router.get("", response=list[OrganizationOut])
@paginate(Pages, page_size=50)
def list_organizations(request: HttpRequest, q: str = "") -> QuerySet[Organization]:
    return search_organizations(request_user(request), q)


@router.post("", response={201: OrganizationOut})
def create_organization(request: HttpRequest, payload: OrganizationIn) -> Status[Organization]:
    organization = Organization(owner=request_user(request), **payload.dict())
    return Status(201, save_organization(organization))


@router.get("/{organization_id}", response=OrganizationOut)
def read_organization(request: HttpRequest, organization_id: int) -> Organization:
    return get_organization(request_user(request), organization_id)


@router.patch("/{organization_id}", response=OrganizationOut)
def update_organization(
    request: HttpRequest, organization_id: int, payload: OrganizationPatch
) -> Organization:
    organization = get_organization(request_user(request), organization_id)
    apply(organization, patch_data(payload, Organization))
    return save_organization(organization)


@router.delete("/{organization_id}", response={204: None})
def delete_organization(request: HttpRequest, organization_id: int) -> Status[None]:
    get_organization(request_user(request), organization_id).delete()
    return Status(204, None)
