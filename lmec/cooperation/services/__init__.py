"""Writes of the cooperation app, one module per part: the framework registry
(:mod:`.framework`), events and registrations (:mod:`.events`), projects and funding
(:mod:`.projects`), indicators (:mod:`.indicators`), assessments (:mod:`.evaluation`)."""

from .framework import STRATEGY_SLUG, load_strategy

__all__ = ["STRATEGY_SLUG", "load_strategy"]
