"""Who may do what in the cooperation app (django-rules), one module per part; importing
this package registers every rule."""

from . import (
    evaluation,  # noqa: F401
    events,  # noqa: F401
    framework,  # noqa: F401
    indicators,  # noqa: F401
    projects,  # noqa: F401
)
