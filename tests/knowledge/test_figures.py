"""Results in figures: a label (and a word unit) as a string in the original language or
``{lang: text}``; checked like the other translated fields, shown in the reader's language,
else the original, else English, with the value in the reader's notation."""

import json

import pytest
from django.test import Client
from django.utils import translation

from lmec.knowledge import selectors
from lmec.knowledge.models import Resource
from lmec.knowledge.services import ResourceInvalid
from lmec.knowledge.services.validation import validate_record
from lmec.knowledge.views import display
from tests.helpers import PASSWORD, page_html

pytestmark = pytest.mark.django_db

CHOICES = "zh-hans, en, th, vi, lo, km, my"
MAIZE = {"th": "ซังข้าวโพดที่รับซื้อ", "en": "Maize residue bought"}
EXCHANGES = {"th": "การแลกเปลี่ยนของเสีย", "en": "Waste exchanges", "vi": "Trao đổi chất thải"}
PAIRS = {"th": "คู่", "en": "pairs", "vi": "cặp"}
BURNED = "พื้นที่เผาไหม้ที่ลดลง"
FIGURES = [
    {"label": MAIZE, "value": 18500, "unit": "t/yr"},
    {"label": EXCHANGES, "value": 27, "unit": PAIRS},
    {"label": BURNED, "value": 43.5, "unit": "%"},
]


def record(**fields) -> dict:
    return {
        "identifier": "th-case",
        "type": "case",
        "language": "th",
        "title": {"th": "เชียงใหม่ไม่เผา", "en": "Chiang Mai without burning"},
        **fields,
    }


# -- validation ---------------------------------------------------------------------------


def test_it_keeps_labels_and_word_units_given_per_language():
    clean = validate_record(
        record(
            figures=[
                {
                    "label": {"EN": " Maize residue bought ", "th": "ซังข้าวโพดที่รับซื้อ", "vi": ""},
                    "value": 18500,
                    "unit": {"th": "ครัวเรือน", "en": "households"},
                },
                {"label": f" {BURNED} ", "value": 43, "unit": " % "},
            ]
        )
    )
    assert clean.values["figures"] == [
        {
            "label": {"en": "Maize residue bought", "th": "ซังข้าวโพดที่รับซื้อ"},
            "value": 18500.0,
            "unit": {"en": "households", "th": "ครัวเรือน"},
        },
        {"label": BURNED, "value": 43.0, "unit": "%"},
    ]
    # the languages' own order whatever the order given; empty texts left out
    assert list(clean.values["figures"][0]["label"]) == ["en", "th"]


@pytest.mark.parametrize(
    ("figure", "field", "message"),
    [
        (
            {"label": {"th": "ก", "fr": "étiquette"}, "value": 1},
            "figures[0].label",
            f"Unknown language 'fr'; choose one of: {CHOICES}.",
        ),
        ({"label": {"th": 5}, "value": 1}, "figures[0].label.th", "Must be a string."),
        (
            {"label": {"en": "Maize residue bought"}, "value": 1},
            "figures[0].label",
            "Give the text in the original language (th).",
        ),
        ({"label": {"th": "", "en": "  "}, "value": 1}, "figures[0].label", "Required."),
        ({"value": 1}, "figures[0].label", "Required."),
        (
            {"label": ["ก"], "value": 1},
            "figures[0].label",
            "Must be a string or an object {language: text}.",
        ),
        (
            {"label": "ก", "value": 1, "unit": {"th": "คู่", "xx": "pairs"}},
            "figures[0].unit",
            f"Unknown language 'xx'; choose one of: {CHOICES}.",
        ),
        (
            {"label": "ก", "value": 1, "unit": {"en": "pairs"}},
            "figures[0].unit",
            "Give the text in the original language (th).",
        ),
        (
            {"label": "ก", "value": 1, "unit": 3},
            "figures[0].unit",
            "Must be a string or an object {language: text}.",
        ),
        ({"label": "ก", "value": "18,500"}, "figures[0].value", "Must be a number."),
    ],
)
def test_it_names_a_bad_figure(figure, field, message):
    with pytest.raises(ResourceInvalid) as exc:
        validate_record(record(figures=[figure]))
    assert exc.value.errors == {field: [message]}


