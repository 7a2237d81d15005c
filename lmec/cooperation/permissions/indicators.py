"""Who may do what with the custom indicators (django-rules).

- Everyone reads indicators and their values (they are published figures).
- Editors and administrators (the secretariat) define indicators (create, change, delete)
  and enter or change any value, regional or national.
- A national focal point enters and changes the values of their own country, never another
  country's and never the regional value.

The services ask these rules for every write (and raise ``PermissionDenied``); the pages and
the API call the services.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import is_focal_point, is_secretariat


@rules.predicate
def focal_point_of_value(user, obj) -> bool:
    """``obj`` says whose a value is: a country code, a Country, or an object with
    ``country_id``; a regional value (no country) is never a focal point's."""
    if isinstance(obj, str):
        code = obj.upper()
    else:
        code = getattr(obj, "country_id", None) or getattr(obj, "code", None)
    return bool(code) and is_focal_point(user) and user.country_id == code


rules.add_perm("cooperation.view_indicator", rules.always_allow)
rules.add_perm("cooperation.view_indicatorvalue", rules.always_allow)
for _verb in ("add", "change", "delete"):
    rules.add_perm(f"cooperation.{_verb}_indicator", is_secretariat)
    rules.add_perm(f"cooperation.{_verb}_indicatorvalue", is_secretariat | focal_point_of_value)
