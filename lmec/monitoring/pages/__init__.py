"""Pages of the air-quality hub: the regional map, a station, a comparison.

One module per page (``map``, ``station``, ``compare``), the query forms they share in
``forms`` and the presentation helpers (labels, local times, JSON for the scripts) in
``display``. Views stay thin: the numbers come from :mod:`lmec.monitoring.selectors`.
"""
