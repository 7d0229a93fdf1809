"""Target profiles: what the suite relies on of a target that is not the FAQ's words nor
[seen] in portal-reference.md.

One TOML file per target in profiles/ (profiles/mock.toml, the embedded mock's, is the
default); an environment of environments.toml names its own with `profile = "NAME"`, and
`--profile NAME` (or CIT_FAQ_PROFILE) overrides it. Features, steps and page objects name
each value by its key (a portal message by what it means); the profile holds its wording on
this target, and where that wording comes from (faq, seen with its source, or guess).
"""

from __future__ import annotations

import datetime
import string
import tomllib
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROFILES_DIR = Path(__file__).resolve().parents[2] / "profiles"
DEFAULT_PROFILE = "mock"
# calibrate's drafts (profiles/ENV.draft.toml): refused until a person renames them.
DRAFT_SUFFIX = ".draft.toml"
# faq: the FAQ's words; seen: a public source shows it (ref); target: a person checked it on
# this target (by, on: who and when; ref: where, optionally); guess: nothing shows it.
SOURCES = ("faq", "seen", "target", "guess")
# What each group holds; a profile must give every key the default profile gives.
GROUPS = {
    "paths": "paths of pages no public source shows",
    "names": "names of links, buttons and menus",
    "headings": "headings of pages",
    "messages": "portal messages, keyed by what they mean",
    "account": "Manage My Account's terms and values",
    "capabilities": "which optional pages the target has",
}
# Written before a skip's reason when a target lacks a page a scenario needs: the reports
# count such scenarios apart from passed, failed and skipped.
NOT_APPLICABLE = "not applicable on this target"


class ProfileError(Exception):
    """A profile that cannot be used; the message is one line a person can act on."""


@dataclass(frozen=True)
class Value:
    value: str | bool
    source: str
    ref: str
    # For source "target": who checked the value on the target, and when (YYYY-MM-DD).
    by: str = ""
    on: str = ""

    def checked(self) -> str:
        """Who checked it on the target and when, for messages ("" unless source target)."""
        return f"checked on the target by {self.by} on {self.on}" if self.source == "target" else ""


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path
    description: str
    values: Mapping[tuple[str, str], Value]

    def get(self, group: str, key: str) -> Value:
        try:
            return self.values[group, key]
        except KeyError:
            raise ProfileError(
                f"profile {self.name!r} ({self.path}) has no [{group}] {key!r}"
            ) from None

    def text(self, group: str, key: str, **fields: str) -> str:
        value = self.get(group, key).value
        if not isinstance(value, str):
            raise ProfileError(f"profile {self.name!r}: [{group}] {key!r} must be text")
        return value.format(**fields) if fields else value

    def path_of(self, key: str) -> str:
        return self.text("paths", key)

    def name_of(self, key: str) -> str:
        return self.text("names", key)

    def heading(self, key: str) -> str:
        return self.text("headings", key)

    def message(self, meaning: str, **fields: str) -> str:
        return self.text("messages", meaning, **fields)

    def account(self, key: str) -> str:
        return self.text("account", key)

    def has(self, capability: str) -> bool:
        return self.get("capabilities", capability).value is True

    def counts(self) -> Counter[str]:
        """How many values come from each source (faq, seen, guess)."""
        return Counter(value.source for value in self.values.values())

    def keys(self) -> set[tuple[str, str]]:
        return set(self.values)


def profile_file(name: str) -> Path:
    """A profile by name (profiles/NAME.toml) or by path to a .toml file."""
    candidate = Path(name)
    if candidate.suffix == ".toml":
        return candidate
    return PROFILES_DIR / f"{name}.toml"


def known_profiles() -> list[str]:
    return sorted(
        path.stem for path in PROFILES_DIR.glob("*.toml") if not path.name.endswith(DRAFT_SUFFIX)
    )


def load_profile(name: str = DEFAULT_PROFILE, check_against_default: bool = True) -> Profile:
    path = profile_file(name)
    if path.name.endswith(DRAFT_SUFFIX):
        # calibrate's draft (suite/retarget/calibrate.py): used by no run before a person
        # accepts it.
        accepted = path.name.removesuffix(DRAFT_SUFFIX) + ".toml"
        raise ProfileError(
            f"{path} is a draft written by calibrate: nothing is accepted without review; read "
            f"{path.with_suffix('.diff').name} beside it, then rename it to {accepted} to use it"
        )
    if not path.is_file():
        raise ProfileError(
            f"no profile {name!r}: {path} does not exist; known: {', '.join(known_profiles())}"
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path}: {error}") from None
    header = data.pop("profile", {})
    values: dict[tuple[str, str], Value] = {}
    for group, entries in data.items():
        if group not in GROUPS:
            raise ProfileError(f"{path}: unknown group [{group}]; known: {', '.join(GROUPS)}")
        for key, entry in entries.items():
            values[group, key] = _value(path, group, key, entry)
    profile = Profile(
        str(header.get("name", path.stem)), path, header.get("description", ""), values
    )
    if check_against_default and path != profile_file(DEFAULT_PROFILE):
        default = load_profile(DEFAULT_PROFILE, check_against_default=False)
        missing = sorted(default.keys() - profile.keys())
        if missing:
            named = ", ".join(f"[{g}] {k!r}" for g, k in missing)
            raise ProfileError(f"{path} lacks what the suite needs: {named}")
        _check_fields(profile, default)
    return profile


