from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "lmec.monitoring"
    label = "monitoring"
    verbose_name = _("Air and water quality")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the app's rules)
