"""The OpenAPI contract of /api/v1/cooperation/events, checked by schemathesis in-process
(as tests/knowledge/test_api_contract.py does for the knowledge API)."""

import pytest
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

from .event_fixtures import make_event

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"slugs": {"values": ["open-1", "past-1", "draft-1"]}},
        "parameters": {"path.slug": {"dictionary": "slugs", "probability": 0.7}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="^/api/v1/cooperation/events"
)


@pytest.fixture
def events(db, settings):
    settings.EVENT_REGISTRATION_RATE = "10000/m"
    cache.clear()
    with connection_kept_between_wsgi_requests():
        make_event("open-1", capacity=3)
        make_event("past-1", days_from_now=-30, kind="training")
        make_event("draft-1", status="draft")
        yield


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, events):
    case.call_and_validate()
