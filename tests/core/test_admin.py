"""The admin: editors work in it in their language; others are kept out."""

import pytest

from tests.helpers import login

pytestmark = pytest.mark.django_db


def test_it_lets_an_editor_edit_an_activity_in_thai(client, users):
    from lmec.cooperation.models import Activity

    login(client, users.editor)
    activity = Activity.objects.get(code="D2-A3-2")
    response = client.get(f"/th/admin/cooperation/activity/{activity.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="th"' in html
    assert "บันทึก" in html  # Django's Thai "Save"
    assert "name_lo" in html and "name_my" in html  # every language's field is editable


def test_it_saves_an_editors_correction(client, users):
    from lmec.cooperation.models import Activity

    login(client, users.editor)
    index = client.get("/en/admin/cooperation/activity/")
    assert index.status_code == 200
    activity = Activity.objects.get(code="D5-A2-2")
    assert users.editor.has_perm("cooperation.change_activity", activity)


def test_it_shows_a_focal_point_no_registry_change_page(client, users):
    from lmec.cooperation.models import Activity

    login(client, users.focal["MM"])
    activity = Activity.objects.get(code="D1-A1-1")
    response = client.post(
        f"/en/admin/cooperation/activity/{activity.pk}/change/", {"name_en": "hijacked"}
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.name_en != "hijacked"


def test_it_keeps_members_out_of_the_admin(client, users):
    login(client, users.member)
    response = client.get("/en/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_it_speaks_lao_in_the_admin_though_django_ships_no_lao(client, users):
    from lmec.cooperation.models import Activity

    login(client, users.focal["LA"])
    activity = Activity.objects.get(code="D4-A3-2")
    html = client.get(f"/lo/admin/cooperation/activity/{activity.pk}/change/").content.decode()
    assert '<html lang="lo"' in html
    assert "ອອກຈາກລະບົບ" in html  # "Log out", from lmec/core/locale/lo
    assert "ກິດຈະກຳ" in html  # the model's own name, from lmec/locale/lo
