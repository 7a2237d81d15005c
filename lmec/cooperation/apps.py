from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "lmec.cooperation"
    label = "cooperation"
    verbose_name = _("Cooperation")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the app's rules)
