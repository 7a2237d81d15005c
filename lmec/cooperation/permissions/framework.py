"""Who may do what with the cooperation registry (django-rules).

The framework is public to read; only the secretariat (editors) and administrators
change it, in the admin or through ``lmec setup`` which reloads it from the data files.
"""

import rules

from lmec.core.permissions import is_secretariat

REGISTRY_MODELS = (
    "strategy",
    "objective",
    "principle",
    "priorityarea",
    "priorityitem",
    "direction",
    "action",
    "activity",
    "fundingsourcetype",
    "implementingarrangement",
    "cooperationform",
)

rules.add_perm("cooperation", is_secretariat)
for _model in REGISTRY_MODELS:
    rules.add_perm(f"cooperation.view_{_model}", rules.always_allow)
    for _verb in ("add", "change", "delete"):
        rules.add_perm(f"cooperation.{_verb}_{_model}", is_secretariat)
