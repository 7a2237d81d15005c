"""JSON API of the cooperation registry: ``/api/v1/framework/…``."""

from typing import Literal

from ninja import Router, Schema
from ninja.errors import HttpError

from lmec.core.api import ERROR_RESPONSES, Lang, language_of

from .. import selectors
from ..models import Activity

router = Router(tags=["framework"])


class ActivityOut(Schema):
    code: str
    label: str
    direction: str
    action: str
    name: str
    name_original: str
    timing: Literal["annual", "period"]
    start_year: int
    end_year: int
    launched_year: int | None
    timing_text: str


class ActionOut(Schema):
    code: str
    number: int
    name: str
    activities: list[ActivityOut]


class DirectionOut(Schema):
    code: str
    number: int
    name: str
    name_original: str
    actions: list[ActionOut]


class ListOut(Schema):
    language: str
    count: int


class DirectionList(ListOut):
    items: list[DirectionOut]


class ActivityList(ListOut):
    items: list[ActivityOut]


def _activity(activity: Activity, direction_code: str, action_code: str) -> dict:
    return {
        "code": activity.code,
        "label": activity.label,
        "direction": direction_code,
        "action": action_code,
        "name": activity.name,
        "name_original": activity.name_zh_hans,
        "timing": activity.timing,
        "start_year": activity.start_year,
        "end_year": activity.end_year,
        "launched_year": activity.launched_year,
        "timing_text": activity.timing_text,
    }


@router.get(
    "/directions",
    response={200: DirectionList, **ERROR_RESPONSES},
    summary="Strategic directions",
)
def list_directions(request, lang: Lang = None):
    """The five strategic directions with their actions and activities, in one language."""
    with language_of(request, lang) as code:
        items = [
            {
                "code": direction.code,
                "number": direction.number,
                "name": direction.name,
                "name_original": direction.name_zh_hans,
                "actions": [
                    {
                        "code": action.code,
                        "number": action.number,
                        "name": action.name,
                        "activities": [
                            _activity(activity, direction.code, action.code)
                            for activity in action.activities.all()
                        ],
                    }
                    for action in direction.actions.all()
                ],
            }
            for direction in selectors.direction_list()
        ]
    return {"language": code, "count": len(items), "items": items}


@router.get(
    "/activities",
    response={200: ActivityList, **ERROR_RESPONSES},
    summary="Activities of the action table",
)
def list_activities(
    request,
    direction: str | None = None,
    timing: Literal["annual", "period"] | None = None,
    lang: Lang = None,
):
    """All 31 activities, or those of one direction (``?direction=D4``) or timing. An
    unknown direction answers 404 naming the directions (they are data, not a fixed list
    the schema could give)."""
    if direction:
        codes = selectors.direction_codes()
        if direction.upper() not in codes:
            raise HttpError(
                404, f"Unknown direction {direction!r}; choose one of {', '.join(codes)}."
            )
    with language_of(request, lang) as code:
        items = [
            _activity(activity, activity.action.direction.code, activity.action.code)
            for activity in selectors.activity_list(direction=direction, timing=timing)
        ]
    return {"language": code, "count": len(items), "items": items}
