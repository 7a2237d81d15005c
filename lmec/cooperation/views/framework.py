"""Pages of the cooperation registry."""

from django.shortcuts import render

from .. import selectors


def framework(request):
    strategy = selectors.current_strategy()
    directions = list(selectors.direction_list(strategy=strategy)) if strategy else []
    return render(
        request,
        "cooperation/framework.html",
        {
            "strategy": strategy,
            "directions": directions,
            "activity_count": sum(
                len(action.activities.all()) for d in directions for action in d.actions.all()
            ),
            "areas": selectors.priority_area_list(strategy=strategy) if strategy else [],
            "principles": strategy.principles.all() if strategy else [],
        },
    )
