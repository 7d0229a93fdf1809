"""steps/phrases.txt: the checked-in list of step phrases, one a line with its parameters.

Analysts' feature files depend on these phrases, so the list is checked in and compared with
the step modules (tests/unit/test_phrase_snapshot.py):

- a phrase in the snapshot that no step defines and no old phrase keeps (steps/old_phrases.py)
  is a breaking change: the test fails and names the one line that keeps it working;
- a closed parameter that no longer accepts a value it listed is breaking in the same way;
- a phrase defined but not in the snapshot (a new step, a new value) fails the test too, with
  the command that rewrites the snapshot, so the change goes in the same commit as the step.

Lines are sorted, so two branches that add phrases merge without conflict, or with one that
the command resolves: `make phrases` (.venv/bin/python -m suite.authoring.steps_catalogue
--update-snapshot). `git log -p steps/phrases.txt` is the changelog analysts read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from suite.authoring.faq import REPO_ROOT
from suite.authoring.phrases import ACTOR_WORDS, Parameter
from suite.authoring.step_contract import OldPhrase, project_version, version_tuple
from suite.authoring.stepdefs import StepDef
from suite.authoring.vocabulary import PROFILE_VALUES, SHAPES

SNAPSHOT = REPO_ROOT / "steps" / "phrases.txt"
UPDATE = "make phrases"  # = .venv/bin/python -m suite.authoring.steps_catalogue --update-snapshot
SEPARATOR = " | "
_GOES_IN = re.compile(r"goes in (\d+(?:\.\d+)*):")
_HEADER = [
    "# The step phrases analysts write, one a line with what each blank accepts.",
    "# Checked against the step modules by tests/unit/test_phrase_snapshot.py; rewritten by",
    f"# `{UPDATE}`. Its history is the changelog: git log -p steps/phrases.txt",
    f'# "the {ACTOR_WORDS[0]}" may also be written '
    + " or ".join(f'"the {word}"' for word in ACTOR_WORDS[1:])
    + ".",
]


def _accepts(parameter: Parameter) -> str:
    if parameter.choices:
        return "one of " + ", ".join(f'"{c}"' for c in sorted(parameter.choices))
    if parameter.name in PROFILE_VALUES:
        return f"a key of the target profile's {PROFILE_VALUES[parameter.name].where}"
    if parameter.name in SHAPES:
        return SHAPES[parameter.name].describe
    return "any text"


def line_of(definition: StepDef) -> str:
    parts = [f"{definition.keyword} {definition.phrase}"]
    parts += [f'also "{spelling}"' for spelling in definition.other_spellings]
    parts += [f"{p.placeholder}: {_accepts(p)}" for p in definition.parameters]
    return SEPARATOR.join(parts)


def old_line(old: OldPhrase) -> str:
    status = "withdrawn (fails at collection)" if old.withdrawn else "deprecated"
    return (
        f'{old.keyword} {old.phrase}{SEPARATOR}{status}, goes in {old.goes_in}: write "{old.write}"'
    )


def render(definitions: Sequence[StepDef], old_phrases: Sequence[OldPhrase]) -> str:
    lines = {line_of(d) for d in definitions} | {old_line(o) for o in old_phrases}
    return "\n".join([*_HEADER, *sorted(lines)]) + "\n"


@dataclass(frozen=True)
class Entry:
    phrase: str  # keyword and phrase: "Then PACER does not let the filer continue"
    choices: dict[str, set[str]]  # closed parameters: placeholder -> values
    goes_in: str | None  # a deprecated phrase's removal version

    @classmethod
    def parse(cls, line: str) -> Entry:
        phrase, *parts = line.split(SEPARATOR)
        choices: dict[str, set[str]] = {}
        goes_in = None
        for part in parts:
            name, _, accepts = part.partition(": ")
            if accepts.startswith("one of "):
                choices[name] = {v.strip().strip('"') for v in accepts[7:].split('", "')}
            announced = _GOES_IN.search(part)
            if announced:
                goes_in = announced.group(1)
        return cls(phrase, choices, goes_in)


def words_of(phrase: str) -> str:
    """What an analyst types of a phrase: its blanks' names do not matter."""
    return re.sub(r"<[^<>]+>", "<>", phrase)


def entries(text: str) -> dict[str, tuple[str, Entry]]:
    """words_of(phrase) -> (line, entry), for the snapshot's lines that are not comments."""
    found = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            entry = Entry.parse(line)
            found[words_of(entry.phrase)] = (line, entry)
    return found


def compare(snapshot: str, current: str, version: str | None = None) -> tuple[list[str], list[str]]:
    """(breaking, stale): what analysts would lose, and what the snapshot does not say yet."""
    version = version or project_version()
    before, now = entries(snapshot), entries(current)
    breaking, stale = [], []
    for key, (line, entry) in before.items():
        phrase = entry.phrase
        if key not in now:
            due = entry.goes_in and version_tuple(version) >= version_tuple(entry.goes_in)
            if due:
                stale.append(f"gone as announced (in {entry.goes_in}): {phrase}")
            else:
                breaking.append(
                    f"`{phrase}` is in {SNAPSHOT.name} but no step defines it: keep the old "
                    "words working with one line in steps/old_phrases.py, "
                    f"deprecated(<keyword>, <old words>, goes_in=GOES_IN)(<new step function>)"
                )
            continue
        for name, values in entry.choices.items():
            lost = values - now[key][1].choices.get(name, values)
            if lost:
                breaking.append(
                    f"`{phrase}`: {name} no longer accepts {', '.join(sorted(lost))}: keep "
                    "the old values working (an old phrase in steps/old_phrases.py)"
                )
        if line != now[key][0]:
            stale.append(f"changed: {now[key][0]}")
    stale += [f"new: {line}" for key, (line, _) in now.items() if key not in before]
    return breaking, stale


def update(
    definitions: Sequence[StepDef],
    old_phrases: Sequence[OldPhrase],
    allow_removal: bool = False,
    path: Path = SNAPSHOT,
) -> int:
    current = render(definitions, old_phrases)
    breaking, stale = compare(path.read_text(encoding="utf-8") if path.exists() else "", current)
    if breaking and not allow_removal:
        print("\n".join(breaking))
        print(
            f"not rewritten: analysts' feature files would break. Keep the old words (above), "
            f"or pass --allow-removal to drop them from {path.name} anyway."
        )
        return 1
    path.write_text(current, encoding="utf-8")
    for change in [*breaking, *stale]:
        print(change)
    print(f"{path}: {len(current.splitlines()) - len(_HEADER)} phrases")
    return 0
