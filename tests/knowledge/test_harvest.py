"""Harvesting CKAN: real responses of demo.ckan.org served by a tiny local CKAN, and a round
trip through this platform's own CKAN API on a live server."""

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lmec.knowledge.harvest.ckan import package_to_record
from lmec.knowledge.harvest.models import HarvestRecord, HarvestRun, HarvestSource
from lmec.knowledge.harvest.services import default_prefix, harvest_ckan
from lmec.knowledge.models import Resource, ResourceEvent
from tests.knowledge.open_fixtures import *  # noqa: F403  (the catalogue fixtures)
from tests.knowledge.open_fixtures import LIVE, T1

DATA = Path(__file__).parent / "data" / "ckan"
DEMO = json.loads((DATA / "demo-packages.json").read_text(encoding="utf-8"))
PACKAGES = DEMO["result"]["results"]


class TinyCkan:
    """``package_search`` over stored real packages, as CKAN answers it: the ``fq`` range on
    metadata_modified, ``sort=metadata_modified asc``, ``rows``/``start``. ``fail_at`` makes
    the request for that ``start`` answer HTTP 500 (a portal falling over mid-harvest)."""

    def __init__(self, packages):
        self.packages = packages
        self.requests = []
        self.fail_at = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(url.query))
                outer.requests.append((url.path, params))
                start = int(params.get("start", 0))
                if url.path != "/api/3/action/package_search":
                    return self.reply(400, "Bad request: Action name not known")
                if outer.fail_at is not None and start >= outer.fail_at:
                    return self.reply(500, {"success": False})
                found = outer.packages
                fq = params.get("fq", "")
                if "metadata_modified:[" in fq:
                    since = fq.split("metadata_modified:[", 1)[1].split(" TO", 1)[0].rstrip("Z")
                    found = [p for p in found if p["metadata_modified"] >= since]
                found = sorted(found, key=lambda p: p["metadata_modified"])
                rows = int(params.get("rows", 10))
                self.reply(
                    200,
                    {
                        "help": "https://demo.ckan.org/api/3/action/help_show?name=package_search",
                        "success": True,
                        "result": {
                            "count": len(found),
                            "sort": params.get("sort"),
                            "facets": {},
                            "results": found[start : start + rows],
                            "search_facets": {},
                        },
                    },
                )

            def reply(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def portal():
    server = TinyCkan(PACKAGES)
    yield server
    server.server.shutdown()
    server.server.server_close()


def test_it_harvests_real_ckan_packages(db, portal):
    run = harvest_ckan(url=portal.url, prefix="demo")
    assert run.status == "succeeded", run.error
    assert (run.pages, run.created, run.updated, run.unchanged, run.skipped) == (1, 3, 0, 0, 0)
    assert portal.requests[0] == (
        "/api/3/action/package_search",
        {"sort": "metadata_modified asc", "rows": "100", "start": "0"},
    )
    plants = Resource.objects.get(identifier="demo:100-validated-species-of-plants")
    assert (plants.type, plants.language, plants.status, plants.licence) == (
        "dataset",
        "en",
        "published",
        "other-open",
    )
    assert plants.title_en == "100 Validated Species of Plants"
    assert plants.abstract_en == "This data includes the typical plants for machine learning test."
    assert sorted(plants.keywords.values_list("name", flat=True)) == [
        "flower",
        "image recognition",
        "machine learning",
    ]
    assert plants.authors == [{"name": "TKKIM"}]
    assert plants.publisher is None
    assert plants.source_name == portal.url
    assert plants.source_url == f"{portal.url}/dataset/100-validated-species-of-plants"
    assert plants.published_on.isoformat() == "2017-08-05"
    link = plants.distributions.get()
    assert (link.kind, link.format, link.title) == ("link", "CSV", "validated_100_species.csv")
    assert link.url.startswith("https://demo.ckan.org/dataset/62513382-")
    # Chinese text without a language extra: detected; an unknown licence id kept aside.
    legco = Resource.objects.get(identifier__startswith="demo:1617in10")
    assert (legco.language, legco.title_zh_hans, legco.licence) == (
        "zh-hans",
        "規管海外物業銷售",
        "other-open",
    )
    record = HarvestRecord.objects.get(identifier=legco.identifier)
    assert (record.remote_id, record.licence_original) == (
        "9c3036b8-f6ac-4a4e-9036-5a3cc90c3900",
        "cc-by",
    )
    assert legco.url.startswith("http://www.legco.gov.hk/")
    # The organization becomes the publisher, created on the way.
    italian = Resource.objects.get(identifier="demo:2016-regione-asia-est-oceania-classi-di-eta")
    assert (italian.publisher.slug, italian.publisher.name) == ("sdb", "SDB")
    assert ResourceEvent.objects.filter(action="harvested").count() == 3
    source = HarvestSource.objects.get()
    assert source.cursor == "2017-08-26T02:30:50.550733"


def test_it_changes_nothing_on_a_second_run(db, portal):
    harvest_ckan(url=portal.url, prefix="demo")
    events = ResourceEvent.objects.count()
    run = harvest_ckan(url=portal.url)
    assert run.status == "succeeded"
    assert run.since == "2017-08-26T02:30:50.550733"
    assert portal.requests[-1][1]["fq"] == "metadata_modified:[2017-08-26T02:30:50.550733Z TO *]"
    assert (run.created, run.updated, run.unchanged) == (0, 0, 1)
    assert ResourceEvent.objects.count() == events


def test_it_picks_up_a_changed_package(db, portal):
    harvest_ckan(url=portal.url, prefix="demo")
    changed = json.loads(json.dumps(PACKAGES[0]))
    changed["title"] = "100 Validated Species of Plants (revised)"
    changed["metadata_modified"] = "2018-01-01T00:00:00.000000"
    portal.packages = [changed, *PACKAGES[1:]]
    run = harvest_ckan(url=portal.url)
    assert (run.created, run.updated, run.unchanged) == (0, 1, 1)  # + the boundary record
    plants = Resource.objects.get(identifier="demo:100-validated-species-of-plants")
    assert plants.title_en == "100 Validated Species of Plants (revised)"
    assert plants.events.filter(action="harvested").count() == 2


def test_it_fails_clearly_and_resumes_from_the_last_page(db, portal, capsys):
    portal.fail_at = 2  # the second page of two packages each
    run = harvest_ckan(url=portal.url, prefix="demo", rows=2)
    assert run.status == "failed"
    assert "answered HTTP 500" in run.error
    assert run.pages == 1 and run.created == 2
    assert Resource.objects.filter(identifier__startswith="demo:").count() == 2
    assert HarvestSource.objects.get().cursor == "2017-08-05T03:19:33.886925"
    portal.fail_at = None
    again = harvest_ckan(url=portal.url, rows=2)
    assert again.status == "succeeded"
    assert again.since == "2017-08-05T03:19:33.886925"
    assert (again.created, again.unchanged) == (1, 1)
    assert Resource.objects.filter(identifier__startswith="demo:").count() == 3


def test_it_marks_a_killed_run_interrupted(db, portal):
    source = HarvestSource.objects.create(url=portal.url, prefix="demo")
    killed = HarvestRun.objects.create(source=source)
    harvest_ckan(url=portal.url)
    killed.refresh_from_db()
    assert killed.status == "interrupted"
    assert killed.finished_at is not None


def test_it_reports_an_unreachable_portal(db):
    run = harvest_ckan(url="http://127.0.0.1:9", prefix="gone", timeout=2)
    assert run.status == "failed"
    assert run.error.startswith("cannot reach http://127.0.0.1:9/api/3/action/package_search")
    assert not Resource.objects.exists()


def test_it_skips_a_package_it_cannot_store_and_says_why(db, portal):
    broken = json.loads(json.dumps(PACKAGES[0]))
    broken["extras"] = [{"key": "doi", "value": "not a doi"}]
    portal.packages = [broken]
    run = harvest_ckan(url=portal.url, prefix="demo")
    assert run.status == "succeeded"
    assert run.skipped == 1
    assert run.problems == [
        {
            "name": "100-validated-species-of-plants",
            "errors": {"doi": ["Not a DOI (10.NNNN/suffix): 'not a doi'."]},
        }
    ]


def test_it_harvests_from_the_command_and_shows_the_status(db, portal, capsys):
    call_command("harvest", "ckan", portal.url, "--prefix", "demo", "--since", "2017-08-01")
    out = capsys.readouterr().out
    assert portal.requests[0][1]["fq"] == "metadata_modified:[2017-08-01T00:00:00Z TO *]"
    assert f"{portal.url}: succeeded, 1 pages, 2 created, 0 updated, 0 unchanged, 0 skipped" in out
    call_command("harvest", "status")
    out = capsys.readouterr().out
    assert f"{portal.url} prefix=demo up to 2017-08-26T02:30:50.550733 (2 records)" in out
    assert "succeeded, 2 created" in out


def test_it_ends_the_command_with_an_error_when_the_run_fails(db):
    with pytest.raises(CommandError, match="cannot reach"):
        call_command("harvest", "ckan", "http://127.0.0.1:9", "--timeout", "2")
    with pytest.raises(CommandError, match="not an http"):
        call_command("harvest", "ckan", "ftp://example.org")


def test_it_names_a_source_by_its_host():
    assert default_prefix("https://data.opendevelopmentmekong.net") == "opendevelopmentmekong"
    assert default_prefix("https://catalog.data.gov/") == "data-gov"
    assert default_prefix("http://127.0.0.1:8000") == "127-0-0-1"


def test_it_maps_languages_from_the_extras_and_fluent_fields(db):
    package = {
        "name": "lao-forest",
        "title": "Forest cover",
        "title_translated": {"lo": "ປ່າໄມ້", "en": "Forest cover"},
        "extras": [{"key": "language", "value": "lo"}, {"key": "countries", "value": "LA,FR"}],
        "license_id": "odc-odbl",
        "groups": [{"name": "nature-based-solutions"}, {"name": "unknown-group"}],
    }
    data, book = package_to_record(
        package,
        base="https://example.org",
        prefix="ex",
        countries={"LA", "TH"},
        themes={"nature-based-solutions"},
    )
    assert data["language"] == "lo"
    assert data["title"] == {"lo": "ປ່າໄມ້", "en": "Forest cover"}
    assert data["countries"] == ["LA"] and data["themes"] == ["nature-based-solutions"]
    assert (data["licence"], book["licence_original"]) == ("odc-odbl", "")
    # Open Development Mekong (ckanext-scheming): lists at the top level
    odm = {
        "name": "km-forest",
        "title": "ព្រៃឈើ",
        "odm_language": ["km"],
        "odm_spatial_range": ["kh", "th"],
        "license_id": "unknown-x",
        "isopen": False,
    }
    data, book = package_to_record(
        odm,
        base="https://data.opendevelopmentmekong.net",
        prefix="odm",
        countries={"KH", "TH"},
        themes=set(),
    )
    assert (data["language"], data["title"], data["countries"]) == (
        "km",
        {"km": "ព្រៃឈើ"},
        ["KH", "TH"],
    )
    assert (data["licence"], book["licence_original"]) == ("notspecified", "unknown-x")


@LIVE
def test_it_round_trips_through_this_platforms_ckan_api(live_catalogue, live_server):
    run = harvest_ckan(url=live_server.url, prefix="self")
    assert run.status == "succeeded", run.error
    assert run.created == 3
    copy = Resource.objects.get(identifier="self:air-report-2024")
    original = live_catalogue["air-report-2024"]
    assert copy.type == "publication"
    assert (copy.language, copy.title_en, copy.title_th) == (
        "en",
        original.title_en,
        original.title_th,
    )
    assert copy.abstract_en == original.abstract_en
    assert copy.licence == "cc-by-4.0" and copy.doi == original.doi
    assert copy.publisher == original.publisher
    assert sorted(copy.keywords.values_list("name", flat=True)) == ["PM2.5", "air quality"]
    assert list(copy.themes.values_list("code", flat=True)) == ["energy-climate"]
    assert sorted(copy.countries.values_list("code", flat=True)) == ["LA", "TH"]
    assert copy.published_on == original.published_on
    assert [a["name"] for a in copy.authors] == ["Somchai Jaidee", "Nguyễn Văn An"]
    assert sorted(copy.distributions.values_list("format", flat=True)) == ["CSV", "PDF"]
    assert copy.distributions.get(format="PDF").url.startswith(live_server.url)
    lao = Resource.objects.get(identifier="self:lao-dams")
    assert (lao.language, lao.title_lo, lao.title_en) == ("lo", "ຂໍ້ມູນເຂື່ອນໄຟຟ້າ", "Hydropower dams")
    # Harvesting oneself sees one's own fresh copies as changes; between two sites they live
    # in different databases. Date the copies back so the second run sees the source only.
    Resource.objects.filter(identifier__startswith="self:").update(updated_at=T1)
    again = harvest_ckan(url=live_server.url)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_it_shows_the_harvests_in_the_admin(client, users, portal):
    run = harvest_ckan(url=portal.url, prefix="demo")
    client.force_login(users.admin)
    for path in ("harvestsource", "harvestrun", "harvestrecord"):
        response = client.get(f"/en/admin/knowledge/{path}/")
        assert response.status_code == 200, path
    page = client.get(f"/en/admin/knowledge/harvestsource/{run.source.pk}/change/").content.decode()
    assert "2017-08-26T02:30:50.550733" in page and "Succeeded" in page
    records = client.get("/en/admin/knowledge/harvestrecord/").content.decode()
    assert "demo:1617in10-regulation-of-sale-of-overseas-properties-20170426-c" in records
