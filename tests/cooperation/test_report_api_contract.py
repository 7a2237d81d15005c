"""The OpenAPI contract of /api/v1/cooperation/report, checked by schemathesis in-process
(as tests/knowledge/test_api_contract.py does): no server error, every answer documented
and valid against its schema, with the hand-counted records of ``report_fixture``."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

from .report_fixture import report_records

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"years": {"values": [2023, 2024, 2025]}},
        "parameters": {"path.year": {"dictionary": "years", "probability": 0.7}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="^/api/v1/cooperation/report"
)


@pytest.fixture
def records(db):
    with connection_kept_between_wsgi_requests():
        report_records()
        yield


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, records):
    case.call_and_validate()
