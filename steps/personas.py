"""Who a scenario is about: the feature files' persona phrases, and the look-ups that turn
one into a Persona (skipping, or failing against the mock, when it lacks what a step needs).

No fixture lives here: each `Given <who> ...` step returns its persona as the `actor`
fixture (pytest-bdd's target_fixture); later steps about "the filer", "the user" or "the
clerk" (THE_ACTOR) act as that persona.
"""

from __future__ import annotations

import re

import pytest

from suite.personas import Persona

PERSONA_PHRASES: dict[str, str] = {
    "a filer with an upgraded individual PACER account": "filer",
    "a filer whose accounts are already linked": "linked_filer",
    "a user of a shared/firm PACER account": "firm",
    "a filer whose PACER account is inactive": "inactive",
    "a filer with a legacy PACER account": "legacy",
    "a CM/ECF Help Desk clerk": "clerk",
    # Beyond the FAQ (feature 11): required to enroll in multifactor authentication, not enrolled
    "a filer who must enroll in multifactor authentication": "unenrolled",
}

# A regular-expression group that matches any persona phrase, for step patterns.
WHO = "(?P<who>" + "|".join(re.escape(phrase) for phrase in PERSONA_PHRASES) + ")"
# "the filer", "the user" and "the clerk" all mean the scenario's actor.
THE_ACTOR = "the (?:filer|user|clerk)"


def require(personas: dict[str, Persona], key: str, *fields: str) -> Persona:
    """The persona; if it lacks a field the scenario needs, skip naming what to configure.

    Against the mock nothing is left to configure, so a missing field fails the scenario:
    a skip there would let `make acceptance` pass without running it.
    """
    persona = personas[key]
    needed = ("username", "password", *fields)
    if persona.from_mock and (lacking := [name for name in needed if not getattr(persona, name)]):
        pytest.fail(f"the mock seeds persona {key!r} without {', '.join(lacking)}", pytrace=False)
    missing = persona.missing(*needed)
    if missing:
        pytest.skip(f"persona {key!r} is not configured: set {', '.join(missing)}")
    return persona


def persona_for(personas: dict[str, Persona], who: str, *fields: str) -> Persona:
    return require(personas, PERSONA_PHRASES[who], *fields)