def _fields_of(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_fields(profile: Profile, default: Profile) -> None:
    """A value the steps fill in ({ecf_login}, {username}) may use only the fields the steps
    give: another one would fail the scenario that shows it, not the start of the run."""
    for (group, key), wanted in default.values.items():
        if not isinstance(wanted.value, str) or not _fields_of(wanted.value):
            continue  # the steps never fill it in, so braces in it are plain text
        value = profile.values[group, key].value
        given = _fields_of(wanted.value)
        where = f"{profile.path}: [{group}] {key!r}"
        try:
            unknown = _fields_of(str(value)) - given
        except ValueError as error:
            raise ProfileError(
                f"{where}: {error} (a literal brace is written {{{{ or }}}})"
            ) from None
        if unknown:
            raise ProfileError(
                f"{where} uses {_braced(unknown)}, which the steps do not give; "
                f"it may use {_braced(given)}"
            )


def _braced(names: set[str]) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names))


def _value(path: Path, group: str, key: str, entry: object) -> Value:
    where = f"{path}: [{group}] {key!r}"
    if not isinstance(entry, dict) or "value" not in entry or "source" not in entry:
        raise ProfileError(f"{where}: write {{ value = ..., source = ..., ref = ... }}")
    source, ref = entry["source"], str(entry.get("ref", ""))
    if source not in SOURCES:
        raise ProfileError(f"{where}: source {source!r} is not one of {', '.join(SOURCES)}")
    if source in ("faq", "seen") and not ref:
        raise ProfileError(f"{where}: a {source} value needs its ref (where it is shown)")
    by, on = _checked_by(where, source, entry)
    value = entry["value"]
    expected = bool if group == "capabilities" else str
    if not isinstance(value, expected):
        raise ProfileError(f"{where}: the value must be {expected.__name__}")
    return Value(value, source, ref, by, on)


def _checked_by(where: str, source: object, entry: dict[str, object]) -> tuple[str, str]:
    """A value a person checked on the target says who (`by`) and when (`on`, a date)."""
    if source != "target":
        if "by" in entry or "on" in entry:
            raise ProfileError(
                f'{where}: by and on are for source = "target" (checked by a person)'
            )
        return "", ""
    by, on = entry.get("by"), entry.get("on")
    if not isinstance(by, str) or not by.strip():
        raise ProfileError(f'{where}: a target value says who checked it: by = "name"')
    if isinstance(on, datetime.date) and not isinstance(on, datetime.datetime):
        return by.strip(), on.isoformat()
    try:
        return by.strip(), datetime.date.fromisoformat(str(on)).isoformat()
    except ValueError:
        raise ProfileError(
            f"{where}: a target value says when it was checked: on = YYYY-MM-DD (got {on!r})"
        ) from None


def summary(profile: Profile) -> str:
    """One line for reports and the terminal: how many values, and how many are guessed."""
    counts = profile.counts()
    total = sum(counts.values())
    checked = f", {counts['target']} checked on the target" if counts["target"] else ""
    return (
        f"profile {profile.name!r}: {total} values, {counts['guess']} guessed, "
        f"{counts['seen']} seen, {counts['faq']} from the FAQ{checked}"
    )


@dataclass
class Wording:
    """The profile as one scenario's steps use it: each text a step checks is noted, so the
    report shows, at that step, the exact words looked for on this target."""

    profile: Profile
    note: Callable[[str], None] = field(default=lambda text: None)

    def message(self, meaning: str, **fields: str) -> str:
        return self._noted(self.profile.message(meaning, **fields))

    def heading(self, key: str) -> str:
        return self._noted(self.profile.heading(key))

    def account(self, key: str) -> str:
        return self._noted(self.profile.account(key))

    def name_of(self, key: str) -> str:
        return self._noted(self.profile.name_of(key))

    def _noted(self, text: str) -> str:
        self.note(text)
        return text
