"""Reading and checking the strategy data files (no database access).

``data/strategy.yaml`` holds the framework (objectives, principles, the action table,
funding sources, arrangements, forms, themes, countries); ``data/priority_areas.yaml``
holds chapter 4. Every text is a mapping with one entry per UI language. A file that does
not match the schema is rejected as a whole with every problem listed by its path, e.g.
``directions[3].actions[2].activities[0].name: missing languages: lo``.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
STRATEGY_FILE = DATA_DIR / "strategy.yaml"
PRIORITY_AREAS_FILE = DATA_DIR / "priority_areas.yaml"
LANGUAGES = ("zh-hans", "en", "th", "vi", "lo", "km", "my")

ACTIVITY_CODE = re.compile(r"^D(?P<d>\d)-A(?P<a>\d)-(?P<n>\d+)$")


class StrategyDataError(ValueError):
    """The strategy data files do not match their schema; ``problems`` lists each one."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        shown = "\n  ".join(problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{source}: {len(problems)} problem(s):\n  {shown}{more}")


@dataclass
class Checker:
    """Collects schema problems with their paths instead of stopping at the first."""

    problems: list[str] = field(default_factory=list)

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def texts(self, node: dict, key: str, path: str, *, required: bool = True) -> None:
        value = node.get(key) if isinstance(node, dict) else None
        where = f"{path}.{key}"
        if value is None:
            if required:
                self.fail(where, "missing")
            return
        if not isinstance(value, dict):
            self.fail(where, "must be a mapping of language -> text")
            return
        missing = [lang for lang in LANGUAGES if not str(value.get(lang) or "").strip()]
        if missing:
            self.fail(where, f"missing languages: {', '.join(missing)}")
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            self.fail(where, f"unknown languages: {', '.join(unknown)}")

    def items(self, node: dict, key: str, path: str, *, count: int | None = None) -> list:
        value = node.get(key) if isinstance(node, dict) else None
        where = f"{path}.{key}" if path else key
        if not isinstance(value, list):
            self.fail(where, "must be a list")
            return []
        if count is not None and len(value) != count:
            self.fail(where, f"expected {count} entries, found {len(value)}")
        codes = [item.get("code") for item in value if isinstance(item, dict)]
        duplicates = sorted({c for c in codes if codes.count(c) > 1 and c is not None})
        if duplicates:
            self.fail(where, f"duplicate codes: {', '.join(map(str, duplicates))}")
        return [item if isinstance(item, dict) else {} for item in value]


def read_yaml(path: Path) -> dict:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError:
        raise StrategyDataError(str(path), ["file not found"]) from None
    except yaml.YAMLError as error:
        raise StrategyDataError(str(path), [f"not valid YAML: {error}"]) from None
    if not isinstance(data, dict):
        raise StrategyDataError(str(path), ["top level must be a mapping"])
    return data


#: How many entries the seed's sections have; a file that differs is not the strategy.
STRATEGY_COUNTS = {
    "objectives": 6,
    "principles": 4,
    "directions": 5,
    "funding_sources": 6,
    "implementing_arrangements": 3,
    "knowledge_themes": 5,
    "countries": 6,
}
ACTIONS_PER_DIRECTION = {"D1": 2, "D2": 3, "D3": 3, "D4": 3, "D5": 2}


