"""JSON API of the cooperation app: ``/api/v1/framework/…`` (the registry) and
``/api/v1/cooperation/…`` (events, projects, indicators, assessments, the report), one
module per part, each with its own router mounted below."""

from ninja import Router

from . import evaluation, events, indicators, projects, report
from .framework import router

cooperation_router = Router()
cooperation_router.add_router("/events", events.router)
cooperation_router.add_router("/projects", projects.router)
cooperation_router.add_router("/indicators", indicators.router)
cooperation_router.add_router("/progress", indicators.progress_router)
cooperation_router.add_router("/assessments", evaluation.assessments_router)
cooperation_router.add_router("/feedback", evaluation.feedback_router)
cooperation_router.add_router("/report", report.router)

__all__ = ["cooperation_router", "router"]
