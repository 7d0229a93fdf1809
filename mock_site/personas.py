"""The seeded personas: the FAQ's kinds of account, as in docs/portal-map.md.

These passwords are mock fixtures, not secrets: they open nothing but this mock. They are
still stored hashed (see store.py), so the mock behaves like a real portal would. Every
password satisfies "Password must be at least 8 characters".
"""

from __future__ import annotations

from dataclasses import dataclass


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


PERSONAS: tuple[PersonaSeed, ...] = (
    PersonaSeed(
        "filer", "jdoe2020", "Pacer-Jane-2020", "Jane Doe", "jane.doe@example.com",
        "upgraded", "individual", "active",
        ecf=EcfSeed("jdoe-ecf", "Ecf-Jane-2019", "Jane Doe"),
        wrong_ecf=EcfSeed("jdoe-old", "Ecf-JaneOld-2015", "Jane Doe"),
    ),
    PersonaSeed(
        "linked_filer", "asmith2020", "Pacer-Alan-2020", "Alan Smith", "alan.smith@example.com",
        "upgraded", "individual", "active",
        ecf=EcfSeed("asmith-ecf", "Ecf-Alan-2019", "Alan Smith", linked=True),
    ),
    PersonaSeed(
        "firm", "bakerlowe01", "Pacer-Firm-2020", "Baker & Lowe LLP",
        "accounts@bakerlowe.example.com", "upgraded", "shared", "active",
        ecf=EcfSeed("blowe-ecf", "Ecf-Firm-2019", "Baker & Lowe LLP"),
    ),
    PersonaSeed(
        "inactive", "bwong2020", "Pacer-Beth-2020", "Beth Wong", "beth.wong@example.com",
        "upgraded", "individual", "inactive",
        ecf=EcfSeed("bwong-ecf", "Ecf-Beth-2019", "Beth Wong"),
    ),
    PersonaSeed(
        "legacy", "LP1234", "Pacer-Luis-2010", "Luis Park", "luis.park@example.com",
        "legacy", "individual", "active",
        ecf=EcfSeed("lpark-ecf", "Ecf-Luis-2019", "Luis Park"),
    ),
    PersonaSeed(
        "clerk", "citclerk01", "Pacer-Clerk-2020", "Court Clerk", "clerk@cit.example.com",
        "upgraded", "individual", "active", role="clerk",
    ),
)  # fmt: skip


def persona_record(seed: PersonaSeed) -> dict[str, str | bool | None]:
    """What GET /_mock/personas returns for one persona (field names as suite/personas.py)."""
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
    }
