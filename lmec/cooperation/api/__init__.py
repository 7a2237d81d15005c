"""JSON API of the cooperation app: ``/api/v1/framework/…`` (the registry) and
``/api/v1/cooperation/…`` (events, projects, indicators, assessments, the report), one
module per part, each with its own router mounted below."""

from ninja import Router

from . import indicators
from .framework import router

cooperation_router = Router()
cooperation_router.add_router("/indicators", indicators.router)
cooperation_router.add_router("/progress", indicators.progress_router)

__all__ = ["cooperation_router", "router"]
