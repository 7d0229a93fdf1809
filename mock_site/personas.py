"""The seeded personas: the FAQ's kinds of account, as in docs/portal-map.md.

These passwords are mock fixtures, not secrets: they open nothing but this mock. They are
still stored hashed (see store.py), so the mock behaves like a real portal would. Every
password satisfies "Password must be at least 8 characters". The TOTP keys and backup codes
are fixtures too: the keys of the personas' authentication apps (see mock_site/mfa.py).

Who must pass multifactor authentication (portal-reference.md, "PACER login today"): every
user with CM/ECF-level access (filers, court staff); users with PACER-only access may enroll
but need not. The shared firm account is for research only, and so is the legacy account:
only an upgraded, individual account can e-file in NextGen, so neither has CM/ECF-level
access, neither is enrolled, and neither is ever asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mock_site.mfa import MfaState


@dataclass(frozen=True)
class EcfSeed:
    login: str
    password: str
    name: str
    linked: bool = False  # linked to the persona's PACER account at seed time


@dataclass(frozen=True)
class PersonaSeed:
    key: str
    username: str
    password: str
    name: str
    email: str
    type: str  # "upgraded" | "legacy"
    kind: str  # "individual" | "shared"
    status: str  # "active" | "inactive"
    role: str = "user"  # "user" | "clerk"
    ecf: EcfSeed | None = None
    wrong_ecf: EcfSeed | None = None  # filer only: the account of "I linked the wrong accounts"
    # Multifactor authentication: required (CM/ECF-level access) or not (PACER-only); the
    # key of its authentication app, if any; its backup codes, if any.
    mfa_required: bool = True
    totp_secret: str | None = None
    backup_codes: tuple[str, ...] = ()


PERSONAS: tuple[PersonaSeed, ...] = (
    PersonaSeed(
        "filer", "jdoe2020", "Pacer-Jane-2020", "Jane Doe", "jane.doe@example.com",
        "upgraded", "individual", "active",
        ecf=EcfSeed("jdoe-ecf", "Ecf-Jane-2019", "Jane Doe"),
        wrong_ecf=EcfSeed("jdoe-old", "Ecf-JaneOld-2015", "Jane Doe"),
        totp_secret="RKIW6LHBDROEON4MPXS4NS22RF7UEQPW",
        backup_codes=(
            "4pcfe6tkcr", "yqjs7e73sa", "gsndm89a38", "y2jd8tt5uk", "arfd4b9qfk",
            "rvd9gcv5wn", "c7w72e8h8e", "44w7fybpqn", "fb4s77dbtx", "rz5ss2cusy",
        ),
    ),
    PersonaSeed(
        "linked_filer", "asmith2020", "Pacer-Alan-2020", "Alan Smith", "alan.smith@example.com",
        "upgraded", "individual", "active",
        ecf=EcfSeed("asmith-ecf", "Ecf-Alan-2019", "Alan Smith", linked=True),
        totp_secret="3Z7VZD7OSIZRJAJPA2INNNWRM7GQUEEM",
    ),
    PersonaSeed(
        "firm", "bakerlowe01", "Pacer-Firm-2020", "Baker & Lowe LLP",
        "accounts@bakerlowe.example.com", "upgraded", "shared", "active",
        ecf=EcfSeed("blowe-ecf", "Ecf-Firm-2019", "Baker & Lowe LLP"),
        mfa_required=False,
    ),
    PersonaSeed(
        "inactive", "bwong2020", "Pacer-Beth-2020", "Beth Wong", "beth.wong@example.com",
        "upgraded", "individual", "inactive",
        ecf=EcfSeed("bwong-ecf", "Ecf-Beth-2019", "Beth Wong"),
        totp_secret="CMA3F5X2FKW2PQAHER5MFKHLKX4ISXAP",
    ),
    PersonaSeed(
        "legacy", "LP1234", "Pacer-Luis-2010", "Luis Park", "luis.park@example.com",
        "legacy", "individual", "active",
        ecf=EcfSeed("lpark-ecf", "Ecf-Luis-2019", "Luis Park"),
        mfa_required=False,
    ),
    PersonaSeed(
        "clerk", "citclerk01", "Pacer-Clerk-2020", "Court Clerk", "clerk@cit.example.com",
        "upgraded", "individual", "active", role="clerk",
        totp_secret="QFIZ6AY3H3CD3LDEADRUPWT6RB3FEZD2",
    ),
    # A filer who must enroll and has not: prompted at sign-in, with three skips.
    PersonaSeed(
        "unenrolled", "dlee2020", "Pacer-Dana-2020", "Dana Lee", "dana.lee@example.com",
        "upgraded", "individual", "active",
        ecf=EcfSeed("dlee-ecf", "Ecf-Dana-2019", "Dana Lee", linked=True),
    ),
)  # fmt: skip


def persona_record(seed: PersonaSeed, mfa: MfaState) -> dict[str, Any]:
    """What GET /_mock/personas returns for one persona (field names as suite/run/personas.py).

    The MFA fields are the account's now (after a reset, its seed): its first app's key and
    its unused backup codes.
    """
    return {
        "username": seed.username,
        "password": seed.password,
        "name": seed.name,
        "email": seed.email,
        "type": seed.type,
        "kind": seed.kind,
        "status": seed.status,
        "role": seed.role,
        "ecf_login": seed.ecf.login if seed.ecf else None,
        "ecf_password": seed.ecf.password if seed.ecf else None,
        "ecf_linked": bool(seed.ecf and seed.ecf.linked),
        "wrong_ecf_login": seed.wrong_ecf.login if seed.wrong_ecf else None,
        "wrong_ecf_password": seed.wrong_ecf.password if seed.wrong_ecf else None,
        "totp_secret": mfa.apps[0] if mfa.apps else None,
        "backup_codes": list(mfa.backup_codes),
        "mfa_required": mfa.required,
    }


def seeded_mfa(seed: PersonaSeed) -> MfaState:
    """The persona's MFA state at a reset; an app seeded before the mock's dates is dated
    the day voluntary enrollment opened."""
    keys = [seed.totp_secret] if seed.totp_secret else []
    return MfaState(
        required=seed.mfa_required,
        apps=keys,
        added=["2025-05-11"] * len(keys),
        backup_codes=list(seed.backup_codes),
    )
