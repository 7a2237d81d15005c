"""The project form: the secretariat and the lead country's focal point create and edit a
project's own fields on a page; the service decides who may write and validates."""

import pytest

from lmec.cooperation.models import Project
from tests.helpers import login, page_html

pytestmark = pytest.mark.django_db


def form(**changes):
    data = {
        "code": "vn-mekong-delta-salinity",
        "kind": "joint_research",
        "status": "ongoing",
        "language": "vi",
        "title": "Nghiên cứu chung về xâm nhập mặn ở đồng bằng sông Cửu Long",
        "summary": "Quan trắc độ mặn và chia sẻ dữ liệu",
        "country": "VN",
        "countries": ["VN", "KH"],
        "planned_start": "2025-03-01",
        "planned_end": "2027-12-31",
        "activities": ["D4-A3-2"],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("member", 403), ("provider", 403), ("editor", 200), ("focal_vn", 200)],
)
def test_it_opens_the_new_project_page_to_those_who_may_create(client, users, who, status):
    if who != "anonymous":
        login(client, users.focal["VN"] if who == "focal_vn" else getattr(users, who))
    assert client.get("/en/projects/new/").status_code == status


def test_it_creates_a_project_led_by_the_focal_points_country(client, users):
    login(client, users.focal["VN"])
    response = client.post("/en/projects/new/", form())
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/vn-mekong-delta-salinity/"
    project = Project.objects.get(code="vn-mekong-delta-salinity")
    assert project.title_vi.startswith("Nghiên cứu chung") and project.language == "vi"
    assert sorted(c.code for c in project.countries.all()) == ["KH", "VN"]
    assert str(project.planned_start) == "2025-03-01"
    assert [a.code for a in project.activities.all()] == ["D4-A3-2"]


def test_it_refuses_a_focal_point_a_project_led_by_another_country(client, users):
    login(client, users.focal["TH"])
    assert client.post("/en/projects/new/", form()).status_code == 403
    assert not Project.objects.exists()


def test_it_shows_the_services_refusals_on_their_fields(client, users):
    login(client, users.editor)
    response = client.post("/en/projects/new/", form(documents="no-such-resource"))
    assert response.status_code == 422
    assert "no-such-resource" in response.content.decode()
    assert not Project.objects.exists()


def test_it_edits_a_project_keeping_its_code(client, users):
    login(client, users.editor)
    client.post("/en/projects/new/", form())
    html = page_html(client, "/en/projects/vn-mekong-delta-salinity/edit/", "en")
    assert "Nghiên cứu chung" in html and "disabled" in html
    data = form(code="other", title="Xâm nhập mặn 2025-2027", status="completed")
    assert client.post("/en/projects/vn-mekong-delta-salinity/edit/", data).status_code == 302
    project = Project.objects.get(code="vn-mekong-delta-salinity")
    assert project.title_vi == "Xâm nhập mặn 2025-2027" and project.status == "completed"
    login(client, users.focal["LA"])
    # a draft of another country is not even visible to them
    assert client.get("/en/projects/vn-mekong-delta-salinity/edit/").status_code == 404
