"""Custom indicators: every write × every role, and the data checks."""

import pytest
from django.core.exceptions import PermissionDenied

from lmec.cooperation.models import Indicator, IndicatorValue
from lmec.cooperation.services import indicators as services
from lmec.cooperation.services.indicators import IndicatorInvalid

pytestmark = pytest.mark.django_db

ROLES = ["admin", "editor", "member", "provider", "anonymous", "focal_th", "focal_vn"]


def who(users, role):
    if role.startswith("focal_"):
        return users.focal[role[-2:].upper()]
    return getattr(users, role)


@pytest.fixture
def indicator(db):
    return Indicator.objects.create(
        code="cities-pm25", name="Cities meeting the PM2.5 limit", unit="%", baseline=40
    )


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("admin", True),
        ("editor", True),
        ("member", False),
        ("provider", False),
        ("anonymous", False),
        ("focal_th", False),
        ("focal_vn", False),
    ],
)
def test_it_lets_only_the_secretariat_create_an_indicator(users, role, allowed):
    data = {"code": "new-one", "name": "New", "direction": "D4"}
    if allowed:
        created = services.create_indicator(user=who(users, role), data=data)
        assert (created.code, created.direction.code) == ("new-one", "D4")
    else:
        with pytest.raises(PermissionDenied):
            services.create_indicator(user=who(users, role), data=data)
        assert not Indicator.objects.filter(code="new-one").exists()


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("admin", True),
        ("editor", True),
        ("member", False),
        ("provider", False),
        ("anonymous", False),
        ("focal_th", False),
        ("focal_vn", False),
    ],
)
def test_it_lets_only_the_secretariat_change_an_indicator(users, indicator, role, allowed):
    data = {"target": 80, "target_year": 2027}
    if allowed:
        services.update_indicator(user=who(users, role), indicator=indicator, data=data)
        indicator.refresh_from_db()
        assert (indicator.target, indicator.target_year) == (80.0, 2027)
    else:
        with pytest.raises(PermissionDenied):
            services.update_indicator(user=who(users, role), indicator=indicator, data=data)
        indicator.refresh_from_db()
        assert indicator.target is None


@pytest.mark.parametrize(
    "role, country, allowed",
    [
        ("admin", "TH", True),
        ("editor", "TH", True),
        ("member", "TH", False),
        ("provider", "TH", False),
        ("anonymous", "TH", False),
        ("focal_th", "TH", True),  # their own country
        ("focal_vn", "TH", False),  # another country
        ("admin", None, True),
        ("editor", None, True),
        ("member", None, False),
        ("provider", None, False),
        ("anonymous", None, False),
        ("focal_th", None, False),  # the regional value is the secretariat's
        ("focal_vn", None, False),
    ],
)
def test_it_lets_the_right_people_enter_a_value(users, indicator, role, country, allowed):
    call = dict(user=who(users, role), indicator=indicator, year=2024, value=55.5, country=country)
    if allowed:
        value, created = services.set_indicator_value(**call)
        assert created and value.value == 55.5 and value.country_id == country
    else:
        with pytest.raises(PermissionDenied):
            services.set_indicator_value(**call)
        assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize(
    "role, allowed",
    [
        ("admin", True),
        ("editor", True),
        ("member", False),
        ("provider", False),
        ("anonymous", False),
        ("focal_th", True),
        ("focal_vn", False),
    ],
)
def test_it_lets_the_right_people_change_and_delete_a_country_value(
    users, indicator, role, allowed
):
    IndicatorValue.objects.create(indicator=indicator, year=2024, country_id="TH", value=1)
    user = who(users, role)
    if allowed:
        value, created = services.set_indicator_value(
            user=user, indicator=indicator, year=2024, value=2, country="th", note="PCD report"
        )
        assert not created and value.value == 2.0 and value.note == "PCD report"
        assert services.delete_indicator_value(
            user=user, indicator=indicator, year=2024, country="TH"
        )
        assert not IndicatorValue.objects.exists()
    else:
        with pytest.raises(PermissionDenied):
            services.set_indicator_value(
                user=user, indicator=indicator, year=2024, value=2, country="TH"
            )
        with pytest.raises(PermissionDenied):
            services.delete_indicator_value(user=user, indicator=indicator, year=2024, country="TH")
        assert IndicatorValue.objects.get().value == 1.0


def test_it_keeps_one_value_per_year_and_place(users, indicator):
    for value in (1, 2, 3):
        services.set_indicator_value(user=users.editor, indicator=indicator, year=2025, value=value)
    services.set_indicator_value(
        user=users.editor, indicator=indicator, year=2025, value=9, country="KH"
    )
    assert sorted(IndicatorValue.objects.values_list("country_id", "value"), key=str) == [
        ("KH", 9.0),
        (None, 3.0),
    ]


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"code": "Bad Code", "name": "x"}, "code", "lower-case"),
        ({"code": "cities-pm25", "name": "x"}, "code", "exists already"),
        ({"code": "ok", "name": ""}, "name", "required"),
        ({"code": "ok", "name": {"fr": "x"}}, "name", "Unknown language fr"),
        ({"code": "ok", "name": "x", "direction": "D9"}, "direction", "D1, D2, D3, D4, D5"),
        ({"code": "ok", "name": "x", "activity": "D9-A1-1"}, "activity", "Unknown activity"),
        (
            {"code": "ok", "name": "x", "direction": "D1", "activity": "D4-A3-1"},
            "activity",
            "not under direction D1",
        ),
        ({"code": "ok", "name": "x", "baseline": "ten"}, "baseline", "finite number"),
        ({"code": "ok", "name": "x", "target": float("nan")}, "target", "finite number"),
        ({"code": "ok", "name": "x", "baseline_year": 1900}, "baseline_year", "2000 to 2100"),
        (
            {"code": "ok", "name": "x", "baseline_year": 2027, "target_year": 2022},
            "target_year",
            "follow the baseline",
        ),
        ({"code": "ok", "name": "x", "colour": "red"}, "fields", "Unknown field colour"),
    ],
)
def test_it_names_the_bad_field_of_an_indicator(users, indicator, data, field, message):
    with pytest.raises(IndicatorInvalid) as refused:
        services.create_indicator(user=users.editor, data=data)
    assert message in " ".join(refused.value.errors[field])
    assert Indicator.objects.count() == 1


def test_it_stores_names_in_several_languages_and_the_direction_of_an_activity(users):
    created = services.create_indicator(
        user=users.editor,
        data={"code": "kp", "name": {"en": "Products", "th": "ผลิตภัณฑ์"}, "activity": "d5-a1-1"},
    )
    assert (created.name_en, created.name_th) == ("Products", "ผลิตภัณฑ์")
    assert (created.activity.code, created.direction.code) == ("D5-A1-1", "D5")
    with pytest.raises(IndicatorInvalid) as refused:
        services.update_indicator(user=users.editor, indicator=created, data={"code": "other"})
    assert "cannot change" in refused.value.errors["code"][0]


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"year": 1999, "value": 1}, "year"),
        ({"year": 2024, "value": float("inf")}, "value"),
        ({"year": 2024, "value": None}, "value"),
        ({"year": 2024, "value": 1, "country": "FR"}, "country"),
        ({"year": 2024, "value": 1, "note": "x" * 301}, "note"),
    ],
)
def test_it_names_the_bad_field_of_a_value(users, indicator, kwargs, field):
    with pytest.raises(IndicatorInvalid) as refused:
        services.set_indicator_value(user=users.editor, indicator=indicator, **kwargs)
    assert field in refused.value.errors
    assert not IndicatorValue.objects.exists()
