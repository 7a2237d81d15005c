"""django-ninja names an OpenAPI component after its schema class: two classes of one name
in different modules become one component, and one endpoint then documents the other's
shape (schemathesis found this as "response violates schema"). Keep every name unique."""

from collections import defaultdict

import pytest


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


@pytest.mark.django_db
def test_it_gives_every_api_schema_class_its_own_name():
    from ninja import Schema

    import lmec.api  # noqa: F401  (imports every router and its schemas)

    modules = defaultdict(set)
    for cls in subclasses(Schema):
        if cls.__module__.startswith("lmec."):
            modules[cls.__name__].add(cls.__module__)
    shared = {name: sorted(where) for name, where in modules.items() if len(where) > 1}
    assert shared == {}


CONTRACT_TESTS = [
    "tests.monitoring.test_api_contract",
    "tests.knowledge.test_api_contract",
    "tests.knowledge.test_search_contract",
    "tests.network.test_api_contract",
    "tests.cooperation.test_event_api_contract",
    "tests.cooperation.test_project_api_contract",
    "tests.cooperation.test_indicators_api_contract",
    "tests.cooperation.test_evaluation_api_contract",
    "tests.cooperation.test_report_api_contract",
]


def operations(schema) -> set[tuple[str, str]]:
    return {
        (result.ok().method.upper(), result.ok().path) for result in schema.get_all_operations()
    }


@pytest.mark.django_db
def test_every_api_operation_has_exactly_one_contract_test():
    """Each part's contract test takes its own operations (with its own records); a new
    operation must land in one of them, and none is checked twice."""
    import importlib

    import schemathesis

    from lmec.wsgi import application

    everything = operations(schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application))
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in CONTRACT_TESTS:
        for operation in operations(importlib.import_module(name).schema):
            seen[operation].append(name)
    assert set(seen) == everything, sorted(everything - set(seen))
    assert {op: where for op, where in seen.items() if len(where) > 1} == {}
