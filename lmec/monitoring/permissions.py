"""Who may do what in the monitoring hub (django-rules).

Reading is public. Writing is scoped:

- measurements (file upload, API push): the secretariat (editors, administrators) for any
  station; a national focal point for the stations of their country; a data provider for the
  stations they are named on (``Station.data_providers``) — through the upload page, or with
  an API key limited to some of those stations;
- stations: the secretariat; a focal point adds and changes their country's stations (not
  deleting them: measurements hang on them);
- API keys: data providers (and administrators) for themselves;
- alert subscriptions: any signed-in person, for themselves.

Views, the API and the admin all ask ``user.has_perm(...)``; :func:`writable_station_ids`
gives the ingest the set of stations a person may write.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import (
    is_administrator,
    is_data_provider,
    is_focal_point,
    is_focal_point_of,
    is_member,
    is_secretariat,
)


@rules.predicate
def provides_for(user, station) -> bool:
    """The user is a data provider named on the station."""
    if station is None or not is_data_provider(user):
        return False
    return station.data_providers.filter(pk=user.pk).exists()


@rules.predicate
def without_object(user, obj) -> bool:
    """The question is asked without an object ("may they do this to any station?")."""
    return obj is None


@rules.predicate
def owns(user, obj) -> bool:
    return obj is not None and bool(user and user.is_authenticated) and obj.user_id == user.pk


may_upload = is_secretariat | is_focal_point | is_data_provider

rules.add_perm("monitoring", is_secretariat)
for _model in ("station", "stationparameter", "measurement", "dailyvalue"):
    rules.add_perm(f"monitoring.view_{_model}", rules.always_allow)
# Without an object: may the person add measurements to *some* station (see the upload page)?
# With a station: to that one.
rules.add_perm(
    "monitoring.upload_measurements",
    is_secretariat
    | (is_focal_point & (without_object | is_focal_point_of))
    | (is_data_provider & (without_object | provides_for)),
)
rules.add_perm("monitoring.add_station", is_secretariat | is_focal_point)
rules.add_perm(
    "monitoring.change_station",
    is_secretariat | (is_focal_point & (without_object | is_focal_point_of)),
)
rules.add_perm("monitoring.delete_station", is_secretariat)
rules.add_perm("monitoring.add_stationparameter", is_secretariat | is_focal_point)
rules.add_perm("monitoring.change_stationparameter", is_secretariat | is_focal_point)
rules.add_perm("monitoring.delete_stationparameter", is_secretariat | is_focal_point)
rules.add_perm("monitoring.view_upload", is_secretariat | owns)
rules.add_perm("monitoring.add_upload", may_upload)
rules.add_perm("monitoring.view_apikey", is_administrator | owns)
rules.add_perm("monitoring.add_apikey", is_administrator | is_data_provider)
rules.add_perm("monitoring.delete_apikey", is_administrator | owns)
rules.add_perm("monitoring.add_alertsubscription", is_member)
rules.add_perm("monitoring.view_alertsubscription", is_administrator | owns)
rules.add_perm("monitoring.delete_alertsubscription", is_administrator | owns)


def writable_station_ids(user) -> set[int] | None:
    """Ids of the stations ``user`` may add measurements to; None means every station."""
    from .models import Station

    if is_secretariat(user):
        return None
    if is_focal_point(user):
        return set(Station.objects.filter(country_id=user.country_id).values_list("id", flat=True))
    if is_data_provider(user):
        return set(user.provided_stations.values_list("id", flat=True))
    return set()
