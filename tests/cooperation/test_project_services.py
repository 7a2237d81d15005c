"""Writing projects: all fields checked at once, relations replaced, status changes."""

import datetime as dt

import pytest

from lmec.cooperation.models import Milestone, Project, ProjectSite
from lmec.cooperation.services import projects as services
from tests.cooperation.project_fixtures import *  # noqa: F403


def test_it_creates_a_project_with_its_relations(users, orgs):
    project = services.create_project(user=users.editor, data=PROJECT_DATA)  # noqa: F405
    assert project.title_en == "Haze-free farming pilot"
    assert project.title_th == "โครงการนำร่องเกษตรปลอดหมอกควัน"
    assert project.summary_en.startswith("Alternatives")
    assert sorted(project.countries.values_list("code", flat=True)) == ["LA", "TH"]
    assert list(project.activities.values_list("code", flat=True)) == ["D4-A3-1"]
    assert sorted(project.partners.values_list("organisation__slug", "role")) == [
        ("adb", "1"),
        ("mnre-th", "2"),
    ]
    site = project.sites.get()
    assert (site.name_en, site.country_id, site.latitude) == ("Nan", "TH", 18.78)
    assert project.milestones.get().due == dt.date(2024, 6, 30)
    assert project.created_by == users.editor


def test_it_reports_every_bad_field_at_once_and_writes_nothing(users, orgs):
    data = {
        **PROJECT_DATA,  # noqa: F405
        "code": "bad code",
        "kind": "factory",
        "country": "XX",
        "activities": ["D9-A9-9"],
        "partners": [{"organisation": "nobody", "role": "sponsor"}],
        "sites": [{"name": "Sea", "country": "TH", "latitude": 95, "longitude": 100}],
        "milestones": [{"title": "x", "due": "soon"}],
        "planned_end": "2023-01-01",
        "colour": "red",
    }
    with pytest.raises(services.ProjectInvalid) as info:
        services.create_project(user=users.editor, data=data)
    errors = info.value.errors
    assert set(errors) == {
        "code",
        "kind",
        "country",
        "activities",
        "partners[0].organisation",
        "partners[0].role",
        "sites[0].latitude",
        "milestones[0].due",
        "planned_end",
        "colour",
    }
    assert errors["kind"] == [
        "'factory' is not one of: demonstration, pilot, joint_research, capacity_building."
    ]
    assert errors["activities"] == ["Unknown: D9-A9-9."]
    assert errors["sites[0].latitude"] == ["Must be between -90 and 90."]
    assert Project.objects.count() == 0 and ProjectSite.objects.count() == 0


def test_it_replaces_only_the_relations_given(users, orgs):
    project = services.create_project(user=users.editor, data=PROJECT_DATA)  # noqa: F405
    services.update_project(
        user=users.editor,
        project=project,
        data={"milestones": [{"title": "Final report", "due": "2025-12-01"}], "summary": ""},
    )
    assert list(Milestone.objects.values_list("title_en", flat=True)) == ["Final report"]
    assert project.sites.count() == 1 and project.partners.count() == 2
    assert project.summary_en == ""
    with pytest.raises(services.ProjectInvalid, match="code: The code of a project does not"):
        services.update_project(user=users.editor, project=project, data={"code": "other"})


def test_it_moves_the_status_and_records_the_dates(users, make_project):
    project = make_project(status="pipeline")
    services.set_status(
        user=users.focal["TH"], project=project, status="ongoing", on=dt.date(2024, 2, 1)
    )
    services.set_status(
        user=users.editor, project=project, status="completed", on=dt.date(2025, 3, 1)
    )
    project.refresh_from_db()
    assert (project.status, project.actual_start, project.actual_end) == (
        "completed",
        dt.date(2024, 2, 1),
        dt.date(2025, 3, 1),
    )
    with pytest.raises(services.ProjectInvalid, match="'closed' is not one of"):
        services.set_status(user=users.editor, project=project, status="closed")


def test_a_focal_point_cannot_move_a_project_to_another_country(users, make_project):
    project = make_project(country="TH")
    with pytest.raises(services.PermissionDenied):
        services.update_project(user=users.focal["TH"], project=project, data={"country": "VN"})
    project.refresh_from_db()
    assert project.country_id == "TH"


def test_a_site_keeps_its_monitoring_station_when_the_sites_are_written_again(users, make_project):
    """Sites are replaced as a list; the station linked to a site stays with the site at the
    same place unless the item names another (or null); an unknown station is refused."""
    from tests.monitoring.factories import make_station

    station = make_station("TH-MS1", latitude=20.43, longitude=99.88)
    project = make_project("th-sites", country="TH")
    mae_sai = {"name": "Mae Sai", "country": "TH", "latitude": 20.43, "longitude": 99.88}
    chiang_rai = {"name": "Chiang Rai", "country": "TH", "latitude": 19.91, "longitude": 99.83}

    def stations():
        return {s.name_en: s.station_id for s in project.sites.all()}

    services.update_project(
        user=users.focal["TH"],
        project=project,
        data={"sites": [{**mae_sai, "station": "TH-MS1"}]},
    )
    assert stations() == {"Mae Sai": station.pk}
    # written again without "station" (as an older client would), renamed, one site added
    services.update_project(
        user=users.focal["TH"],
        project=project,
        data={"sites": [{**mae_sai, "name": "Mae Sai border"}, chiang_rai]},
    )
    assert stations() == {"Mae Sai border": station.pk, "Chiang Rai": None}
    with pytest.raises(services.ProjectInvalid, match=r"sites\[1\]\.station: Unknown station"):
        services.update_project(
            user=users.editor,
            project=project,
            data={"sites": [mae_sai, {**chiang_rai, "station": "NO-SUCH"}]},
        )
    assert stations() == {"Mae Sai border": station.pk, "Chiang Rai": None}
    services.update_project(
        user=users.editor, project=project, data={"sites": [{**mae_sai, "station": None}]}
    )
    assert stations() == {"Mae Sai": None}
