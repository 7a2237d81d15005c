"""Each request is one unit of work for station lookups (:func:`selectors.same_stations`).

A page or an API answer asks several selectors about the same station; within a request each
station is read from the database once. Across requests nothing is kept, so an edited station
is seen by the next request.
"""

from . import selectors


def same_stations_per_request(get_response):
    def middleware(request):
        with selectors.same_stations():
            return get_response(request)

    return middleware
