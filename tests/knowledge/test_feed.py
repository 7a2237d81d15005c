"""The Atom feed of new resources: newest first, titles in the reader's language with the
original's as fallback, each entry tagged with the language it shows."""

from xml.etree import ElementTree as ET

import pytest

from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _entries(client, lang):
    response = client.get(f"/{lang}/knowledge/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root, [
        (
            entry.get(XML_LANG),
            entry.findtext(f"{ATOM}title"),
            entry.find(f"{ATOM}link").get("href"),
            entry.findtext(f"{ATOM}published"),
        )
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "th",
            [
                ("zh-Hans", "绿色工业园循环经济案例", "zh-park-case"),
                ("lo", "ຂໍ້ມູນເຂື່ອນໄຟຟ້າ", "lao-dams"),
                ("th", "คุณภาพอากาศในภูมิภาคแม่โขง 2567", "air-report-2024"),
            ],
        ),
        (
            "en",
            [
                ("zh-Hans", "绿色工业园循环经济案例", "zh-park-case"),
                ("en", "Hydropower dams", "lao-dams"),
                ("en", "Air quality in the Mekong region 2024", "air-report-2024"),
            ],
        ),
    ],
)
def test_it_lists_new_resources_in_the_readers_language(client, open_catalogue, lang, expected):
    _root, entries = _entries(client, lang)
    assert [(tag, title) for tag, title, _link, _published in entries] == [
        (tag, title) for tag, title, _identifier in expected
    ]
    assert [link for _tag, _title, link, _published in entries] == [
        f"http://testserver/{lang}/knowledge/r/{identifier}/"
        for _tag, _title, identifier in expected
    ]
    assert [published for *_rest, published in entries] == [
        "2025-01-10T00:00:00+00:00",
        "2024-06-15T12:30:00+00:00",
        "2024-03-01T08:00:00+00:00",
    ]


def test_it_names_authors_categories_and_a_stable_id(client, open_catalogue):
    root, _entries_ = _entries(client, "en")
    air = root.findall(f"{ATOM}entry")[2]
    assert air.findtext(f"{ATOM}id") == "tag:lmec,2023:knowledge/air-report-2024"
    assert air.findtext(f"{ATOM}author/{ATOM}name") == "Somchai Jaidee, Nguyễn Văn An"
    assert [c.get("term") for c in air.findall(f"{ATOM}category")] == [
        "Energy and climate",
        "PM2.5",
        "air quality",
    ]
    assert air.findtext(f"{ATOM}summary") == (
        'Fine particles (PM2.5) in six countries & their "hot spots".'
    )
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        "http://testserver/en/knowledge/feed.atom"
    )


def test_it_leaves_out_what_is_not_published(client, open_catalogue):
    _root, entries = _entries(client, "en")
    assert "draft-only" not in " ".join(link for _t, _ti, link, _p in entries)
    assert len(entries) == 3
