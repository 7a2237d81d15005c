from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "lmec.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the app's rules)
