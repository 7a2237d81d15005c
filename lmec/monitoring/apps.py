from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "lmec.monitoring"
    label = "monitoring"
    verbose_name = _("Air and water quality")

    def ready(self) -> None:
        from . import alerts, permissions  # noqa: F401  (permissions registers the app's rules)
        from .ingest import AFTER_INGEST
        from .selectors.aqi import warm_latest

        if alerts.after_ingest not in AFTER_INGEST:
            AFTER_INGEST.append(alerts.after_ingest)
        if warm_latest not in AFTER_INGEST:  # the map's latest indices, ready after an ingest
            AFTER_INGEST.append(warm_latest)
