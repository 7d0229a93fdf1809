"""The FAQ's kinds of account ("personas"), and where their credentials come from.

Against the mock they come from its control API (the mock seeds them). Against a real
portal they come from environment variables, or from an untracked KEY=VALUE file named by
CIT_FAQ_PERSONAS_FILE, never from this repository. Every password, authentication-app key
and backup code read is registered as a secret so that artefacts can be scrubbed of it (see
suite/run/secrets.py).

A persona's multifactor authentication (PACER, 2025 on) comes from the same places as its
password: `totp_secret`, the key of its authentication app (the base32 text key PACER shows
when the app is added, or the whole `otpauth://` URI), normalised with pyotp's own parsing;
and `backup_codes`, its unused backup codes (in a variable: separated by commas and/or
whitespace).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import pyotp

from suite.run import secrets

PERSONAS_FILE_VARIABLE = "CIT_FAQ_PERSONAS_FILE"

# What each persona stands for, in the FAQ's words; the keys match the mock's seeds.
PERSONA_KINDS: dict[str, str] = {
    "filer": "upgraded individual PACER account with an unlinked CM/ECF account",
    "linked_filer": "upgraded individual PACER account already linked to its CM/ECF account",
    "firm": "shared/firm PACER account",
    "inactive": "inactive upgraded PACER account with an unlinked CM/ECF account",
    "legacy": "legacy (not upgraded) PACER account with a CM/ECF account",
    "clerk": "court staff (CM/ECF Help Desk) account",
    "unenrolled": "upgraded individual PACER account with CM/ECF-level access, required to "
    "enroll in multifactor authentication and not enrolled",
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
    "unenrolled": True,  # CM/ECF-level access: its CM/ECF account is linked
}
# PACER's passcodes: 6 digits from a TOTP key, a new one every 30 seconds (portal-reference.md,
# "PACER login today: multifactor authentication" [seen]; the "30-second steps, 6 digits").
TOTP_DIGITS, TOTP_INTERVAL, TOTP_ALGORITHM = 6, 30, "sha1"


class PersonaError(ValueError):
    """A persona setting the suite cannot use; the message names the variable and why."""


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
    # Multifactor authentication: the app's key (base32, normalised) and unused backup codes.
    totp_secret: str | None = None
    backup_codes: tuple[str, ...] = ()
    # Seeded by the embedded mock: a missing field is then the mock's defect, not a setting
    # the user has still to make.
    from_mock: bool = field(default=False, kw_only=True)

    def __repr__(self) -> str:  # never let a password reach a log or a report by accident
        return f"Persona({self.key!r}, username={self.username!r})"

    def missing(self, *needed: str) -> list[str]:
        """The environment variables still to set for the given fields."""
        return [variable_name(self.key, name) for name in needed if not getattr(self, name)]

    @property
    def has_second_factor(self) -> bool:
        return bool(self.totp_secret or self.backup_codes)


FIELDS = tuple(f.name for f in fields(Persona) if f.name not in ("key", "from_mock"))
# The fields read as plain text (the MFA ones are parsed).
TEXT_FIELDS = tuple(name for name in FIELDS if name not in ("totp_secret", "backup_codes"))
SECRET_FIELDS = ("password", "ecf_password", "wrong_ecf_password", "totp_secret")
# The variables that give a persona a second factor, in the order a person should prefer them.
SECOND_FACTOR_FIELDS = ("totp_secret", "backup_codes")


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
                f"(CIT_FAQ_<PERSONA>_<FIELD>, see docs/targets.md 'Personas on a real portal')"
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
        text = {name: values.get(variable_name(key, name)) or None for name in TEXT_FIELDS}
        given_key = values.get(variable_name(key, "totp_secret"))
        codes = split_backup_codes(values.get(variable_name(key, "backup_codes"), ""))
        # Registered before they are checked: no error message can then show one.
        for secret in (given_key, *codes):
            secrets.register(secret)
        totp = normalised_totp_secret(given_key, variable_name(key, "totp_secret"))
        personas[key] = _registered(_persona(key, text, totp, codes, from_mock=False))
    return personas


def personas_from_mock(seeded: Mapping[str, Mapping[str, Any]]) -> dict[str, Persona]:
    personas = {}
    for key in PERSONA_KINDS:
        record = seeded.get(key, {})
        text = {name: record.get(name) for name in TEXT_FIELDS}
        codes = tuple(str(code) for code in record.get("backup_codes") or ())
        secrets.register(record.get("totp_secret"))
        totp = normalised_totp_secret(record.get("totp_secret"), f"the mock's persona {key!r}")
        personas[key] = _registered(_persona(key, text, totp, codes, from_mock=True))
    return personas


def _persona(
    key: str,
    text: Mapping[str, str | None],
    totp_secret: str | None,
    backup_codes: tuple[str, ...],
    from_mock: bool,
) -> Persona:
    return Persona(
        key,
        username=text["username"],
        password=text["password"],
        name=text["name"],
        email=text["email"],
        ecf_login=text["ecf_login"],
        ecf_password=text["ecf_password"],
        wrong_ecf_login=text["wrong_ecf_login"],
        wrong_ecf_password=text["wrong_ecf_password"],
        totp_secret=totp_secret,
        backup_codes=backup_codes,
        from_mock=from_mock,
    )


def split_backup_codes(text: str) -> tuple[str, ...]:
    """Backup codes as a variable holds them: separated by commas and/or whitespace."""
    return tuple(code for code in re.split(r"[\s,]+", text.strip()) if code)


def normalised_totp_secret(given: str | None, where: str) -> str | None:
    """The base32 key of an authentication app, from the key as PACER shows it (any case,
    spaces between groups) or from its `otpauth://` URI, parsed by pyotp. A key pyotp cannot
    use, or a URI for other passcodes than PACER's, is refused naming `where`, never shown."""
    if not given:
        return None
    text = given.strip()
    if text.lower().startswith("otpauth://"):
        try:
            parsed = pyotp.parse_uri(text)
        except ValueError as error:
            raise PersonaError(
                f"{where}: not an otpauth:// URI pyotp can read ({_why(error, given)})"
            ) from None
        if not isinstance(parsed, pyotp.TOTP):
            raise PersonaError(f"{where}: the otpauth:// URI is not a time-based (totp) one")
        digest = getattr(parsed.digest(), "name", "")
        if (parsed.digits, parsed.interval, digest) != (TOTP_DIGITS, TOTP_INTERVAL, TOTP_ALGORITHM):
            raise PersonaError(
                f"{where}: the otpauth:// URI asks for {parsed.digits} digits every "
                f"{parsed.interval} s ({digest}); PACER's passcodes are {TOTP_DIGITS} digits every "
                f"{TOTP_INTERVAL} s ({TOTP_ALGORITHM})"
            )
        text = parsed.secret
    key = re.sub(r"[\s-]+", "", text).upper().rstrip("=")
    try:
        pyotp.TOTP(key).byte_secret()
    except (ValueError, TypeError) as error:
        raise PersonaError(
            f"{where}: not a key an authentication app uses ({_why(error, given)}); give the text "
            "key PACER shows when the app is added, or its otpauth:// URI"
        ) from None
    secrets.register(key)
    return key


def _why(error: Exception, secret: str) -> str:
    """pyotp's reason, with nothing of the secret in it."""
    return secrets.mask(str(error).encode(), frozenset({secret})).decode() or type(error).__name__


def _registered(persona: Persona) -> Persona:
    for name in SECRET_FIELDS:
        secrets.register(getattr(persona, name))
    for code in persona.backup_codes:
        secrets.register(code)
    return persona
