"""The OpenAPI contract of /api/v1/cooperation/assessments and /feedback, checked by
schemathesis in-process (as the knowledge and monitoring contract tests do).

The feedback rate limit is switched off here (``RATELIMIT_ENABLE``), so that generated
requests test the contract, not the limit; the limit's 429 is tested on its own in
``test_feedback_api.py`` and ``test_feedback.py``.
"""

import pytest
import schemathesis
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.cooperation.services import evaluation as services
from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {
            "codes": {"values": ["D4-A3-1", "D1-A1-1", "D2"]},
            "years": {"values": [2024, 2025]},
        },
        "parameters": {
            "path.code": {"dictionary": "codes", "probability": 0.7},
            "path.entry": {"dictionary": "codes", "probability": 0.7},
            "path.year": {"dictionary": "years", "probability": 0.7},
        },
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="^/api/v1/cooperation/(assessments|feedback)"
)


@pytest.fixture
def records(users):
    with connection_kept_between_wsgi_requests(), override_settings(RATELIMIT_ENABLE=False):
        for country in ("TH", "LA"):
            assessment = services.start_assessment(
                user=users.focal[country], country=country, year=2024
            )
        services.submit_assessment(user=users.focal["LA"], assessment=assessment)
        yield


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, records):
    case.call_and_validate()