def test_it_asks_an_update_for_the_stored_records_original_language():
    with pytest.raises(ResourceInvalid) as exc:
        validate_record(
            {"figures": [{"label": {"en": "Pupils"}, "value": 1}]},
            partial=True,
            original_language="lo",
        )
    assert exc.value.errors == {
        "figures[0].label": ["Give the text in the original language (lo)."]
    }


# -- the language shown -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "original", "shown"),
    [
        (EXCHANGES, "vi", "th", ("Trao đổi chất thải", "vi")),
        (EXCHANGES, "zh-CN", "th", ("การแลกเปลี่ยนของเสีย", "th")),  # no Chinese: the original
        (EXCHANGES, None, "th", ("การแลกเปลี่ยนของเสีย", "th")),
        ({"en": "Pupils", "lo": ""}, "km", "lo", ("Pupils", "en")),  # neither: English
        ({"my": "ဦး"}, "th", "lo", ("ဦး", "my")),  # else any language that has it
        (BURNED, "en", "th", (BURNED, "th")),  # a string is the original language's
        ("t/yr", "vi", "th", ("t/yr", "th")),
        (None, "en", "th", ("", "th")),
    ],
)
def test_it_picks_the_readers_language_else_the_original_else_english(value, lang, original, shown):
    assert selectors.figure_text(value, lang, original) == shown


@pytest.mark.parametrize(
    ("lang", "value", "shown"),
    [
        ("en", 18500.0, "18,500"),
        ("th", 18500.0, "18,500"),
        ("vi", 18500.0, "18.500"),
        ("km", 1200000.0, "1.200.000"),
        ("vi", 2.3, "2,3"),
        ("en", 85.5, "85.5"),
        ("en", 27.0, "27"),
        ("lo", 18500.0, "18,500"),
        ("my", 1100.0, "1,100"),
        ("km", 2.6, "2,6"),
        # Django's Chinese format has no thousands separator
        ("zh-hans", 18500.0, "18500"),
    ],
)
def test_it_writes_a_value_in_the_readers_notation(lang, value, shown):
    with translation.override(lang):
        assert display.number(value) == shown


# -- the page, the API, the edit form -----------------------------------------------------


@pytest.fixture
def case(resource):
    return resource(
        "th-case",
        type="case",
        language="th",
        title={"th": "เชียงใหม่ไม่เผา", "en": "Chiang Mai without burning"},
        results={"th": "พื้นที่เผาไหม้ลดลง", "en": "Less area burned"},
        country="TH",
        figures=FIGURES,
    )


def row(label, label_lang, number, unit, unit_lang=None):
    unit_cell = f'<td lang="{unit_lang}">' if unit_lang else "<td>"
    return (
        f'<th scope="row" lang="{label_lang}">{label}</th><td class="number">{number}</td>'
        f"{unit_cell}{unit}</td>"
    )


def test_it_shows_a_thai_case_with_thai_labels_and_grouped_numbers(client, case):
    html = page_html(client, "/th/knowledge/r/th-case/", "th")
    assert row("ซังข้าวโพดที่รับซื้อ", "th", "18,500", "t/yr") in html
    assert row("การแลกเปลี่ยนของเสีย", "th", "27", "คู่", "th") in html
    assert row(BURNED, "th", "43.5", "%") in html
    assert "18500" not in html and "Maize" not in html


def test_it_shows_the_labels_in_english_to_an_english_reader(client, case):
    html = page_html(client, "/en/knowledge/r/th-case/", "en")
    assert row("Maize residue bought", "en", "18,500", "t/yr") in html
    assert row("Waste exchanges", "en", "27", "pairs", "en") in html
    assert row(BURNED, "th", "43.5", "%") in html  # given in Thai only


