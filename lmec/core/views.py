"""Site pages that belong to no single app: home and about."""

from django.shortcuts import render

from lmec.cooperation import selectors as cooperation


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
