"""Every name lmec.quality gives the page has a translated label."""

from django.utils import translation

from lmec.monitoring import labels
from lmec.quality import aqi, reference, water


def test_it_has_a_label_for_every_category_of_every_standard():
    for std in aqi.STANDARDS.values():
        assert std.id in labels.DOCUMENTS
        for category in std.categories:
            assert (std.country, category.key) in labels.CATEGORIES, (std.id, category.key)


def test_it_has_a_label_for_every_averaging_period():
    periods = {p.averaging for s in aqi.STANDARDS.values() for p in s.pollutants.values()}
    assert periods <= set(labels.AVERAGING)
    assert {a for _, a in reference.COMPARE_INPUTS.values()} <= set(labels.AVERAGING)


def test_it_has_a_label_for_every_water_parameter_shown():
    shown = {row["parameter"] for row in water.reference_table()}
    assert shown - {"ph"} <= set(labels.WATER_PARAMETERS)


def test_it_uses_the_official_names_where_the_language_is_the_standards_own():
    names = {}
    for lang in ("zh-hans", "th", "vi"):
        with translation.override(lang):
            names[lang] = {
                std.id: [labels.category_name(std, c) for c in std.categories]
                for std in aqi.STANDARDS.values()
            }
    official = {
        std.id: [c.names[lang] for c in std.categories]
        for std in aqi.STANDARDS.values()
        for lang in std.languages
        if lang != "en"
    }
    assert names["zh-hans"]["cn-hj633-2012"] == official["cn-hj633-2012"]
    assert names["vi"]["vn-1459-2019"] == official["vn-1459-2019"]
    # PCD's official names carry the words "air quality"; the label is the short form
    assert all(
        label in full
        for label, full in zip(names["th"]["th-pcd-2023"], official["th-pcd-2023"], strict=True)
    )
