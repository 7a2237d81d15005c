"""The OpenAPI contract of /api/v1/cooperation/progress and /indicators, checked by
schemathesis in-process (as tests/knowledge/test_api_contract.py does)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

from . import indicator_fixtures

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"codes": {"values": ["stations-sharing"]}},
        "parameters": {"path.code": {"dictionary": "codes", "probability": 0.7}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="^/api/v1/cooperation/(progress|indicators)"
)


@pytest.fixture
def contract_records(db):
    with connection_kept_between_wsgi_requests():
        indicator_fixtures.make_event("e1", "2024-03-10", "TH", "published", ["D1-A1-1"])
        from lmec.cooperation.models import Indicator, IndicatorValue

        indicator = Indicator.objects.create(
            code="stations-sharing", name="Stations", baseline=1, target=2
        )
        IndicatorValue.objects.create(indicator=indicator, year=2024, value=1.5)
        yield


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, contract_records):
    case.call_and_validate()
