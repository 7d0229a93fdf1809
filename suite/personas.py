"""The FAQ's kinds of account ("personas"), and where their credentials come from.

Against the mock they come from its control API (the mock seeds them). Against a real
portal they come from environment variables, or from an untracked KEY=VALUE file named by
CIT_FAQ_PERSONAS_FILE, never from this repository. Every password read is registered as a
secret so that artefacts can be scrubbed of it (see suite/secrets.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from suite import secrets

PERSONAS_FILE_VARIABLE = "CIT_FAQ_PERSONAS_FILE"

# What each persona stands for, in the FAQ's words; the keys match the mock's seeds.
PERSONA_KINDS: dict[str, str] = {
    "filer": "upgraded individual PACER account with an unlinked CM/ECF account",
    "linked_filer": "upgraded individual PACER account already linked to its CM/ECF account",
    "firm": "shared/firm PACER account",
    "inactive": "inactive upgraded PACER account with an unlinked CM/ECF account",
    "legacy": "legacy (not upgraded) PACER account with a CM/ECF account",
    "clerk": "court staff (CM/ECF Help Desk) account",
}
# Whether each persona's CM/ECF account is linked when a scenario starts, as PERSONA_KINDS
# says: checked before a scenario relies on it, put back after one changes it
# (steps/account_state.py). The clerk has no CM/ECF account of its own to link.
STARTS_LINKED: dict[str, bool] = {
    "filer": False,
    "linked_filer": True,
    "firm": False,
    "inactive": False,
    "legacy": False,
}


@dataclass(frozen=True)
class Persona:
    key: str
    username: str | None = None
    password: str | None = None
    name: str | None = None
    email: str | None = None
    ecf_login: str | None = None
    ecf_password: str | None = None
    wrong_ecf_login: str | None = None
    wrong_ecf_password: str | None = None
    # Seeded by the embedded mock: a missing field is then the mock's defect, not a setting
    # the user has still to make.
    from_mock: bool = field(default=False, kw_only=True)

    def __repr__(self) -> str:  # never let a password reach a log or a report by accident
        return f"Persona({self.key!r}, username={self.username!r})"

    def missing(self, *needed: str) -> list[str]:
        """The environment variables still to set for the given fields."""
        return [variable_name(self.key, name) for name in needed if not getattr(self, name)]


FIELDS = tuple(f.name for f in fields(Persona) if f.name not in ("key", "from_mock"))
SECRET_FIELDS = ("password", "ecf_password", "wrong_ecf_password")


def variable_name(key: str, field_name: str) -> str:
    return f"CIT_FAQ_{key.upper()}_{field_name.upper()}"


PERSONA_VARIABLES = frozenset(variable_name(k, f) for k in PERSONA_KINDS for f in FIELDS)


def read_personas_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            raise ValueError(f"{path}:{number}: expected NAME=VALUE")
        name, value = line.split("=", 1)
        name, value = name.strip().removeprefix("export ").strip(), value.strip()
        if name not in PERSONA_VARIABLES:  # a typo would leave the persona silently unset
            raise ValueError(
                f"{path}:{number}: {name} is not a persona variable "
                f"(CIT_FAQ_<PERSONA>_<FIELD>, see README 'Against a staging portal')"
            )
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]  # quoted: taken as it is, '#' included
        elif re.search(r"\s#", value):
            raise ValueError(
                f"{path}:{number}: a comment after a value would be read as part of it; "
                f"put it on a line of its own, or quote the value"
            )
        values[name] = value
    return values


def personas_from_environment(environ: Mapping[str, str] = os.environ) -> dict[str, Persona]:
    values: dict[str, str] = {}
    if environ.get(PERSONAS_FILE_VARIABLE):
        values.update(read_personas_file(Path(environ[PERSONAS_FILE_VARIABLE])))
    values.update({k: v for k, v in environ.items() if k.startswith("CIT_FAQ_")})
    personas = {}
    for key in PERSONA_KINDS:
        given = (values.get(variable_name(key, name)) or None for name in FIELDS)
        personas[key] = _registered(Persona(key, *given))
    return personas


def personas_from_mock(seeded: Mapping[str, Mapping[str, str]]) -> dict[str, Persona]:
    personas = {}
    for key in PERSONA_KINDS:
        record = seeded.get(key, {})
        given = (record.get(name) for name in FIELDS)
        personas[key] = _registered(Persona(key, *given, from_mock=True))
    return personas


def _registered(persona: Persona) -> Persona:
    for name in SECRET_FIELDS:
        secrets.register(getattr(persona, name))
    return persona