def test_it_falls_back_to_the_original_language(client, case):
    # no Lao labels: the Thai original, the numbers in the reader's notation
    html = page_html(client, "/lo/knowledge/r/th-case/", "lo")
    assert row("ซังข้าวโพดที่รับซื้อ", "th", "18,500", "t/yr") in html
    assert row("การแลกเปลี่ยนของเสีย", "th", "27", "คู่", "th") in html
    # a Vietnamese reader gets the Vietnamese label where there is one, the original elsewhere
    html = page_html(client, "/vi/knowledge/r/th-case/", "vi")
    assert row("ซังข้าวโพดที่รับซื้อ", "th", "18.500", "t/yr") in html
    assert row("Trao đổi chất thải", "vi", "27", "cặp", "vi") in html
    assert row(BURNED, "th", "43,5", "%") in html


def test_it_follows_the_content_language_switch(client, case):
    html = page_html(client, "/en/knowledge/r/th-case/?content=th", "en")
    assert row("ซังข้าวโพดที่รับซื้อ", "th", "18,500", "t/yr") in html


def test_it_answers_the_labels_in_the_asked_language_in_the_api(case):
    body = Client().get("/api/v1/knowledge/resources/th-case", {"lang": "vi"}).json()
    assert body["figures"] == [
        {
            "label": "ซังข้าวโพดที่รับซื้อ",
            "value": 18500.0,
            "unit": "t/yr",
            "language": "th",
            "unit_language": None,
        },
        {
            "label": "Trao đổi chất thải",
            "value": 27.0,
            "unit": "cặp",
            "language": "vi",
            "unit_language": "vi",
        },
        {"label": BURNED, "value": 43.5, "unit": "%", "language": "th", "unit_language": None},
    ]


def test_it_takes_labels_per_language_through_the_api(users):
    client = Client(enforce_csrf_checks=True)
    assert client.login(username=users.member.username, password=PASSWORD)
    client.get("/en/accounts/login/")  # sets the csrftoken cookie
    body = record(identifier="api-case", figures=FIGURES)
    response = client.post(
        "/api/v1/knowledge/resources?lang=en",
        json.dumps(body),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 201, response.content
    assert [f["label"] for f in response.json()["figures"]] == [
        "Maize residue bought",
        "Waste exchanges",
        BURNED,
    ]
    stored = Resource.objects.get(identifier="api-case").figures
    assert stored[1] == {"label": EXCHANGES, "value": 27.0, "unit": PAIRS}
    bad = record(identifier="api-case-2", figures=[{"label": {"en": "x", "de": "y"}, "value": 1}])
    response = client.post(
        "/api/v1/knowledge/resources",
        json.dumps(bad),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "figures[0].label": [f"Unknown language 'de'; choose one of: {CHOICES}."]
    }


def test_it_keeps_the_translations_of_unchanged_labels_on_edit(client, users, case):
    assert client.login(username=users.editor.username, password=PASSWORD)
    edit = "/en/knowledge/r/th-case/edit/"
    html = page_html(client, edit, "en")
    typed = "ซังข้าวโพดที่รับซื้อ | 18500 | t/yr\nการแลกเปลี่ยนของเสีย | 27 | คู่\n"
    assert typed + f"{BURNED} | 43.5 | %" in html
    data = {
        "type": "case",
        "language": "th",
        "title_th": "เชียงใหม่ไม่เผา",
        "title_en": "Chiang Mai without burning",
        "access": "open",
        "licence": "cc-by-4.0",
        "country": "TH",
        "results": "พื้นที่เผาไหม้ลดลง",
        # the first two as they were, the third reworded
        "figures": typed + "พื้นที่ที่ถูกเผาลดลง | 43.5 | %",
        "action": "save",
    }
    assert client.post(edit, data).status_code == 302
    assert Resource.objects.get(identifier="th-case").figures == [
        {"label": MAIZE, "value": 18500.0, "unit": "t/yr"},
        {"label": EXCHANGES, "value": 27.0, "unit": PAIRS},
        {"label": "พื้นที่ที่ถูกเผาลดลง", "value": 43.5, "unit": "%"},
    ]
