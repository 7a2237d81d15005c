"""The directory's admin: the secretariat sees all; a focal point their country's only."""

from django.test import Client


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def test_it_scopes_organisations_to_a_focal_points_country(users, directory):
    editor = _client(users.editor).get("/en/admin/network/organisation/").content.decode()
    assert "pcd-th" in editor and "vea-vn" in editor and "mrcs" in editor
    focal = _client(users.focal["TH"])
    listing = focal.get("/en/admin/network/organisation/").content.decode()
    assert "pcd-th" in listing and "vea-vn" not in listing and "mrcs" not in listing
    other = focal.get(f"/en/admin/network/organisation/{directory['vea'].pk}/change/")
    assert other.status_code in (302, 403, 404)
    assert focal.get("/en/admin/network/focalpoint/add/").status_code == 403


def test_it_records_consent_when_an_editor_lists_a_profile(users, directory):
    expert = directory["hidden_th"]
    page = _client(users.editor).post(
        f"/en/admin/network/expert/{expert.pk}/change/",
        {"name": expert.name, "country": "TH", "public": "on", "fields": "[]", "languages": "[]"},
    )
    assert page.status_code == 302, page.content.decode()[:2000]
    expert.refresh_from_db()
    assert expert.public and expert.consent_at is not None


def test_it_refuses_the_admin_to_other_roles(users, directory):
    assert _client(users.member).get("/en/admin/network/organisation/").status_code == 302
