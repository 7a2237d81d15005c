"""Who may do what with the evaluation of the framework (strategy 5.4), with django-rules.

- A country's self-assessment is started, edited (while a draft) and submitted by that
  country's focal point, or by the secretariat (editors, administrators) for any country.
  Submitting locks it for everyone; only the secretariat may reopen it (recorded).
- Everyone sees submitted self-assessments; a draft is seen only by its country's focal
  point and the secretariat.
- Anyone may send public feedback (rate-limited by IP in the service); the secretariat
  moderates it and sees single items and the moderation queue; the public sees aggregates
  and approved comments only.

The services ask these rules for every write and raise ``PermissionDenied``; the lock is the
services' business (a 409 with the state named), not a rule, so a refused write says why.
"""

from __future__ import annotations

import rules

from lmec.core.permissions import is_focal_point_of, is_secretariat

from ..models import AssessmentStatus


@rules.predicate
def is_submitted(user, assessment) -> bool:
    return assessment is not None and assessment.status == AssessmentStatus.SUBMITTED


#: obj: a Country (start) or a SelfAssessment (edit, submit).
may_draft = is_secretariat | is_focal_point_of

rules.add_perm("cooperation.start_selfassessment", may_draft)
rules.add_perm("cooperation.change_selfassessment", may_draft)
rules.add_perm("cooperation.submit_selfassessment", may_draft)
rules.add_perm("cooperation.reopen_selfassessment", is_secretariat)
rules.add_perm("cooperation.view_selfassessment", is_secretariat | is_focal_point_of | is_submitted)
rules.add_perm("cooperation.add_feedback", rules.always_allow)
rules.add_perm("cooperation.moderate_feedback", is_secretariat)
rules.add_perm("cooperation.view_feedback", is_secretariat)
