"""Writes of the cooperation app: loading the strategy registry."""

from collections import Counter
from pathlib import Path

from django.db import transaction

from lmec.core.models import Theme
from lmec.core.services import translated_values, upsert_countries, upsert_row

from .. import registry
from ..models import (
    Action,
    Activity,
    CooperationForm,
    Direction,
    FundingSourceType,
    ImplementingArrangement,
    Objective,
    Principle,
    PriorityArea,
    PriorityItem,
    Strategy,
)

STRATEGY_SLUG = "2023-2027"


@transaction.atomic
def load_strategy(
    *,
    strategy_file: Path = registry.STRATEGY_FILE,
    priority_areas_file: Path = registry.PRIORITY_AREAS_FILE,
) -> Counter:
    """Load (or refresh) the strategy registry from its data files.

    Both files are checked before anything is written; a file with problems raises
    :class:`~lmec.cooperation.registry.StrategyDataError` and the database is left as it
    was. Running it twice changes nothing. Returns counts such as ``{"created": 96,
    "updated": 0, "unchanged": 0}``.
    """
    data = registry.read_strategy(strategy_file)
    areas_data = registry.read_priority_areas(priority_areas_file)
    counts: Counter = Counter()

    def put(model, lookup, values):
        obj, outcome = upsert_row(model, lookup=lookup, values=values)
        counts[outcome] += 1
        return obj

    source = data["source"]
    strategy = put(
        Strategy,
        {"slug": STRATEGY_SLUG},
        {
            "start_year": source["period"][0],
            "end_year": source["period"][1],
            "source_document": source.get("document", ""),
            **translated_values("title", source["title"]),
            **translated_values("publisher", source["publisher"]),
            **translated_values("intro", areas_data["intro"]),
            **translated_values("cooperation_forms_text", data["cooperation_forms_text"]),
            **translated_values("assessment_text", data["assessment_text"]),
        },
    )
    counts.update(upsert_countries(countries=data["countries"]))
    for position, theme in enumerate(data["knowledge_themes"]):
        put(
            Theme,
            {"code": theme["code"]},
            {"position": position, **translated_values("name", theme["name"])},
        )
    for model, key in (
        (Objective, "objectives"),
        (Principle, "principles"),
        (ImplementingArrangement, "implementing_arrangements"),
    ):
        for item in data[key]:
            put(
                model,
                {"strategy": strategy, "code": item["code"]},
                {"number": item["number"], **translated_values("text", item["text"])},
            )
    for item in data["funding_sources"]:
        put(
            FundingSourceType,
            {"strategy": strategy, "code": item["code"]},
            {"number": item["number"], **translated_values("name", item["name"])},
        )
    for position, item in enumerate(data["cooperation_forms"]):
        put(
            CooperationForm,
            {"strategy": strategy, "code": item["code"]},
            {"position": position, **translated_values("name", item["name"])},
        )

    areas_by_code = _load_priority_areas(strategy, areas_data, put)
    for direction_data in data["directions"]:
        direction = put(
            Direction,
            {"strategy": strategy, "code": direction_data["code"]},
            {
                "number": direction_data["number"],
                **translated_values("name", direction_data["name"]),
            },
        )
        wanted = {
            areas_by_code[code] for code in direction_data.get("areas", []) if code in areas_by_code
        }
        if set(direction.areas.all()) != wanted:
            direction.areas.set(wanted)
        for action_data in direction_data["actions"]:
            action = put(
                Action,
                {"direction": direction, "code": action_data["code"]},
                {"number": action_data["number"], **translated_values("name", action_data["name"])},
            )
            for position, activity in enumerate(action_data["activities"]):
                timing = activity["timing"]
                put(
                    Activity,
                    {"action": action, "code": activity["code"]},
                    {
                        "label": str(activity.get("label", "")),
                        "position": position,
                        "timing": timing["kind"],
                        "start_year": timing["start"],
                        "end_year": timing["end"],
                        "launched_year": timing.get("launched"),
                        **translated_values("name", activity["name"]),
                        **translated_values("timing_text", timing["text"]),
                    },
                )
    return counts


def _load_priority_areas(strategy: Strategy, data: dict, put) -> dict[str, PriorityArea]:
    by_code = {}
    position = 0

    def load_area(area_data: dict, parent: PriorityArea | None) -> PriorityArea:
        nonlocal position
        position += 1
        notes = area_data.get("notes") or []
        joined_notes = (
            {lang: "\n".join(note[lang] for note in notes) for lang in registry.LANGUAGES}
            if notes
            else {lang: "" for lang in registry.LANGUAGES}
        )
        area = put(
            PriorityArea,
            {"strategy": strategy, "code": str(area_data["code"])},
            {
                "parent": parent,
                "position": position,
                **translated_values("title", area_data["title"]),
                **translated_values(
                    "intro", area_data.get("intro") or {lang: "" for lang in registry.LANGUAGES}
                ),
                **translated_values("notes", joined_notes),
            },
        )
        by_code[area.code] = area
        for item in area_data.get("items") or []:
            put(
                PriorityItem,
                {"area": area, "code": str(item["code"])},
                {"number": item["number"], **translated_values("text", item["text"])},
            )
        for section in area_data.get("sections") or []:
            load_area(section, area)
        return area

    for area_data in data["areas"]:
        load_area(area_data, None)
    return by_code
