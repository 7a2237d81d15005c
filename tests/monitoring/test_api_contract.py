"""The OpenAPI contract of the framework, standards and monitoring operations of /api/v1,
checked by schemathesis in-process (the other parts' operations: their own contract tests).

The same checks as ``schemathesis run --checks all`` (``scripts/schemathesis.sh`` runs that
CLI against a live server): no server error, every status code and content type documented,
answers valid against their schema, schema-valid requests accepted and schema-violating ones
refused. A bounded number of examples per operation keeps it a unit test; the database is
the suite's (SQLite or PostgreSQL), with the stations of ``readings.contract_stations``.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

from . import readings

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"stations": {"values": ["TH-BK-01", "MM-YG-01", "VN-HN-01"]}},
        "parameters": {"path.code": {"dictionary": "stations", "probability": 0.7}},
    }
)
# The framework, standards and monitoring operations; each other part's operations have a
# contract test of their own, with that part's records (tests/*/test_*contract.py).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).exclude(
    path_regex="^/api/v1/(cooperation|knowledge|network)/"
)


@pytest.fixture
def stations(db):
    with connection_kept_between_wsgi_requests():
        readings.contract_stations(days=3)
        yield


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, stations):
    case.call_and_validate()
