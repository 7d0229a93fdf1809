"""Root conftest: registers the suite's plugin and every step module.

pytest-bdd finds steps only in conftest files and registered plugins, so each module in
steps/ is listed here; a step module missing from this list would make its steps "not
found" at run time.
"""

pytest_plugins = [
    "suite.run.step_notes",
    "suite.run.feature_paths",
    "suite.run.output",
    "suite.run.browser_launch",
    "suite.run.plugin",
    "suite.run.fixtures",
    "suite.run.restores",
    "suite.run.profile_hints",
    "suite.run.tracing",
    "suite.run.screens",
    "suite.audits.accessibility",
    "suite.run.page_history",
    "suite.authoring.step_contract",
    "suite.reporting.plugin",
    "suite.reporting.allure",
    "steps.common",
    "steps.second_factor",
    "steps.sign_in_state",
    "steps.account_state",
    "steps.navigation",
    "steps.sign_in",
    "steps.linking",
    "steps.account",
    "steps.help_desk",
    "steps.court_site",
    "steps.cutover",
    "steps.keyboard",
    "steps.faults",
    # Last: the old phrases of the catalogue, kept working for a while
    # (suite/authoring/step_contract.py).
    "steps.old_phrases",
    "steps.mfa",
]
