"""The OpenAPI contract of /api/v1/network, checked by schemathesis in-process (as
tests/knowledge/test_api_contract.py does for the catalogue)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"slugs": {"values": ["pcd-th", "vea-vn", "mrcs"]}},
        "parameters": {"path.slug": {"dictionary": "slugs", "probability": 0.7}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="^/api/v1/network/"
)


@pytest.fixture
def records(db, directory):
    with connection_kept_between_wsgi_requests():
        yield


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, records):
    case.call_and_validate()
