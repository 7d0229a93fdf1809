"""The step catalogue: every step phrase the suite understands, written for analysts.

    python -m suite.authoring.steps_catalogue [--output reports/steps.md]
                                              [--profile NAME | --env NAME]
    python -m suite.authoring.steps_catalogue --update-snapshot      (make phrases)

reports/steps.md lists the phrases by topic, as an analyst writes them: placeholders in words
(`<who>`, `<message meaning>`), each with the values it accepts (those that come from the
target's profile, for the profile named, as the real run would use it), the notes that say how
the persona or the target changes what the step does, and an example from the features.
Old phrases (deprecated or withdrawn) are listed apart with what to write instead; a last
section for developers says where each phrase is defined.

`--update-snapshot` rewrites steps/phrases.txt, the checked-in list of phrases (one a line,
with its parameters), whose history is the changelog analysts read; it refuses to drop a
phrase that is neither defined nor deprecated (suite.authoring.phrase_snapshot).
Reads the step modules and feature files only: no browser, no mock.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from suite.authoring import phrase_snapshot
from suite.authoring.faq import REPO_ROOT
from suite.authoring.features import FEATURES_DIR, load_features
from suite.authoring.phrases import ACTOR_WORDS, Parameter
from suite.authoring.step_contract import OLD_PHRASES, OldPhrase
from suite.authoring.stepdefs import (
    TYPES,
    StepDef,
    feature_steps,
    load_step_definitions,
    match_steps,
    registered_step_modules,
)
from suite.authoring.vocabulary import PROFILE_VALUES, SHAPES
from suite.target.profiles import DEFAULT_PROFILE, Profile, ProfileError, load_profile
from suite.target.sites import DEFAULT_ENVIRONMENT, PROFILE_VARIABLE, load_environments

DEFAULT_OUTPUT = Path("reports/steps.md")
# Steps that use these fixtures look for the target profile's words, or need the mock.
WORDING_FIXTURES = frozenset({"wording", "profile"})
MOCK_FIXTURES = frozenset({"control"})
NOTE_LABELS = ("Needs", "After", "Persona:", "Target:")
# The topics in the order an analyst meets them; a step module not listed comes after these.
TOPIC_ORDER = (
    "steps.navigation",
    "steps.sign_in",
    "steps.linking",
    "steps.common",
    "steps.account",
    "steps.help_desk",
    "steps.court_site",
    "steps.cutover",
    "steps.keyboard",
    "steps.faults",
)


def target_profile(
    profile: str | None = None, env: str | None = None, environ: Mapping[str, str] = os.environ
) -> Profile:
    """The profile a run with these options would use: --profile, CIT_FAQ_PROFILE, the
    environment's own (environments.toml), else the mock's."""
    environments = load_environments()
    if env and env not in environments:
        raise ProfileError(f"unknown environment {env!r}; known: {', '.join(sorted(environments))}")
    named = environments.get(env or DEFAULT_ENVIRONMENT, {})
    return load_profile(
        profile or environ.get(PROFILE_VARIABLE) or named.get("profile") or DEFAULT_PROFILE
    )


def topic_of(module: str) -> tuple[str, str]:
    """(title, introduction) from the step module's TOPIC, else its docstring's first line."""
    loaded = importlib.import_module(module)
    topic = getattr(loaded, "TOPIC", None)
    if topic:
        return str(topic[0]), str(topic[1])
    doc = (loaded.__doc__ or module).strip().splitlines()[0]
    return doc.rstrip("."), ""


def _code(text: str) -> str:
    # Markdown inline code; a backtick inside would end it early.
    return "`` " + text + " ``" if "`" in text else f"`{text}`"


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(f'"{value}"' for value in values)


def accepted(parameter: Parameter, profile: Profile) -> str:
    """What a parameter accepts, in words: its values when they form a closed set."""
    if parameter.choices:
        return "one of " + _quoted(parameter.choices)
    if parameter.name in PROFILE_VALUES:
        values = PROFILE_VALUES[parameter.name]
        return (
            f"one of {_quoted(values.values(profile))} (profile {profile.name!r}: "
            f"{profile.path.name} {values.where}; another target's profile has its own)"
        )
    if parameter.name in SHAPES:
        return SHAPES[parameter.name].describe
    return "any text"


def notes(definition: StepDef) -> list[str]:
    """The docstring's paragraphs, labelled, plus what the step's fixtures imply."""
    found: list[str] = []
    for paragraph in definition.doc.split("\n\n"):
        text = " ".join(paragraph.split())
        if text:
            found.append(text if text.startswith(NOTE_LABELS) else f"Does: {text}")
    uses = definition.fixtures
    if uses & MOCK_FIXTURES:
        found.append(
            "The mock only: it uses the mock's control API; tag the scenario @mock_only "
            "(skipped, with the reason, on a real portal)."
        )
    wording = uses & WORDING_FIXTURES or {p.name for p in definition.parameters} & set(
        PROFILE_VALUES
    )
    if wording and not any(note.startswith("Target:") for note in found):
        found.append(
            "Target: the words it looks for (messages, headings, names) are the target "
            "profile's, named by what they mean (profiles/NAME.toml)."
        )
    return found


def _entry(definition: StepDef, profile: Profile) -> list[str]:
    lines = [f"### {definition.keyword} {definition.phrase}", ""]
    for spelling in definition.other_spellings:
        lines.append(f"- Also written: {_code(f'{definition.keyword} {spelling}')}")
    for parameter in definition.parameters:
        lines.append(f"- **{parameter.placeholder}**: {accepted(parameter, profile)}")
    lines += [f"- {note}" for note in notes(definition)]
    if definition.uses:
        first = definition.uses[0]
        files = len({u.path for u in definition.uses})
        lines.append(
            f"- Example: {_code(str(first))} ({first.path}:{first.line}); "
            f"used {len(definition.uses)} time(s) in {files} feature file(s)"
        )
    else:
        lines.append("- Example: none yet; no scenario uses this phrase")
    return [*lines, ""]


def _old_section(old_phrases: Sequence[OldPhrase]) -> list[str]:
    if not old_phrases:
        return []
    lines = [
        "## Old phrases: write the new ones instead",
        "",
        "A deprecated phrase still runs (the new step) and warns once per run; it goes in the "
        "version named (pyproject.toml's version; "
        "docs/analysts.md 'Step phrases are a contract'). A withdrawn phrase fails the run at "
        "collection, before any scenario starts, with the same words.",
        "",
        "| You wrote | Write instead | Until |",
        "|---|---|---|",
    ]
    for old in sorted(old_phrases, key=lambda o: (o.withdrawn, o.keyword, o.phrase)):
        until = "withdrawn: fails at collection" if old.withdrawn else f"goes in {old.goes_in}"
        lines.append(f"| {_code(f'{old.keyword} {old.phrase}')} | {_code(old.write)} | {until} |")
    return [*lines, ""]


def _developer_section(definitions: Sequence[StepDef]) -> list[str]:
    lines = [
        "## For developers: where each phrase is defined",
        "",
        "| Phrase | Defined in | Pattern | Result kept as |",
        "|---|---|---|---|",
    ]
    for d in sorted(definitions, key=lambda d: d.location):
        kept = f"`{d.target_fixture}`" if d.target_fixture else ""
        pattern = d.pattern.replace("|", "\\|")
        lines.append(
            f"| {d.keyword} {d.phrase} | {d.location} (`{d.function}`) | `{pattern}` | {kept} |"
        )
    return [*lines, ""]


def render_catalogue(
    definitions: Sequence[StepDef], profile: Profile, old_phrases: Sequence[OldPhrase] = ()
) -> str:
    by_topic: dict[tuple[str, str], list[StepDef]] = {}
    rank = {module: i for i, module in enumerate(TOPIC_ORDER)}
    for module in sorted({d.module for d in definitions}, key=lambda m: (rank.get(m, 99), m)):
        by_topic.setdefault(topic_of(module), []).extend(
            d for d in definitions if d.module == module
        )
    order = {t: i for i, t in enumerate((*TYPES, None))}
    others = " or ".join(f'"the {word}"' for word in ACTOR_WORDS[1:])
    lines = [
        "# Step catalogue",
        "",
        "Every step phrase the suite understands, to write scenarios with. Copy a phrase, "
        "then fill in each `<blank>` with one of the values listed under it (in a Scenario "
        "Outline, a blank may come from the Examples table).",
        "",
        f'- Where a phrase says "the filer", {others} works too: each means the person the '
        "scenario's first Given introduced.",
        "- **Persona:** notes say when what a step does depends on who the scenario is "
        "about; **Target:** notes, when it depends on the portal the suite runs against; "
        "**Needs** notes, where the browser must be before the step.",
        f"- Values from a target's profile are those of profile {profile.name!r} "
        "(`python -m suite.authoring.steps_catalogue --profile NAME` for another target's).",
        "- Generated by `make steps` (`python -m suite.authoring.steps_catalogue`); do not edit. "
        "Which phrases came and went, and when: `git log -p steps/phrases.txt`.",
        "",
        f"{len(definitions)} phrases in {len(by_topic)} topics:",
        "",
    ]
    lines += [f"- {title}" for title, _ in by_topic]
    lines.append("")
    for (title, intro), members in by_topic.items():
        lines += [f"## {title}", ""] + ([intro, ""] if intro else [])
        for definition in sorted(members, key=lambda d: (order[d.type], d.line)):
            lines += _entry(definition, profile)
    lines += _old_section(old_phrases)
    unused = [d for d in definitions if not d.uses]
    if unused:
        lines += ["## Phrases no scenario of ours uses yet", ""]
        lines += [f"- {_code(f'{d.keyword} {d.phrase}')}" for d in unused] + [""]
    lines += _developer_section(definitions)
    return "\n".join(lines)


def current_definitions(root: Path = REPO_ROOT) -> list[StepDef]:
    return load_step_definitions(registered_step_modules(root / "conftest.py"), root)


def build_catalogue(
    features_dir: Path = FEATURES_DIR, root: Path = REPO_ROOT, profile: Profile | None = None
) -> str:
    definitions = current_definitions(root)
    features, _ = load_features(features_dir, root)
    match_steps(definitions, feature_steps(features, root))
    return render_catalogue(definitions, profile or target_profile(), OLD_PHRASES)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suite.authoring.steps_catalogue",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--features", type=Path, default=FEATURES_DIR)
    parser.add_argument("--profile", help="the target profile whose values to list")
    parser.add_argument("--env", help="the environment whose profile to use (environments.toml)")
    parser.add_argument(
        "--update-snapshot",
        action="store_true",
        help=f"rewrite {phrase_snapshot.SNAPSHOT.relative_to(REPO_ROOT)} from the step modules",
    )
    parser.add_argument(
        "--allow-removal",
        action="store_true",
        help="with --update-snapshot: drop phrases that are neither defined nor deprecated",
    )
    args = parser.parse_args(argv)
    if args.update_snapshot:
        return phrase_snapshot.update(current_definitions(), OLD_PHRASES, args.allow_removal)
    text = build_catalogue(args.features.resolve(), profile=target_profile(args.profile, args.env))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"step catalogue: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
