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
