"""/api/v1/network: lists, details, exports and writes, with the exact JSON and CSV."""

import io
import json

import polars as pl
import pytest
from django.test import Client

from tests.helpers import PASSWORD

API = "/api/v1/network"


def signed_in(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_it_lists_organisations_with_filters_in_the_language_asked(client, directory):
    answer = client.get(f"{API}/organisations?country=TH&lang=th").json()
    assert answer == {
        "language": "th",
        "count": 1,
        "items": [
            {
                "slug": "pcd-th",
                "name": "กรมควบคุมมลพิษ",
                "acronym": "PCD",
                "kind": "government",
                "country": "TH",
                "website": "",
                "iati_ref": "",
                "description": "",
            }
        ],
    }
    regional = client.get(f"{API}/organisations?country=regional").json()
    assert [o["slug"] for o in regional["items"]] == ["mrcs"]
    found = client.get(f"{API}/organisations", {"q": "Tổng cục"}).json()
    assert [o["slug"] for o in found["items"]] == ["vea-vn"]


def test_it_answers_a_bad_filter_naming_the_choices(client, directory):
    answer = client.get(f"{API}/organisations?kind=army")
    assert answer.status_code == 422
    assert "government" in json.dumps(answer.json())
    assert client.get(f"{API}/organisations?lang=fr").status_code == 400
    assert client.get(f"{API}/organisations/nope").json() == {
        "detail": "No organisation 'nope' (or you may not see it)."
    }


def test_it_shows_an_organisation_with_its_relations(client, directory):
    answer = client.get(f"{API}/organisations/pcd-th").json()
    assert [e["name"] for e in answer["experts"]] == ["Somchai Wongsa"]
    assert answer["focal_point"][0]["country"] == "TH"
    assert answer["capacity"]["parameters"] == ["pm10", "pm25", "o3"]
    assert answer["capacity"]["station_count"] == 1
    assert (answer["resources"], answer["events"], answer["projects"]) == ([], [], [])


def test_it_lists_only_consenting_experts_to_the_public(client, users, directory):
    public = client.get(f"{API}/experts").json()
    assert [e["name"] for e in public["items"]] == ["Somchai Wongsa"]
    assert public["items"][0]["email"] == "somchai@example.org"
    hidden = directory["unlisted"].pk
    assert client.get(f"{API}/experts/{hidden}").status_code == 404
    # the VN focal point also sees VN's unlisted profile, never its e-mail
    vn = signed_in(users.focal["VN"]).get(f"{API}/experts?country=VN").json()
    assert [(e["name"], e["email"]) for e in vn["items"]] == [("Nguyen Thi Lan", None)]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("language=th", ["Somchai Wongsa"]),
        ("language=vi", []),
        ("field=pm2.5", ["Somchai Wongsa"]),
        ("field=water", []),
        ("country=TH", ["Somchai Wongsa"]),
        ("q=somchai", ["Somchai Wongsa"]),
        ("q=lan", []),
    ],
)
def test_it_filters_the_public_experts(client, directory, query, names):
    answer = client.get(f"{API}/experts?{query}").json()
    assert [e["name"] for e in answer["items"]] == names


def test_it_exports_public_experts_without_e_mail(client, directory):
    response = client.get(f"{API}/experts/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode() == (
        "name,title,organisation,country,fields,languages,themes\n"
        "Somchai Wongsa,,pcd-th,TH,Air quality monitoring; PM2.5 source apportionment,th; en,\n"
    )
    xlsx = client.get(f"{API}/experts/export.xlsx")
    frame = pl.read_excel(io.BytesIO(xlsx.content))
    assert frame["name"].to_list() == ["Somchai Wongsa"]
    assert "email" not in frame.columns


def test_it_exports_the_capacity_network(client, directory):
    response = client.get(f"{API}/capacity/export.csv")
    assert response.content.decode() == (
        "organisation,name,country,kind,media,accreditation,parameters,station_count,stations\n"
        "pcd-th,Pollution Control Department,TH,both,air,,pm10; pm25; o3,1,TH-05T\n"
    )
    assert client.get(f"{API}/capacity/export.pdf").status_code == 422


def test_it_lists_focal_points_centre_first(client, users, directory):
    from lmec.network.models import FocalPoint, Organisation

    centre = Organisation.objects.create(slug="lmec-centre", name_en="LMEC")
    FocalPoint.objects.create(kind="centre", organisation=centre)
    answer = client.get(f"{API}/focal-points").json()
    assert [(p["kind"], p["country"]) for p in answer["items"]] == [
        ("centre", None),
        ("national", "TH"),
    ]


def test_it_writes_with_a_session_and_the_right(client, users, directory):
    body = {
        "name": {"en": "Centre for Environmental Monitoring", "vi": "Trung tâm Quan trắc"},
        "acronym": "CEM",
        "country": "VN",
        "kind": "government",
    }
    assert (
        client.post(f"{API}/organisations", body, content_type="application/json").status_code
        == 401
    )
    th = signed_in(users.focal["TH"])
    refused = th.post(f"{API}/organisations", body, content_type="application/json")
    assert refused.status_code == 403
    vn = signed_in(users.focal["VN"])
    made = vn.post(f"{API}/organisations", body, content_type="application/json")
    assert made.status_code == 201
    assert made.json()["slug"] == "cem-vn"
    bad = vn.patch(
        f"{API}/organisations/cem-vn", {"website": "nope"}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert bad.json()["errors"] == {
        "website": ["Give a web address starting with http:// or https://."]
    }


def test_it_keeps_my_profile_and_withdraws_consent_at_once(client, users, directory):
    me = signed_in(users.member)
    assert me.get(f"{API}/experts/me").status_code == 404
    saved = me.put(
        f"{API}/experts/me",
        {"name": "Bounmy Phommachanh", "languages": ["lo", "en"], "consent": True},
        content_type="application/json",
    )
    assert saved.status_code == 200
    assert saved.json()["public"] is True
    assert "Bounmy Phommachanh" in [e["name"] for e in client.get(f"{API}/experts").json()["items"]]
    me.put(f"{API}/experts/me", {"consent": False}, content_type="application/json")
    assert "Bounmy Phommachanh" not in [
        e["name"] for e in client.get(f"{API}/experts").json()["items"]
    ]
