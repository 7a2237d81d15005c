"""Pages of the knowledge platform, one module per page family.

``browse`` (search and facets), ``resource`` (a record, its case layout, downloads, previews),
``themes``, ``edit`` (submit and edit forms, a member's records), ``review`` (the queue and the
workflow steps, which ``workflow`` offers), ``access`` (requests for on-request datasets);
``display`` holds the presentation helpers they share. Views stay thin: reads come from
:mod:`lmec.knowledge.selectors` and the search, writes go through :mod:`lmec.knowledge.services`.
"""
