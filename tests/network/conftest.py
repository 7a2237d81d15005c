"""Fixtures of the network tests: a few organisations, experts, stations and members."""

import pytest


@pytest.fixture
def directory(db):
    """Two national organisations (TH, VN), a regional one, a TH station and a VN station,
    a listed and an unlisted TH expert, the TH focal point and a TH capacity member."""
    from django.utils import timezone

    from lmec.network.models import CapacityMember, Expert, FocalPoint, Organisation
    from tests.monitoring.factories import make_station

    pcd = Organisation.objects.create(
        slug="pcd-th",
        acronym="PCD",
        kind="government",
        country_id="TH",
        name_en="Pollution Control Department",
        name_th="กรมควบคุมมลพิษ",
    )
    vea = Organisation.objects.create(
        slug="vea-vn",
        acronym="VEA",
        kind="government",
        country_id="VN",
        name_en="Viet Nam Environment Administration",
        name_vi="Tổng cục Môi trường",
    )
    mrc = Organisation.objects.create(
        slug="mrcs",
        acronym="MRCS",
        kind="international",
        name_en="Mekong River Commission Secretariat",
    )
    th_station = make_station("TH-05T", country="TH", parameters=["pm25", "o3"])
    vn_station = make_station(
        "VN-HN-NVC",
        country="VN",
        time_zone="Asia/Ho_Chi_Minh",
        parameters=["pm25"],
        latitude=21.0,
        longitude=105.8,
    )
    listed = Expert.objects.create(
        name="Somchai Wongsa",
        country_id="TH",
        organisation=pcd,
        public=True,
        consent_at=timezone.now(),
        email="somchai@example.org",
        fields=["Air quality monitoring", "PM2.5 source apportionment"],
        languages=["th", "en"],
    )
    unlisted = Expert.objects.create(
        name="Nguyen Thi Lan",
        country_id="VN",
        organisation=vea,
        email="lan@example.org",
        fields=["Water quality"],
        languages=["vi"],
    )
    hidden_th = Expert.objects.create(name="Aranya Chaiyo", country_id="TH", fields=["Wetlands"])
    focal = FocalPoint.objects.create(kind="national", country_id="TH", organisation=pcd)
    member = CapacityMember.objects.create(
        organisation=pcd, kind="both", media="air", parameters=["pm10"]
    )
    member.stations.set([th_station])
    return {
        "pcd": pcd,
        "vea": vea,
        "mrc": mrc,
        "th_station": th_station,
        "vn_station": vn_station,
        "listed": listed,
        "unlisted": unlisted,
        "hidden_th": hidden_th,
        "focal": focal,
        "member": member,
    }
