"""Who a scenario is about: the feature files' persona phrases, and the look-ups that turn
one into a Persona (skipping, or failing against the mock, when it lacks what a step needs).

No fixture lives here: each `Given <who> ...` step returns its persona as the `actor`
fixture (pytest-bdd's target_fixture); later steps about "the filer", "the user", "the
clerk" or "the visitor" (THE_ACTOR) act as that persona.

Credentials are asked for by the steps that use them, not by who a scenario is about: a
Given on a public page (the court's website, PACER's, the way to PACER login) takes the
persona as configured, perhaps not at all (who_is), and a step that signs in or types a
password asks for what it needs (require, persona_for). So given URLs alone, with no persona
set, every scenario that only reads public pages runs. "a visitor" is someone with no account
at all: a step that needs one says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from suite.run.personas import Persona

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

# Someone on public pages, with no account: nothing to configure.
VISITOR_PHRASE = "a visitor"
VISITOR = "visitor"


def one_of(name: str, phrases: Iterable[str]) -> str:
    """A named regular-expression group matching exactly these phrases: the step catalogue
    lists them for the parameter, and the dry run refuses any other, as the run would."""
    return f"(?P<{name}>" + "|".join(re.escape(phrase) for phrase in phrases) + ")"


# A regular-expression group that matches any persona phrase, for step patterns.
WHO = one_of("who", PERSONA_PHRASES)
# "the filer", "the user" and "the clerk" all mean the scenario's actor.
THE_ACTOR = "the (?:filer|user|clerk)"
# The same for steps on public pages, which anyone can take, a visitor with no account too:
# only those offer "a visitor" / "the visitor" (the catalogue lists it nowhere else).
WHO_OR_VISITOR = one_of("who", (*PERSONA_PHRASES, VISITOR_PHRASE))
THE_ACTOR_OR_VISITOR = "the (?:filer|user|clerk|visitor)"
# What every scenario needs of its persona; steps ask `require` for more. `python -m suite
# personas` reads this and each require()/persona_for() call of the steps
# (suite/retarget/persona_needs.py), so a field a step asks for here is one it names.
ALWAYS_NEEDED = ("username", "password")


def who_is(personas: dict[str, Persona], who: str) -> Persona:
    """The persona a phrase names, as configured (perhaps not at all), for a step on public
    pages; a later step that types its credentials asks for them with require()."""
    if who == VISITOR_PHRASE:
        return Persona(VISITOR)
    return personas[PERSONA_PHRASES[who]]


def require(personas: dict[str, Persona], key: str, *fields: str) -> Persona:
    """The persona; if it lacks a field the scenario needs, skip naming what to configure.

    Against the mock nothing is left to configure, so a missing field fails the scenario:
    a skip there would let `make acceptance` pass without running it.
    """
    if key == VISITOR:
        pytest.fail(
            f"a visitor has no account, and this step needs one: name a persona instead "
            f"({', '.join(repr(phrase) for phrase in PERSONA_PHRASES)})",
            pytrace=False,
        )
    persona = personas[key]
    needed = (*ALWAYS_NEEDED, *fields)
    if persona.from_mock and (lacking := [name for name in needed if not getattr(persona, name)]):
        pytest.fail(f"the mock seeds persona {key!r} without {', '.join(lacking)}", pytrace=False)
    missing = persona.missing(*needed)
    if missing:
        pytest.skip(f"persona {key!r} is not configured: set {', '.join(missing)}")
    return persona


def persona_for(personas: dict[str, Persona], who: str, *fields: str) -> Persona:
    return require(personas, PERSONA_PHRASES[who], *fields)
