"""The demo projects: all six countries and source types, several currencies, idempotent,
and valid IATI."""

from lxml import etree

from lmec.cooperation import iati
from lmec.cooperation.demo import projects as demo
from lmec.cooperation.models import Funding, Project
from lmec.knowledge.demo import load_organisations


def test_it_loads_realistic_projects_once(db):
    load_organisations()
    first = demo.load()
    # 37 rows as written, and a budget for each committed (or paid) source of the 14
    # projects whose spec has no budget: 23 rows
    assert (first["projects"], first["created"], first["funding"]) == (15, 15, 60)
    second = demo.load()
    assert (second["projects"], second["created"], second["updated"], second["rates"]) == (
        15,
        0,
        15,
        0,
    )
    assert Funding.objects.count() == 60
    # every project has a budget, and it covers what was committed (in each currency)
    for project in Project.objects.all():
        rows = list(project.funding.all())
        assert any(r.kind == "budget" for r in rows), project.code
        basis = "commitment" if any(r.kind == "commitment" for r in rows) else "disbursement"
        for cur in {r.currency for r in rows if r.kind == basis}:
            budget = sum(r.amount for r in rows if r.kind == "budget" and r.currency == cur)
            committed = sum(r.amount for r in rows if r.kind == basis and r.currency == cur)
            assert budget >= committed, (project.code, cur)
    countries = set(Project.objects.values_list("countries__code", flat=True))
    assert countries == {"CN", "KH", "LA", "MM", "TH", "VN"}
    assert set(Funding.objects.values_list("source_type__code", flat=True)) == {
        "F1",
        "F2",
        "F3",
        "F4",
        "F5",
        "F6",
    }
    assert set(Funding.objects.values_list("currency", flat=True)) >= {
        "CNY",
        "THB",
        "VND",
        "LAK",
        "KHR",
        "MMK",
        "USD",
        "EUR",
        "JPY",
    }
    assert set(Project.objects.values_list("kind", flat=True)) == {
        "demonstration",
        "pilot",
        "joint_research",
        "capacity_building",
    }
    nan = Project.objects.get(code="th-nan-haze-free-farming")
    assert nan.title_th.startswith("โครงการนำร่อง") and nan.title_zh_hans == "难府无霾农业试点项目"
    assert "demo projects: 15" in demo.describe(second)
    root = etree.fromstring(iati.published_xml())
    iati.schema().assertValid(root)
    assert len(root.findall("iati-activity")) == 14  # the planned one is not published yet
