"""The catalogue's admin: editors see every record with its history; focal points their country's."""

from django.test import Client


def test_it_shows_the_history_read_only_and_scopes_focal_points(db, users, resource):
    th = resource("adm-th", country="TH", keywords=["air"])
    resource("adm-la", country="LA")
    editor = Client()
    editor.force_login(users.editor)
    page = editor.get(f"/en/admin/knowledge/resource/{th.pk}/change/")
    assert page.status_code == 200
    assert "imported" in page.content.decode()
    focal = Client()
    focal.force_login(users.focal["TH"])
    listing = focal.get("/en/admin/knowledge/resource/").content.decode()
    assert "adm-th" in listing and "adm-la" not in listing
