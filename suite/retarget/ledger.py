"""Calibrate's ledger: the values it writes, the ones it will not, and why.

Precision before recall: a value calibrate writes must be one a careful reviewer keeps. When
the evidence is ambiguous it writes nothing and says why (the value is "not calibrated", kept
as it was). The rules, each with a unit test (tests/unit/test_ledger.py):
- one link, page, heading or message for two purposes: a value seen for one key that another
  key of the same kind already holds (where the starting profile told them apart) is not
  taken; a value calibrate had itself taken for that other key on weaker evidence is taken
  back too;
- seen two ways: the same value observed differently (two scenarios, or two rounds) is not
  one thing to take;
- taken but not enough: a value calibrate changed that a later round still fails on is taken
  back (so a "not calibrated" note never sits on a value it also changed);
- checked by a person: a value whose source is `target` (checked on the target, by whom and
  when) is never overwritten; what calibrate saw instead is said, for the person to recheck.
Pages that answer but are not what a value names, and texts that name a persona's own data,
are refused earlier, where they are seen (suite/retarget/evidence.py, suite/retarget/observers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from suite.retarget.draft import Change, Key
from suite.target.profiles import Profile, Value

# The kinds of value one thing on a page cannot be two of.
ONE_PURPOSE = {
    "names": "link or button",
    "paths": "page",
    "headings": "heading",
    "messages": "message",
}


@dataclass
class Ledger:
    start: Profile
    values: dict[Key, Value] = field(default_factory=dict)
    changes: dict[Key, Change] = field(default_factory=dict)
    abstained: dict[Key, str] = field(default_factory=dict)
    # Values evidenced by what the page is (the probe's content-based findings).
    certain: set[Key] = field(default_factory=set)
    taken_in: dict[Key, int] = field(default_factory=dict)  # the round (0: the probe)

    def __post_init__(self) -> None:
        if not self.values:
            self.values = dict(self.start.values)

    def take(
        self, key: Key, new: str | bool, how: str, round_: int = 0, certain: bool = False
    ) -> str:
        """Write `new` for `key` unless a rule forbids it; "" or the reason it was not written."""
        if key in self.abstained:
            return self.abstained[key]
        old = self.start.get(*key)
        if old.source == "target" and new != old.value:
            return self.abstain(
                key,
                f"{old.checked()} as {old.value!r}, and kept so; calibrate saw {new!r} ({how}): "
                "check it again",
            )
        if key in self.changes:
            if self.values[key].value == new:
                return ""
            first = self.changes[key]
            return self.abstain(
                key, f"seen as {first.new!r} ({first.how}) and as {new!r} ({how}): not one thing"
            )
        if new == old.value:
            return ""
        others = self.holding(key, new)
        if others:
            return self.two_purposes(key, new, how, others)
        self.values[key] = Value(
            new, "guess", f"observed by calibrate: {how}; before: {old.value!r}"
        )
        self.changes[key] = Change(old.value, new, how)
        self.taken_in[key] = round_
        if certain:
            self.certain.add(key)
        return ""

    def holding(self, key: Key, new: str | bool) -> list[Key]:
        """The other keys of the same kind that hold `new` now, where the starting profile
        gave the two different values (a profile may name one thing twice on purpose)."""
        if key[0] not in ONE_PURPOSE:
            return []
        mine = self.start.get(*key).value
        return [
            other
            for other, value in self.values.items()
            if other[0] == key[0]
            and other != key
            and value.value == new
            and self.start.get(*other).value != mine
        ]

    def two_purposes(self, key: Key, new: str | bool, how: str, others: list[Key]) -> str:
        kind = ONE_PURPOSE[key[0]]
        for other in others:
            if other in self.changes and other not in self.certain:
                self.abstain(
                    other,
                    f"{new!r} was also seen for [{key[0]}] {key[1]} ({how}): one {kind} for two "
                    "purposes, so neither is taken",
                )
        where = "; ".join(self._why_held(other) for other in others)
        return self.abstain(
            key,
            f"calibrate saw {new!r} ({how}), but {where}: one {kind} for two purposes, so it is "
            "not taken",
        )

    def _why_held(self, other: Key) -> str:
        if other in self.changes:
            change = self.changes[other]
            return f"[{other[0]}] {other[1]} is {change.new!r} ({change.how})"
        if other in self.abstained:
            return f"it was also seen for [{other[0]}] {other[1]}"
        return f"[{other[0]}] {other[1]} is {self.values[other].value!r} in the profile"

    def failed_again(self, key: Key, round_: int, why: str) -> str:
        """A later round still fails on a value calibrate changed: take it back."""
        change = self.changes[key]
        when = (
            "by the probe" if self.taken_in.get(key, 0) == 0 else f"in round {self.taken_in[key]}"
        )
        return self.abstain(
            key,
            f"taken as {change.new!r} {when} ({change.how}), but round {round_} still failed on "
            f"it ({why}): kept as it was",
        )

    def abstain(self, key: Key, why: str) -> str:
        """Keep the starting value, never take this key again, and say why."""
        if key in self.changes:
            del self.changes[key]
            self.values[key] = self.start.get(*key)
            self.certain.discard(key)
            self.taken_in.pop(key, None)
        self.abstained.setdefault(key, why)
        return self.abstained[key]
