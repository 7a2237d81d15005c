"""The cooperation pages lead to each other: an event's and a project's public assessment on
their pages (approved feedback only), the progress dashboard to the self-assessments and the
evaluation reports, an organisation's page to its events and projects."""

import pytest

from lmec.cooperation.models import Feedback, FeedbackStatus
from tests.helpers import page_html

from . import indicator_fixtures

records = indicator_fixtures.records  # the fixture, used by name

pytestmark = pytest.mark.django_db


def feedback(rating, status, **target):
    return Feedback.objects.create(rating=rating, language="en", status=status, **target)


def test_it_shows_an_events_approved_feedback_on_its_page(client, records):
    from lmec.cooperation.models import Event

    event = Event.objects.get(slug="e2")
    feedback(5, FeedbackStatus.APPROVED, event=event)
    feedback(3, FeedbackStatus.APPROVED, event=event)
    feedback(1, FeedbackStatus.PENDING, event=event)
    html = page_html(client, "/en/events/e2/", "en")
    assert 'data-kind="event" data-code="e2" data-count="2"' in html
    assert "Rated 4" in html and "by 2 people" in html
    assert 'href="/en/feedback/event/e2/"' in html


def test_it_shows_a_projects_feedback_block_with_its_form_link(client, records):
    from lmec.cooperation.models import Project

    project = Project.objects.filter(published=True).first()
    html = page_html(client, f"/en/projects/{project.code}/", "en")
    assert f'data-kind="project" data-code="{project.code}" data-count="0"' in html
    assert f'href="/en/feedback/project/{project.code}/"' in html


def test_it_links_the_progress_dashboard_to_assessments_and_reports(client, records):
    html = page_html(client, "/th/progress/", "th")
    assert 'href="/th/evaluation/"' in html and 'href="/th/reports/"' in html


def test_it_links_an_organisations_events_and_projects(client, records):
    from lmec.cooperation.models import Event, Project
    from lmec.network.models import Organisation

    org = Organisation.objects.create(slug="pcd-th", name="Pollution Control Department")
    Event.objects.get(slug="e2").organisers.add(org)
    project = Project.objects.filter(published=True).first()
    project.lead_organisation = org
    project.save()
    html = page_html(client, "/vi/network/organisations/pcd-th/", "vi")
    assert 'href="/vi/events/e2/"' in html
    assert f'href="/vi/projects/{project.code}/"' in html
