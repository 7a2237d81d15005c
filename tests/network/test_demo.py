"""The network demo: the focal points of 5.1, 30 experts, the capacity network linked to the
demo stations; reproducible and idempotent."""

from lmec.monitoring import demo as monitoring_demo
from lmec.monitoring import services as monitoring_services
from lmec.network import demo
from lmec.network.models import CapacityMember, Expert, FocalPoint, Organisation


def test_it_loads_the_network_and_changes_nothing_the_second_time(db):
    monitoring_services.load_stations(monitoring_demo.STATIONS_FILE)
    first = demo.load()
    assert (first["focal_points_created"], first["experts_created"]) == (7, 30)
    assert (first["experts_listed"], first["capacity_created"]) == (25, 12)
    assert first["stations_missing"] == 0
    assert sorted((p.country_id or "", p.organisation.slug) for p in FocalPoint.objects.all()) == [
        ("", "lmec-centre"),
        ("CN", "mee-cn"),
        ("KH", "moe-kh"),
        ("LA", "monre-la"),
        ("MM", "monrec-mm"),
        ("TH", "mnre-th"),
        ("VN", "monre-vn"),
    ]
    pcd = CapacityMember.objects.get(organisation__slug="pcd-th")
    assert pcd.stations.count() == 12
    assert Organisation.objects.filter(slug="cnemc").get().name_zh_hans == "中国环境监测总站"
    snapshot = list(Expert.objects.order_by("pk").values_list("name", "public", "consent_at"))

    second = demo.load()
    assert second["experts_unchanged"] == 30 and second["focal_points_unchanged"] == 7
    assert second["capacity_unchanged"] == 12
    assert second.get("organisations_created", 0) == 0
    assert (
        list(Expert.objects.order_by("pk").values_list("name", "public", "consent_at")) == snapshot
    )
    text = demo.describe(second)
    assert "network experts: 0 created, 0 updated, 30 unchanged (25 listed publicly)" in text


def test_it_counts_stations_not_loaded(db):
    counts = demo.load()
    assert (
        counts["stations_linked"] == 0 and counts["stations_missing"] == 51
    )  # every code listed in network.yaml
