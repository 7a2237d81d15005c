"""Pages of the monitoring hub, one module per page or group of pages.

``map``, ``station``, ``compare`` (air quality), ``water`` (sampling sites), ``standards``
(the standards side by side), ``data`` (uploads, API keys, alert subscriptions; its forms in
``data_forms``); the query forms the air pages share in ``forms`` and the presentation
helpers (labels, local times, JSON for the scripts) in ``display``. Views stay thin: the numbers come from :mod:`lmec.monitoring.selectors`.
"""
