"""An organisation's page and API show its published knowledge, events and projects (the
other apps' relations), never drafts."""

import datetime as dt

from django.utils import timezone

from tests.helpers import page_html


def _records(directory):
    from lmec.cooperation.models import Event, Project, ProjectPartner
    from lmec.knowledge import services

    pcd = directory["pcd"]
    resource, _, _ = services.upsert_resource(
        data={
            "identifier": "k-haze",
            "type": "publication",
            "language": "en",
            "title": "Haze season report",
            "status": "published",
            "publisher": "pcd-th",
        },
        action="imported",
    )
    start = timezone.make_aware(dt.datetime(2025, 3, 10, 9))
    shown = Event.objects.create(
        slug="haze-forum",
        kind="workshop",
        status="published",
        title="Haze forum",
        start=start,
        end=start,
    )
    draft = Event.objects.create(
        slug="draft-event",
        kind="workshop",
        status="draft",
        title="Draft event",
        start=start,
        end=start,
    )
    shown.partners.add(pcd)
    draft.organisers.add(pcd)
    project = Project.objects.create(
        code="clean-air-cm", kind="pilot", title="Clean air pilot", published=True
    )
    ProjectPartner.objects.create(project=project, organisation=pcd, role="2")
    Project.objects.create(code="hidden", kind="pilot", title="Hidden", lead_organisation=pcd)
    return resource


def test_it_lists_the_published_relations_of_an_organisation(client, directory):
    _records(directory)
    answer = client.get("/api/v1/network/organisations/pcd-th").json()
    assert answer["resources"] == [{"code": "k-haze", "title": "Haze season report"}]
    assert answer["events"] == [{"code": "haze-forum", "title": "Haze forum"}]
    assert answer["projects"] == [{"code": "clean-air-cm", "title": "Clean air pilot"}]
    html = page_html(client, "/en/network/organisations/pcd-th/", "en")
    assert 'href="/en/events/haze-forum/"' in html and "Draft event" not in html
    assert 'href="/en/projects/clean-air-cm/"' in html and "Hidden" not in html
    assert "/en/knowledge/r/k-haze/" in html
