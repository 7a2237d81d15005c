"""Downloads are logged and served; an on-request dataset is asked for, decided by its
country's focal point or an editor, and then downloaded."""

import pytest

from lmec.knowledge.models import AccessRequest, Download
from tests.helpers import login, page_html
from tests.knowledge.page_fixtures import CSV, make_catalogue, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(users):
    return make_catalogue(users)


def file_url(resource, kind="file"):
    item = resource.distributions.get(kind=kind)
    return item, f"/en/knowledge/r/{resource.identifier}/files/{item.pk}/"


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_it_serves_an_open_file_and_logs_the_download(client, catalogue):
    item, url = file_url(catalogue["report"])
    response = client.get(url)
    assert response.status_code == 200
    assert body(response) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="solar-report.pdf"'
    logged = Download.objects.get()
    assert logged.distribution == item and logged.user is None


def test_it_logs_who_downloaded_when_signed_in(client, catalogue, users):
    login(client, users.member)
    _item, url = file_url(catalogue["report"])
    client.get(url)
    assert Download.objects.get().user == users.member


def test_it_logs_a_link_and_sends_the_reader_there(client, catalogue):
    item, url = file_url(catalogue["report"], kind="link")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "https://example.org/solar"
    assert Download.objects.get().distribution == item


def test_it_answers_404_for_a_file_of_another_resource(client, catalogue):
    item, _url = file_url(catalogue["dataset"])
    assert client.get(f"/en/knowledge/r/th-solar-2024/files/{item.pk}/").status_code == 404
    assert not Download.objects.exists()


def test_it_answers_404_for_files_of_unpublished_records(client, catalogue, users):
    draft = catalogue["draft"]
    assert client.get(f"/en/knowledge/r/{draft.identifier}/files/1/").status_code == 404


def test_it_keeps_on_request_files_from_visitors_and_members(client, catalogue, users):
    _item, url = file_url(catalogue["dataset"])
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    login(client, users.member)
    assert client.get(url).status_code == 403
    html = page_html(client, "/en/knowledge/r/vn-air-2024/", "en")
    assert f'href="{url}"' not in html
    assert "Available once your access request is approved." in html
    assert not Download.objects.exists()


def test_it_runs_the_on_request_flow(client, catalogue, users):
    dataset = catalogue["dataset"]
    item, url = file_url(dataset)
    login(client, users.member)
    html = page_html(client, "/en/knowledge/r/vn-air-2024/", "en")
    assert 'action="/en/knowledge/r/vn-air-2024/request-access/"' in html
    response = client.post(
        "/en/knowledge/r/vn-air-2024/request-access/", {"purpose": "A thesis on PM2.5 in Hanoi."}
    )
    assert response.status_code == 302
    request = AccessRequest.objects.get()
    assert (request.user, request.status) == (users.member, "pending")
    html = page_html(client, "/en/knowledge/r/vn-air-2024/", "en")
    assert 'data-state="pending"' in html
    assert 'action="/en/knowledge/r/vn-air-2024/request-access/"' not in html
    html = page_html(client, "/en/knowledge/access-requests/", "en")
    assert f'data-request="{request.pk}" data-state="pending"' in html
    assert client.get(url).status_code == 403

    # the focal point of another country neither sees nor decides it
    login(client, users.focal["TH"])
    html = page_html(client, "/en/knowledge/access-requests/", "en")
    assert f'data-request="{request.pk}"' not in html
    decide = f"/en/knowledge/access-requests/{request.pk}/decide/"
    assert client.post(decide, {f"r{request.pk}-decision": "approve"}).status_code == 403
    assert AccessRequest.objects.get().status == "pending"

    # the dataset's country decides
    login(client, users.focal["VN"])
    html = page_html(client, "/en/knowledge/access-requests/", "en")
    assert "A thesis on PM2.5 in Hanoi." in html
    response = client.post(
        decide,
        {f"r{request.pk}-decision": "approve", f"r{request.pk}-note": "For the thesis only."},
    )
    assert response.status_code == 302
    decided = AccessRequest.objects.get()
    assert (decided.status, decided.decided_by, decided.decision_note) == (
        "approved",
        users.focal["VN"],
        "For the thesis only.",
    )

    login(client, users.member)
    html = page_html(client, "/en/knowledge/r/vn-air-2024/", "en")
    assert 'data-state="approved"' in html and f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200 and body(response) == CSV.encode()
    assert Download.objects.get().user == users.member


def test_it_declines_with_a_note(client, catalogue, users):
    request = AccessRequest.objects.create(
        resource=catalogue["dataset"], user=users.member, purpose="Curious."
    )
    login(client, users.editor)
    client.post(
        f"/en/knowledge/access-requests/{request.pk}/decide/",
        {f"r{request.pk}-decision": "decline", f"r{request.pk}-note": "Say more."},
    )
    assert AccessRequest.objects.get().status == "declined"
    login(client, users.member)
    html = page_html(client, "/en/knowledge/r/vn-air-2024/", "en")
    assert 'data-state="declined"' in html and "Say more." in html
    # declined: they may ask again
    assert 'action="/en/knowledge/r/vn-air-2024/request-access/"' in html


def test_it_names_a_missing_purpose(client, catalogue, users):
    login(client, users.member)
    response = client.post("/en/knowledge/r/vn-air-2024/request-access/", {"purpose": ""})
    html = client.get(response["Location"]).content.decode()
    assert "This field is required." in html
    assert not AccessRequest.objects.exists()
