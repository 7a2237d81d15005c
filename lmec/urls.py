"""URLs: pages under a language prefix (/en/, /th/, …); the API and health check without."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path

from .api import api
from .core import views as core_views
from .knowledge.feeds import NewResourcesFeed


def healthz(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("lmec.knowledge.open_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("lmec.core.urls")),
    path("", include("lmec.cooperation.urls")),
    path("", include("lmec.monitoring.urls")),
    path("", include("lmec.knowledge.urls")),
    path("", include("lmec.network.urls")),
    path("accounts/login/", core_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("knowledge/feed.atom", NewResourcesFeed(), name="knowledge-feed"),
)
