import json
from tests.factories import *

def show(label, r):
    try:
        body = r.json()
    except Exception:
        body = r.content[:100]
    print(f"\n## {label}: {r.status_code} {json.dumps(body, default=str)[:400]}")

def test_probe(owner, outsider, owner_api, outsider_api, client):
    owner_api.client.raise_request_exception = False
    p = PersonFactory(owner=owner)
    i = InterviewFactory(owner=owner, person=p)
    H = 10**20
    show("interviews person_id huge", owner_api.get("/api/v1/interviews", person_id=H))
    show("activities person_id huge", owner_api.get("/api/v1/activities", person_id=H))
    show("activities interview_id huge", owner_api.get("/api/v1/activities", interview_id=H))
    show("people org 2**63", owner_api.get("/api/v1/people", organization_id=2**63))
    show("people org 2**63-1", owner_api.get("/api/v1/people", organization_id=2**63-1))
    show("page 0", owner_api.get("/api/v1/people", page=0))
    show("page 2**62", owner_api.get("/api/v1/people", page=2**62))
    show("path abc", owner_api.get("/api/v1/people/abc"))
    show("phones bad", owner_api.post("/api/v1/people", {"name": "x", "phones": ["abc"]}))
    show("emails str", owner_api.post("/api/v1/people", {"name": "x", "emails": "a@b.co"}))
    show("title long", owner_api.post("/api/v1/people", {"name": "x", "title": "t" * 201}))
    show("name blank", owner_api.post("/api/v1/people", {"name": "   "}))
    show("rel since bad", owner_api.post("/api/v1/people", {"name": "x", "relationship_since": "nope"}))
    show("ref nonexistent", owner_api.post("/api/v1/people", {"name": "x", "referred_by_id": 9999}))
    show("iv dur 0", owner_api.post("/api/v1/interviews", {"topic": "x", "person_id": p.pk, "duration_minutes": 0}))
    show("iv stage bad", owner_api.post("/api/v1/interviews", {"topic": "x", "person_id": p.pk, "stage": "nope"}))
    show("iv patch stage bad", owner_api.patch(f"/api/v1/interviews/{i.pk}", {"stage": "nope"}))
    show("iv no person", owner_api.post("/api/v1/interviews", {"topic": "x"}))
    show("iv tz bad", owner_api.post("/api/v1/interviews", {"topic": "x", "person_id": p.pk, "time_zone": "X/Y"}))
    show("act patch naive", owner_api.patch(f"/api/v1/activities/{ActivityFactory(owner=owner).pk}", {"at": "2030-01-01T10:00"}))
    show("auth Token", owner_api.client.get("/api/v1/people", headers={"Authorization": "Token abc"}))
    show("auth Bearer empty", owner_api.client.get("/api/v1/people", headers={"Authorization": "Bearer "}))
    show("me email bad + tz good", owner_api.patch("/api/v1/me", {"email": "nope", "time_zone": "Europe/Paris"}))
    show("me", owner_api.get("/api/v1/me"))
    show("feed", owner_api.client.get(owner_api.get("/api/v1/me").json()["feed_url"]))
    show("tasks q", owner_api.get("/api/v1/tasks", q="x"))
    show("iv patch same stage", owner_api.patch(f"/api/v1/interviews/{i.pk}", {"stage": "idea"}))
    show("acts", owner_api.get("/api/v1/activities"))
