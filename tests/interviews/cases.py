"""Cases shared by the service and view tests of interviews."""

from coffeechat.interviews.models import ActivityKind, Stage

# Moving to a stage records what happened: these stages say it, the others are a stage change.
STAGE_ACTIVITY = [
    (Stage.REQUESTED, ActivityKind.REQUEST_SENT),
    (Stage.SCHEDULED, ActivityKind.SCHEDULED),
    (Stage.HELD, ActivityKind.HELD),
    (Stage.THANKED, ActivityKind.THANK_YOU_SENT),
    (Stage.RESEARCHING, ActivityKind.STAGE_CHANGED),
    (Stage.CLOSED, ActivityKind.STAGE_CHANGED),
    (Stage.DECLINED, ActivityKind.STAGE_CHANGED),
    (Stage.NO_RESPONSE, ActivityKind.STAGE_CHANGED),
    (Stage.CANCELLED, ActivityKind.STAGE_CHANGED),
]
