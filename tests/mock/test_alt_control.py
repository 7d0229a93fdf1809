"""The /_mock control API's tests, run against the alt dialect: the suite resets, seeds and
signs in through it the same way whatever the dialect.

The test functions are those of test_control.py and test_control_errors.py, collected here
again; the fixtures below make them run on the alt dialect's apps (visitor takes the
default paths to the alt ones).
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from mock_site.dialects import get_dialect
from tests.mock import test_control, test_control_errors
from tests.mock.helpers import Browser, DialectBrowser

# These drive the control API and then read a site page in the default dialect's words or at
# its paths ("Civil", <dt>Status</dt>, "Page not found", /manage-account): their control
# calls are exercised by the other tests, and the alt pages by test_alt_paths.py,
# test_alt_markup.py and test_alt_behaviour.py.
READ_DEFAULT_PAGES = {
    "test_create_an_account_in_a_given_state",
    "test_activating_an_inactive_account",
    "test_the_sites_own_errors_stay_pages",
    "test_the_shortest_account_allowed_signs_in_at_pacer_login",
    "test_the_longest_account_allowed_signs_in_at_the_forms",
}
TESTS: dict[str, Any] = {
    name: test
    for module in (test_control, test_control_errors)
    for name, test in vars(module).items()
    if name.startswith("test_") and name not in READ_DEFAULT_PAGES
}
globals().update(TESTS)


@pytest.fixture
def apps(alt_apps: dict[str, Flask]) -> dict[str, Flask]:
    return alt_apps


@pytest.fixture
def visitor(alt_apps: dict[str, Flask]) -> Browser:
    return DialectBrowser(alt_apps, get_dialect("alt"))
