"""Loading the strategy registry from its data files."""

import shutil
from collections import Counter

import pytest
import yaml

from lmec.cooperation import registry
from lmec.cooperation.models import Action, Activity, Direction, PriorityArea, PriorityItem
from lmec.cooperation.registry import StrategyDataError
from lmec.cooperation.services import load_strategy
from lmec.core.models import Country, Theme

pytestmark = pytest.mark.django_db


def test_it_loads_the_whole_action_table():
    assert Direction.objects.count() == 5
    assert Action.objects.count() == 13
    assert Activity.objects.count() == 31
    per_direction = Counter(Activity.objects.values_list("action__direction__code", flat=True))
    assert per_direction == {"D1": 6, "D2": 4, "D3": 7, "D4": 10, "D5": 4}


def test_it_gives_every_activity_a_stable_code_and_its_timing():
    codes = list(
        Activity.objects.order_by(
            "action__direction__number", "action__number", "position"
        ).values_list("code", flat=True)
    )
    assert codes[:3] == ["D1-A1-1", "D1-A1-2", "D1-A1-3"]
    assert "D4-A3-1" in codes and codes[-1] == "D5-A2-2"
    annual = set(Activity.objects.filter(timing="annual").values_list("code", flat=True))
    assert annual == {"D1-A1-1", "D1-A1-2", "D1-A1-3"}
    launched = dict(
        Activity.objects.filter(launched_year__isnull=False).values_list("code", "launched_year")
    )
    assert launched == {"D5-A1-1": 2021}
    assert set(Activity.objects.values_list("start_year", "end_year")) == {(2023, 2027)}


def test_it_keeps_the_chinese_original_and_six_translations():
    activity = Activity.objects.get(code="D4-A3-1")
    assert activity.name_zh_hans.startswith("推动澜湄国家城市大气环境监测示范项目")
    for lang in ("en", "th", "vi", "lo", "km", "my"):
        text = getattr(activity, f"name_{lang.replace('-', '_')}")
        assert text and text != activity.name_zh_hans
    assert activity.name_en != activity.name_th


def test_it_loads_chapter_four_objectives_funding_themes_and_countries():
    assert PriorityArea.objects.filter(parent__isnull=True).count() == 5
    assert set(
        PriorityArea.objects.filter(parent__isnull=False).values_list("code", flat=True)
    ) == {"4.1.1", "4.1.2", "4.3.1", "4.3.2", "4.4.1", "4.4.2", "4.4.3"}
    assert PriorityItem.objects.count() == 34
    assert Theme.objects.count() == 5
    assert set(Country.objects.values_list("code", flat=True)) == {
        "KH",
        "CN",
        "LA",
        "MM",
        "TH",
        "VN",
    }
    direction = Direction.objects.get(code="D4")
    assert list(direction.areas.values_list("code", flat=True)) == ["4.4"]


def test_it_changes_nothing_when_run_twice():
    counts = load_strategy()
    assert counts["created"] == 0 and counts["updated"] == 0
    assert counts["unchanged"] > 100


def test_it_updates_a_changed_translation(tmp_path):
    data = yaml.safe_load(registry.STRATEGY_FILE.read_text(encoding="utf-8"))
    data["directions"][0]["actions"][0]["activities"][0]["name"]["th"] = "ข้อความใหม่"
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    counts = load_strategy(strategy_file=path)
    assert counts["updated"] == 1
    assert Activity.objects.get(code="D1-A1-1").name_th == "ข้อความใหม่"


def _broken_copy(tmp_path, mutate) -> "Path":  # noqa: F821
    data = yaml.safe_load(registry.STRATEGY_FILE.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "strategy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_it_rejects_a_missing_translation_by_its_path_and_stores_nothing(tmp_path):
    def mutate(data):
        del data["directions"][3]["actions"][2]["activities"][0]["name"]["lo"]
        data["directions"][0]["name"]["en"] = "Changed, must not be stored"

    with pytest.raises(StrategyDataError) as error:
        load_strategy(strategy_file=_broken_copy(tmp_path, mutate))
    assert "directions[3].actions[2].activities[0].name: missing languages: lo" in str(error.value)
    assert Direction.objects.get(code="D1").name_en != "Changed, must not be stored"


def test_it_rejects_a_wrong_activity_code(tmp_path):
    def mutate(data):
        data["directions"][1]["actions"][0]["activities"][0]["code"] = "D9-A1-1"

    with pytest.raises(
        StrategyDataError, match=r"directions\[1\]\.actions\[0\]\.activities\[0\]\.code"
    ):
        load_strategy(strategy_file=_broken_copy(tmp_path, mutate))


def test_it_rejects_a_file_that_is_not_yaml(tmp_path):
    path = tmp_path / "strategy.yaml"
    shutil.copy(registry.STRATEGY_FILE, path)
    path.write_text("directions: [unclosed", encoding="utf-8")
    with pytest.raises(StrategyDataError, match="not valid YAML"):
        load_strategy(strategy_file=path)


def test_it_rejects_timing_outside_the_strategy_period(tmp_path):
    def mutate(data):
        data["directions"][2]["actions"][1]["activities"][1]["timing"]["end"] = 2031

    with pytest.raises(StrategyDataError, match="outside the strategy period"):
        load_strategy(strategy_file=_broken_copy(tmp_path, mutate))
