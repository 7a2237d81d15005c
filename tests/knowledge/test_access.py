"""Access requests for "on request" datasets, and the download log."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from lmec.knowledge import selectors, services
from lmec.knowledge.models import Download

from . import filemaker


@pytest.fixture
def dataset(users, resource):
    record = resource("vn-data", type="dataset", country="VN", access="on_request")
    file = services.add_file(
        user=users.editor,
        resource=record,
        upload=SimpleUploadedFile("Dữ liệu.csv", b"station,pm25\nVN-HN-01,40\n"),
        title="Hourly PM2.5",
    )
    return record, file


def test_it_stores_an_uploaded_file_under_a_safe_name_with_its_history(dataset):
    record, file = dataset
    assert file.file.name == f"knowledge/{record.pk}/du-lieu.csv"
    assert (file.format, file.size) == ("CSV", 25)
    event = record.events.last()
    assert event.action == "file_added"
    assert event.changes["files"][1]["name"] == "du-lieu.csv"


def test_it_extracts_text_and_a_preview_when_a_pdf_is_added(users, resource):
    record = resource("pdf-1")
    d = services.add_file(
        user=users.editor,
        resource=record,
        upload=SimpleUploadedFile("report.pdf", filemaker.pdf_with_text("Sediment budget")),
    )
    assert d.text == "Sediment budget"
    assert d.preview.name.endswith("report.png")


def test_it_lets_a_member_ask_and_the_country_decide(users, dataset):
    record, file = dataset
    member = users.member
    assert not selectors.can_download(member, file)
    with pytest.raises(PermissionDenied):
        services.record_download(user=member, distribution=file)
    request = services.request_access(user=member, resource=record, purpose="PhD on PM2.5")
    with pytest.raises(services.InvalidTransition):
        services.request_access(user=member, resource=record, purpose="again")
    for outsider in (users.focal["TH"], users.member, users.provider):
        with pytest.raises(PermissionDenied):
            services.decide_access(user=outsider, request=request, approve=True)
    assert list(selectors.access_requests_for(users.focal["VN"])) == [request]
    assert list(selectors.access_requests_for(users.focal["TH"])) == []
    decided = services.decide_access(
        user=users.focal["VN"], request=request, approve=True, note="ok"
    )
    assert (decided.status, decided.decided_by) == ("approved", users.focal["VN"])
    with pytest.raises(services.InvalidTransition, match=r"^This request was approved already\.$"):
        services.decide_access(user=users.editor, request=decided, approve=False)
    assert selectors.can_download(member, file)
    services.record_download(user=member, distribution=file)
    assert list(Download.objects.values_list("user__username", flat=True)) == ["t-member"]


def test_it_refuses_requests_from_visitors_and_for_open_resources(users, resource, dataset):
    record, _ = dataset
    with pytest.raises(PermissionDenied):
        services.request_access(user=users.anonymous, resource=record, purpose="x")
    with pytest.raises(services.ResourceInvalid):
        services.request_access(user=users.member, resource=record, purpose=" ")
    with pytest.raises(services.InvalidTransition):
        services.request_access(user=users.member, resource=resource("open-1"), purpose="x")


def test_it_logs_anonymous_downloads_of_open_files(users, resource):
    record = resource("open-2")
    d = services.add_link(user=users.editor, resource=record, url="https://example.org/a.csv")
    services.record_download(user=users.anonymous, distribution=d)
    assert Download.objects.get().user is None
    services.remove_distribution(user=users.editor, distribution=d)
    assert record.events.last().changes == {
        "files": [{"title": "", "url": "https://example.org/a.csv"}, None]
    }
