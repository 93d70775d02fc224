"""One ranked search over people, organizations, interviews, notes, debriefs and resources."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from coffeechat.api.common import request_user
from coffeechat.search.backends import DEFAULT_LIMIT, MAX_LIMIT, search
from coffeechat.search.models import Kind

router = Router(tags=["search"])

# Required, and with something besides spaces: a blank query answers 422 naming `q`.
QUERY: Any = Query(..., min_length=1, max_length=200, pattern=r"\S")  # type: ignore[type-arg]
LIMIT: Any = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)  # type: ignore[type-arg]
KINDS: Any = Query(None)  # type: ignore[type-arg]


class HitOut(Schema):
    kind: Kind
    id: int  # of the person, organization, interview, note, debrief (its interview) or resource
    title: str
    url: str  # the web page that shows it ("" for a note tied to no one)
    snippet: str  # HTML: the text around the first match, escaped, matches in <mark>
    rank: int  # 1 for the best hit


class SearchOut(Schema):
    items: list[HitOut]
    count: int  # how many items were returned (at most `limit`)


@router.get("", response=SearchOut)
def search_everything(
    request: HttpRequest, q: str = QUERY, limit: int = LIMIT, kind: list[Kind] | None = KINDS
) -> dict[str, Any]:
    """Hits matching more of the words first, then those with a word in their title, then by
    kind (people, organizations, interviews, notes, debriefs, resources), then the newest.
    The last word matches as the start of a word; at most four words are used."""
    hits = search(request_user(request), q, limit=limit, kinds=kind)
    items = [
        {
            "kind": hit.kind,
            "id": hit.id,
            "title": hit.title,
            "url": hit.url,
            "snippet": hit.snippet_html,
            "rank": hit.rank,
        }
        for hit in hits
    ]
    return {"items": items, "count": len(items)}
