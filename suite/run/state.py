"""What the suite's plugin found out at start-up, for every other plugin of the suite.

suite/run/plugin.py plans the target and loads its profile in pytest_configure, and
suite/run/browser_launch.py chooses the browser; both keep what they found in pytest's
config.stash under these keys. The reports, the audits and the other plugins read it here,
so none of them imports the plugin that found it.
"""

from __future__ import annotations

import pytest

from suite.run.browser import BrowserChoice
from suite.target.profiles import Profile
from suite.target.sites import TargetPlan

PLAN = pytest.StashKey[TargetPlan]()
PROFILE = pytest.StashKey[Profile]()
# Whether a site URL given on the command line is a separately started mock (its /_mock).
EXTERNAL_IS_MOCK = pytest.StashKey[bool]()
BROWSER = pytest.StashKey[BrowserChoice]()


def is_mock(config: pytest.Config) -> bool:
    """Whether this run's CM/ECF is a mock: the embedded one, or one given by its URL."""
    return "ecf" not in config.stash[PLAN].urls or config.stash[EXTERNAL_IS_MOCK]


def check_choice(config: pytest.Config, dest: str, variable: str, choices: tuple[str, ...]) -> None:
    """argparse checks an option's value against its choices, but not a default taken from
    an environment variable: check that one here, as one line."""
    value = config.getoption(dest)
    if value not in choices:
        raise pytest.UsageError(f"{variable}={value!r}: expected one of {', '.join(choices)}")
