"""The CKAN-compatible Action API, read by the stock ``ckanapi`` client against a live server,
and its error answers compared with CKAN's own (ckan/views/api.py)."""

import json

import ckanapi
import pytest

from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)
from tests.knowledge.open_fixtures import LIVE

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture
def ckan(live_catalogue, live_server):
    return ckanapi.RemoteCKAN(live_server.url, user_agent="lmec-tests")


@LIVE
def test_it_answers_status_show_as_ckan_2_10(ckan, live_server):
    status = ckan.action.status_show()
    assert status["ckan_version"] == "2.10.0"
    assert status["site_url"] == live_server.url


@LIVE
def test_it_lists_only_published_packages_sorted_and_paged(ckan):
    assert ckan.action.package_list() == ["air-report-2024", "lao-dams", "zh-park-case"]
    assert ckan.action.package_list(limit=1, offset=1) == ["lao-dams"]


@LIVE
def test_it_shows_a_package_as_ckan_does(ckan, live_server):
    package = ckan.action.package_show(id="air-report-2024")
    assert package["resources"][1]["url"] == (
        f"{live_server.url}/en/knowledge/r/air-report-2024/files/"
        f"{package['resources'][1]['url'].rstrip('/').rsplit('/', 1)[-1]}/"
    )
    resources = [
        {k: r[k] for k in ("url", "format", "name", "size", "mimetype", "url_type", "position")}
        for r in package.pop("resources")
    ]
    assert resources[0] == {
        "url": "https://example.org/air-2024.csv",
        "format": "CSV",
        "name": "Station means",
        "size": 1234,
        "mimetype": "text/csv",
        "url_type": None,
        "position": 0,
    }
    assert resources[1]["url_type"] == "upload" and resources[1]["size"] == 98765
    tags = package.pop("tags")
    assert [(t["name"], t["display_name"]) for t in tags] == [
        ("PM2.5", "PM2.5"),
        ("air quality", "air quality"),
    ]
    organization = package.pop("organization")
    assert {k: organization[k] for k in ("id", "name", "title", "is_organization", "type")} == {
        "id": "mrc",
        "name": "mrc",
        "title": "Mekong River Commission",
        "is_organization": True,
        "type": "organization",
    }
    assert package == {
        "id": "air-report-2024",
        "name": "air-report-2024",
        "title": "Air quality in the Mekong region 2024",
        "notes": 'Fine particles (PM2.5) in six countries & their "hot spots".',
        "title_translated": {
            "en": "Air quality in the Mekong region 2024",
            "th": "คุณภาพอากาศในภูมิภาคแม่โขง 2567",
        },
        "notes_translated": {"en": 'Fine particles (PM2.5) in six countries & their "hot spots".'},
        "url": "https://doi.org/10.5555/lmec.air.2024",
        "author": "Somchai Jaidee; Nguyễn Văn An",
        "author_email": None,
        "maintainer": None,
        "maintainer_email": None,
        "version": None,
        "license_id": "cc-by-4.0",
        "license_title": "Creative Commons Attribution 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "isopen": True,
        "owner_org": "mrc",
        "groups": [
            {
                "id": "energy-climate",
                "name": "energy-climate",
                "title": "Energy and climate",
                "display_name": "Energy and climate",
                "description": "",
                "image_display_url": "",
            }
        ],
        "num_tags": 2,
        "num_resources": 2,
        "extras": [
            {"key": "knowledge_type", "value": "publication"},
            {"key": "language", "value": "en"},
            {"key": "countries", "value": "LA,TH"},
            {"key": "doi", "value": "10.5555/lmec.air.2024"},
            {"key": "issued", "value": "2024-03-01"},
            {"key": "spatial_text", "value": "Lower Mekong basin"},
            {"key": "access", "value": "open"},
        ],
        "metadata_created": "2024-03-01T08:00:00.000000",
        "metadata_modified": "2024-03-01T08:00:00.000000",
        "state": "active",
        "type": "dataset",
        "private": False,
        "creator_user_id": None,
        "relationships_as_object": [],
        "relationships_as_subject": [],
    }


@LIVE
def test_it_answers_not_found_for_a_draft_and_an_unknown_name(ckan):
    for name in ("draft-only", "no-such-thing"):
        with pytest.raises(ckanapi.NotFound):
            ckan.action.package_show(id=name)


@LIVE
def test_it_searches_with_q_fq_sort_rows_start_and_facets(ckan):
    result = ckan.action.package_search(
        q="air", **{"facet.field": ["tags", "organization", "res_format"]}
    )
    assert result["count"] == 1
    assert [p["name"] for p in result["results"]] == ["air-report-2024"]
    assert result["facets"] == {
        "tags": {"PM2.5": 1, "air quality": 1},
        "organization": {"mrc": 1},
        "res_format": {"CSV": 1, "PDF": 1},
    }
    assert result["search_facets"]["organization"] == {
        "title": "organization",
        "items": [{"name": "mrc", "display_name": "Mekong River Commission", "count": 1}],
    }
    everything = ckan.action.package_search(sort="metadata_modified asc", rows=2, start=1)
    assert everything["count"] == 3
    assert [p["name"] for p in everything["results"]] == ["lao-dams", "zh-park-case"]
    default = ckan.action.package_search()
    assert default["sort"] == "score desc, metadata_modified desc"
    assert [p["name"] for p in default["results"]] == [
        "zh-park-case",
        "lao-dams",
        "air-report-2024",
    ]


