"""What each step parameter stands for, in the words analysts read in the step catalogue.

A step's parameters are named groups of its pattern (`(?P<who>...)`, `{meaning}`). Here each
name gets:

- its placeholder in words (`meaning` reads `<message meaning>`); a name not listed reads as
  itself, underscores as spaces;
- for a parameter whose values are keys of the target's profile (a message named by what it
  means), the keys that are valid on a target: the step catalogue lists them and the dry run
  (suite.authoring.dry_run) refuses any other, as the real run would;
- for an open parameter with a shape (a date), a check of that shape.

Closed sets written in the step patterns themselves (`(?P<site>CM/ECF|the PACER website)`) need
nothing here: suite.authoring.phrases reads the alternatives from the pattern.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from suite.target.profiles import Profile

PLACEHOLDERS = {
    "who": "who",
    "meaning": "message meaning",
    "email_meaning": "email meaning",
    "account_value": "value meaning",
    "term": "term",
    "message": "quoted words",
    "text": "quoted words",
    "question": "FAQ question",
    "credentials": "credentials",
    "site": "site",
    "menu": "menu",
    "name": "page",
    "route": "route",
    "where": "contact page",
    "contact": "contact",
    "phone": "phone number",
    "dial": "number dialled",
    "email": "email address",
    "address": "email address",
    "items": "menu items",
    "value": "account type",
    "court": "court",
    "display": "screen",
    "day": "date",
    "shown": "words shown",
    "subject": "email subject",
}


def placeholder(name: str) -> str:
    return PLACEHOLDERS.get(name, name.replace("_", " "))


# Account terms (Manage My Account's labels) are keys of [account] too; the values a term
# shows are the other keys.
ACCOUNT_TERMS = ("type", "kind", "status", "credit card")
EMAIL_PREFIX = "email: "


def message_meanings(profile: Profile) -> list[str]:
    """Messages a step can look for by meaning alone: not e-mail subjects, and not templates
    with blanks ({ecf_login}) that only the steps written for them fill in."""
    return sorted(
        key
        for group, key in profile.values
        if group == "messages"
        and not key.startswith(EMAIL_PREFIX)
        and "{" not in str(profile.get(group, key).value)
    )


def email_meanings(profile: Profile) -> list[str]:
    return sorted(
        key.removeprefix(EMAIL_PREFIX)
        for group, key in profile.values
        if group == "messages" and key.startswith(EMAIL_PREFIX)
    )


def account_values(profile: Profile) -> list[str]:
    return sorted(
        key for group, key in profile.values if group == "account" and key not in ACCOUNT_TERMS
    )


@dataclass(frozen=True)
class ProfileValues:
    """A parameter whose values are keys of the target's profile."""

    where: str  # the profile's group, as a person finds it in profiles/NAME.toml
    values: Callable[[Profile], list[str]]


PROFILE_VALUES: dict[str, ProfileValues] = {
    "meaning": ProfileValues('[messages] (not the "email: …" ones)', message_meanings),
    "email_meaning": ProfileValues('[messages] "email: <email meaning>"', email_meanings),
    "account_value": ProfileValues("[account] (not the terms)", account_values),
}


@dataclass(frozen=True)
class Shape:
    """An open parameter whose value must have a shape: what it is, and a check."""

    describe: str
    fits: Callable[[str], bool]


def _is_day(value: str) -> bool:
    if value == "today":
        return True
    try:
        datetime.datetime.strptime(value, "%B %d, %Y")
    except ValueError:
        return False
    return bool(re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", value))


SHAPES: dict[str, Shape] = {
    "day": Shape('"today" or a date written like "March 16, 2020"', _is_day),
}


def check_value(name: str, value: str, profile: Profile) -> str | None:
    """Why `value` is not valid for parameter `name` on this target, or None when it is."""
    if name in PROFILE_VALUES:
        known = PROFILE_VALUES[name].values(profile)
        if value not in known:
            return (
                f"<{placeholder(name)}> {value!r} is not in profile {profile.name!r} "
                f"({profile.path.name} {PROFILE_VALUES[name].where}); valid: " + ", ".join(known)
            )
    elif name in SHAPES and not SHAPES[name].fits(value):
        return f"<{placeholder(name)}> {value!r} is not {SHAPES[name].describe}"
    return None
