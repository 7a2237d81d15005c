from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "lmec.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the app's rules)
        from .services import hooks

        hooks.connect_search()