@LIVE
@pytest.mark.parametrize(
    "fq, names",
    [
        ("organization:tei", ["lao-dams"]),
        ("groups:energy-climate", ["air-report-2024"]),
        ('tags:"air quality"', ["air-report-2024"]),
        ("tags:循环经济", ["zh-park-case"]),
        ("res_format:XLSX", ["lao-dams"]),
        ("license_id:cc-zero", ["zh-park-case"]),
        ("knowledge_type:dataset", ["lao-dams"]),
        ("countries:LA", ["air-report-2024", "lao-dams"]),
        ("countries:LA -organization:mrc", ["lao-dams"]),
        ("countries:LA AND language:lo", ["lao-dams"]),
        ("+type:dataset language:zh-hans", ["zh-park-case"]),
        ("metadata_modified:[2024-06-01T00:00:00Z TO *]", ["lao-dams", "zh-park-case"]),
        ("metadata_modified:[* TO 2024-06-15T12:30:00Z]", ["air-report-2024", "lao-dams"]),
    ],
)
def test_it_filters_with_fq(ckan, fq, names):
    result = ckan.action.package_search(fq=fq, sort="name asc")
    assert [p["name"] for p in result["results"]] == names
    assert result["count"] == len(names)


@LIVE
def test_it_sorts_by_title(ckan):
    result = ckan.action.package_search(sort="title_string asc")
    assert [p["title"] for p in result["results"]] == [
        "Air quality in the Mekong region 2024",
        "Hydropower dams",
        "绿色工业园循环经济案例",
    ]


@LIVE
def test_it_lists_organizations_groups_and_tags(ckan):
    assert ckan.action.organization_list() == ["mrc", "tei"]
    orgs = ckan.action.organization_list(all_fields=True)
    assert [(o["name"], o["title"], o["package_count"]) for o in orgs] == [
        ("mrc", "Mekong River Commission", 1),
        ("tei", "Thailand Environment Institute", 1),
    ]
    org = ckan.action.organization_show(id="tei", include_datasets=True)
    assert [p["name"] for p in org["packages"]] == ["lao-dams"]
    with pytest.raises(ckanapi.NotFound):
        ckan.action.organization_show(id="nobody")
    groups = ckan.action.group_list(all_fields=True)
    assert [(g["name"], g["package_count"]) for g in groups] == [
        ("energy-climate", 1),
        ("green-industrial-parks", 1),
        ("natural-capital-finance", 0),
        ("nature-based-solutions", 0),
        ("transport-ecosystems", 1),
    ]
    assert ckan.action.tag_list() == ["PM2.5", "air quality", "hydropower", "循环经济"]
    assert ckan.action.tag_list(query="AIR") == ["air quality"]


@LIVE
def test_it_refuses_bad_parameters_as_ckan_does(ckan):
    with pytest.raises(ckanapi.ValidationError) as error:
        ckan.action.package_search(rows=-1)
    assert error.value.error_dict == {
        "rows": ["Must be a natural number"],
        "__type": "Validation Error",
    }
    with pytest.raises(ckanapi.SearchQueryError, match="unknown field 'colour'"):
        ckan.action.package_search(fq="colour:red")
    with pytest.raises(ckanapi.SearchQueryError, match="cannot sort by 'size asc'"):
        ckan.action.package_search(sort="size asc")
    with pytest.raises(ckanapi.ValidationError):
        ckan.action.package_show()


# -- the HTTP level, without the client ------------------------------------------------------


def test_it_wraps_answers_in_ckans_envelope_over_get(client, open_catalogue):
    response = client.get("/api/3/action/package_list")
    assert response.status_code == 200
    assert response.json() == {
        "help": "http://testserver/api/3/action/help_show?name=package_list",
        "success": True,
        "result": ["air-report-2024", "lao-dams", "zh-park-case"],
    }
    response = client.get("/api/3/action/package_search", {"facet.field": '["groups"]', "rows": 0})
    assert response.json()["result"]["facets"] == {
        "groups": {"energy-climate": 1, "green-industrial-parks": 1, "transport-ecosystems": 1}
    }


def test_it_answers_errors_with_ckans_statuses(client, open_catalogue):
    response = client.get("/api/3/action/package_show", {"id": "draft-only"})
    assert response.status_code == 404
    assert response.json() == {
        "help": "http://testserver/api/3/action/help_show?name=package_show",
        "success": False,
        "error": {"__type": "Not Found Error", "message": "Not found"},
    }
    response = client.get("/api/3/action/package_show")
    assert response.status_code == 409
    assert response.json()["error"] == {"id": ["Missing value"], "__type": "Validation Error"}
    response = client.get("/api/3/action/package_create")
    assert response.status_code == 400
    assert response.json() == "Bad request: Action name not known: package_create"
    response = client.post(
        "/api/3/action/package_search", data="[1, 2]", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json().startswith("Bad request: JSON Error: Request data JSON decoded")


def test_it_accepts_a_json_post(client, open_catalogue):
    response = client.post(
        "/api/3/action/package_search",
        data=json.dumps({"fq": "organization:mrc", "rows": 5}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert [p["name"] for p in response.json()["result"]["results"]] == ["air-report-2024"]


def test_it_gives_help_for_an_action(client, db):
    response = client.get("/api/3/action/help_show", {"name": "package_show"})
    assert response.json()["result"].startswith("One published record by ``id``")
