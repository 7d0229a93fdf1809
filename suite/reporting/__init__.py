"""What a run leaves in reports/: per-scenario results, the HTML report, cucumber JSON,
the FAQ traceability matrix, and the helpers the report commands share.

The pytest side is `suite.reporting.plugin` (registered from the root conftest.py); the
commands are `python -m suite.reporting.traceability` and `python -m suite.reporting` (merge
shard reports). The checks of what analysts write (catalogue, dry run, lint) are in
suite.authoring.
"""
