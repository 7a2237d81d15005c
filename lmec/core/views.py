"""Site pages that belong to no single app: home and about."""

from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.urls import translate_url

from lmec.cooperation import selectors as cooperation

from .i18n import normalise_language


def home(request):
    strategy = cooperation.current_strategy()
    return render(
        request,
        "core/home.html",
        {
            "strategy": strategy,
            "directions": cooperation.direction_list(strategy=strategy) if strategy else [],
            "objectives": strategy.objectives.all() if strategy else [],
            "themes": cooperation.theme_list(),
        },
    )


def about(request):
    strategy = cooperation.current_strategy()
    return render(
        request,
        "core/about.html",
        {
            "strategy": strategy,
            "arrangements": strategy.implementing_arrangements.all() if strategy else [],
            "forms": strategy.cooperation_forms.all() if strategy else [],
            "funding_types": strategy.funding_source_types.all() if strategy else [],
            "countries": cooperation.country_list(),
        },
    )


class LoginView(auth_views.LoginView):
    """Sign-in that continues in the person's preferred language, if they chose one."""

    def get_success_url(self) -> str:
        url = super().get_success_url()
        language = normalise_language(getattr(self.request.user, "language", ""))
        return translate_url(url, language) if language else url