def check_strategy(data: dict) -> list[str]:
    """Every problem of a parsed ``strategy.yaml``, by path (empty when valid)."""
    check = Checker()
    source = data.get("source") or {}
    check.texts(source, "title", "source")
    check.texts(source, "publisher", "source")
    period = source.get("period")
    if not (
        isinstance(period, list) and len(period) == 2 and all(isinstance(y, int) for y in period)
    ):
        check.fail("source.period", "must be [first_year, last_year]")
    for key in ("cooperation_forms_text", "assessment_text"):
        check.texts(data, key, "")
    for key in ("objectives", "principles", "implementing_arrangements"):
        for i, item in enumerate(check.items(data, key, "", count=STRATEGY_COUNTS[key])):
            check.texts(item, "text", f"{key}[{i}]")
    for key in ("funding_sources", "knowledge_themes", "countries"):
        for i, item in enumerate(check.items(data, key, "", count=STRATEGY_COUNTS.get(key))):
            check.texts(item, "name", f"{key}[{i}]")
    for i, item in enumerate(check.items(data, "cooperation_forms", "")):
        check.texts(item, "name", f"cooperation_forms[{i}]")
    for d, direction in enumerate(check.items(data, "directions", "", count=5)):
        dpath = f"directions[{d}]"
        check.texts(direction, "name", dpath)
        dcode = direction.get("code")
        expected_actions = ACTIONS_PER_DIRECTION.get(dcode)
        if expected_actions is None:
            check.fail(f"{dpath}.code", f"unknown direction code {dcode!r}")
        for a, action in enumerate(
            check.items(direction, "actions", dpath, count=expected_actions)
        ):
            apath = f"{dpath}.actions[{a}]"
            check.texts(action, "name", apath)
            if action.get("code") != f"{dcode}-A{action.get('number')}":
                check.fail(
                    f"{apath}.code",
                    f"{action.get('code')!r} does not match its direction and number",
                )
            for n, activity in enumerate(check.items(action, "activities", apath)):
                _check_activity(
                    check, activity, f"{apath}.activities[{n}]", action.get("code"), period
                )
    return check.problems


def _check_activity(check: Checker, activity: dict, path: str, action_code, period) -> None:
    check.texts(activity, "name", path)
    code = str(activity.get("code"))
    if not ACTIVITY_CODE.match(code) or not code.startswith(f"{action_code}-"):
        check.fail(f"{path}.code", f"{code!r} is not of the form {action_code}-<n>")
    timing = activity.get("timing") or {}
    if timing.get("kind") not in ("annual", "period"):
        check.fail(f"{path}.timing.kind", "must be 'annual' or 'period'")
    start, end = timing.get("start"), timing.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and start <= end):
        check.fail(f"{path}.timing", "start and end must be years with start <= end")
    elif (
        isinstance(period, list)
        and len(period) == 2
        and not (period[0] <= start and end <= period[1])
    ):
        check.fail(f"{path}.timing", f"{start}-{end} lies outside the strategy period")
    launched = timing.get("launched")
    if launched is not None and not isinstance(launched, int):
        check.fail(f"{path}.timing.launched", "must be a year or null")
    check.texts(timing, "text", f"{path}.timing")


def check_priority_areas(data: dict) -> list[str]:
    """Every problem of a parsed ``priority_areas.yaml``, by path (empty when valid)."""
    check = Checker()
    check.texts(data, "intro", "")
    for i, area in enumerate(check.items(data, "areas", "", count=5)):
        path = f"areas[{i}]"
        check.texts(area, "title", path)
        check.texts(area, "intro", path, required=False)
        for n, note in enumerate(area.get("notes") or []):
            check.texts({"note": note}, "note", f"{path}.notes[{n}]")
        for j, item in enumerate(check.items(area, "items", path)):
            check.texts(item, "text", f"{path}.items[{j}]")
        for s, section in enumerate(check.items(area, "sections", path)):
            spath = f"{path}.sections[{s}]"
            check.texts(section, "title", spath)
            check.texts(section, "intro", spath, required=False)
            items = check.items(section, "items", spath)
            if not items:
                check.fail(f"{spath}.items", "a section lists at least one item")
            for j, item in enumerate(items):
                check.texts(item, "text", f"{spath}.items[{j}]")
    return check.problems


def _read_checked(path: Path, check) -> dict:
    data = read_yaml(path)
    problems = check(data)
    if problems:
        raise StrategyDataError(str(path), problems)
    return data


def read_strategy(path: Path = STRATEGY_FILE) -> dict:
    """The checked contents of ``strategy.yaml``; raises :class:`StrategyDataError`."""
    return _read_checked(path, check_strategy)


def read_priority_areas(path: Path = PRIORITY_AREAS_FILE) -> dict:
    """The checked contents of ``priority_areas.yaml``; raises :class:`StrategyDataError`."""
    return _read_checked(path, check_priority_areas)
