"""The admin site for the knowledge app (the harvester registers its models)."""

from .harvest import admin as harvest_admin  # noqa: F401
