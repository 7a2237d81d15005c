"""Air- and water-quality standards engine (pure NumPy, no Django).

Modules, one per topic:

- :mod:`lmec.quality.aqi` -- air quality indices of each LMC country, NowCast, daily inputs
- :mod:`lmec.quality.water` -- surface-water quality classes
- :mod:`lmec.quality.limits` -- ambient limit values (WHO 2021 and national standards)
- :mod:`lmec.quality.units` -- concentration unit conversion

Import the module you need: ``from lmec.quality import aqi, water, units``.
This package must never import Django (a test enforces it).
"""
