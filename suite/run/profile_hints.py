"""Which profile value a failure is about, said in the failure itself.

A step that fails on a link, button, field, heading or text the target's profile names
(pages/base.py gives up a few seconds after the page loaded, expect() after its own few)
gets one more line in its failure, naming that value: its group and key, its source (faq,
seen, guess, or any other kind a profile gives), the profile's file, and the command that
calibrates it on this target:

    [names] court_contact_link = 'Contact' (source: guess, profiles/mock.toml) is the
    profile's value the step looked for; if the target shows it otherwise, calibrate it:
    python -m suite calibrate --env staging (or correct profiles/mock.toml by hand)

The run's profile notes the values each step asks for; only those the failure's own words
mention are named, so a failure that is not about the profile gets no line. Calibrate's
recording mode (suite/retarget/recording.py) keeps its own profile and notes; there this plugin
stands aside.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shlex

import pytest

from suite.run.state import PLAN, PROFILE
from suite.target.profiles import Profile
from suite.target.sites import env_var_name

# (group, key, text) of each value the running step asked the profile for.
LOOKUPS: list[tuple[str, str, str]] = []
COMMAND = pytest.StashKey[str]()


@dataclasses.dataclass(frozen=True)
class NotingProfile(Profile):
    """The run's profile, noting each value a step asks for."""

    def text(self, group: str, key: str, **fields: str) -> str:
        value = super().text(group, key, **fields)
        LOOKUPS.append((group, key, value))
        return value


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    if PROFILE not in config.stash or type(config.stash[PROFILE]) is not Profile:
        return  # no profile (a browser-free run), or calibrate's recording one
    profile = config.stash[PROFILE]
    fields = {f.name: getattr(profile, f.name) for f in dataclasses.fields(profile)}
    config.stash[PROFILE] = NotingProfile(**fields)
    config.stash[COMMAND] = calibrate_command(config)


def calibrate_command(config: pytest.Config) -> str:
    """`python -m suite calibrate` for the target of this run: its --env and --profile, and
    the URLs given on the command line as the variables calibrate reads."""
    words = ["python", "-m", "suite", "calibrate"]
    for option, name in (("cit_env", "--env"), ("cit_profile", "--profile")):
        if config.getoption(option):
            words += [name, str(config.getoption(option))]
    plan = config.stash[PLAN]
    given = [
        f"{env_var_name(site)}={shlex.quote(url)}"
        for site, url in plan.urls.items()
        if plan.sources.get(site, "").startswith("--")
    ]
    return " ".join([*given, *(shlex.quote(word) for word in words)])


def pytest_bdd_before_step() -> None:
    LOOKUPS.clear()


def pytest_bdd_step_error(request: pytest.FixtureRequest, exception: Exception) -> None:
    config = request.config
    if COMMAND not in config.stash:
        return
    hint = hint_for(str(exception), LOOKUPS, config.stash[PROFILE], config.stash[COMMAND])
    if hint and exception.args and isinstance(exception.args[0], str):
        # The failure's own message, so that the terminal, junit.xml and the reports show it.
        exception.args = (f"{exception.args[0]}\n{hint}", *exception.args[1:])


def looked_for(failure: str) -> str:
    """What a failure says was looked for: its first line, and the lines of Playwright's call
    log that say what it waited for. Not what the page showed instead ("Actual value:", "Aria
    snapshot:", "unexpected value"): the page's words may hold other values of the profile."""
    lines = failure.splitlines()
    waited = [line for line in lines[1:] if "waiting for " in line or 'Expect "' in line]
    return "\n".join(lines[:1] + waited)


def mentioned(text: str, failure: str) -> bool:
    """As given, as a pattern (re.escape), or JSON-escaped, as Playwright quotes it."""
    pattern = re.escape(text)
    forms = (text, pattern, pattern.replace("\\", "\\\\"), json.dumps(text)[1:-1])
    return any(form in failure for form in forms)


def hint_for(
    failure: str, lookups: list[tuple[str, str, str]], profile: Profile, command: str
) -> str:
    """The line naming each profile value of `lookups` that `failure` mentions; "" if none."""
    wanted = looked_for(failure)
    named = list(
        dict.fromkeys(
            (group, key, text) for group, key, text in lookups if text and mentioned(text, wanted)
        )
    )
    if not named:
        return ""
    values = "; ".join(
        f"[{group}] {key} = {text!r} (source: {profile.get(group, key).source}, "
        f"{profile.path.name})"
        for group, key, text in named
    )
    return (
        f"{values}: the profile's value{'s' if len(named) > 1 else ''} the step looked for; if "
        f"the target shows it otherwise, calibrate it: {command} (or correct "
        f"{profile.path.name} by hand)"
    )
