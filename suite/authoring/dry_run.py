"""Dry run: would every step of every feature file run? No browser needed.

    python -m suite.authoring.dry_run [--features DIR] [--profile NAME | --env NAME]

Parses the feature files with pytest-bdd's parser (an outline once per example row, as
pytest runs it), imports the step modules the root conftest.py registers, and matches each
step with pytest-bdd's own parsers. Exits 1, listing each problem as file:line, when:
- a step matches no phrase (with the closest known phrases);
- a step uses a withdrawn phrase (with what to write instead, as the real run says);
- a value is not one the real run accepts: a message meaning, an email meaning or an account
  value that the target's profile lacks (the profile the run would use: --profile, then
  CIT_FAQ_PROFILE, then the environment's, then the mock's), or a date not written as one;
- a module in steps/ defines steps but is not registered (pytest-bdd would ignore it), or a
  feature file does not parse.
A deprecated phrase is reported with its replacement and the version it goes in, without
failing (our own features may not use one: suite.authoring.gherkin_lint fails on it). Steps
matched by more than one definition, and definitions no scenario uses, are reported without failing.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from suite.authoring.faq import REPO_ROOT
from suite.authoring.features import FEATURES_DIR, Problem, load_features, parse_feature, relative
from suite.authoring.step_contract import old_phrase_for
from suite.authoring.stepdefs import (
    FeatureStep,
    StepDef,
    feature_steps,
    load_step_definitions,
    match_steps,
    registered_step_modules,
    step_modules_in,
)
from suite.authoring.steps_catalogue import target_profile
from suite.authoring.vocabulary import check_value
from suite.target.profiles import Profile, ProfileError


@dataclass
class DryRun:
    steps: int = 0
    definitions: int = 0
    profile: str = ""
    undefined: list[tuple[FeatureStep, list[str]]] = field(default_factory=list)
    withdrawn: list[tuple[FeatureStep, str]] = field(default_factory=list)
    deprecated: list[tuple[FeatureStep, str]] = field(default_factory=list)
    bad_values: list[tuple[FeatureStep, str]] = field(default_factory=list)
    ambiguous: list[tuple[FeatureStep, list[StepDef]]] = field(default_factory=list)
    unused: list[StepDef] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.undefined or self.withdrawn or self.bad_values or self.errors)


def _definitions(root: Path) -> list[StepDef]:
    """Today's phrases; importing the step modules also declares the old ones (OLD_PHRASES)."""
    return load_step_definitions(registered_step_modules(root / "conftest.py"), root)


def dry_run(
    features_dir: Path = FEATURES_DIR, root: Path = REPO_ROOT, profile: Profile | None = None
) -> DryRun:
    result = DryRun()
    registered = registered_step_modules(root / "conftest.py")
    steps_dir = root / "steps"
    if steps_dir.is_dir():
        for module in step_modules_in(steps_dir, root):
            if module not in registered:
                result.errors.append(
                    f"{relative(steps_dir, root)}/{module.rsplit('.', 1)[-1]}.py defines steps but "
                    "is not in conftest.py's pytest_plugins, so pytest-bdd never sees them"
                )
    if profile is None:
        try:
            profile = target_profile()
        except ProfileError as error:
            result.errors.append(str(error))
    result.profile = profile.name if profile else ""
    definitions = _definitions(root)
    features, problems = load_features(features_dir, root)
    result.errors += [str(p) for p in problems]
    steps = feature_steps(features, root)
    result.steps, result.definitions = len(steps), len(definitions)
    phrases = sorted({d.phrase for d in definitions})
    for step, matched in match_steps(definitions, steps).items():
        if not matched:
            kept = old_phrase_for(step.type, step.text)
            if kept is not None:
                notice = kept.notice(str(step))
                (result.withdrawn if kept.withdrawn else result.deprecated).append((step, notice))
                continue
            close = difflib.get_close_matches(step.text, phrases, n=3, cutoff=0.5)
            result.undefined.append((step, close))
            continue
        if len(matched) > 1:
            result.ambiguous.append((step, matched))
        if profile is not None:
            for name, value in matched[0].arguments(step).items():
                problem = check_value(name, value, profile)
                if problem:
                    result.bad_values.append((step, problem))
    result.unused = [d for d in definitions if not d.uses]
    return result


def old_phrase_uses(paths: Sequence[Path], root: Path = REPO_ROOT) -> list[Problem]:
    """Steps of these feature files that only an old phrase matches (deprecated or withdrawn)."""
    definitions = _definitions(root)
    steps = feature_steps([parse_feature(path) for path in paths], root)
    problems = []
    for step, matched in match_steps(definitions, steps).items():
        kept = old_phrase_for(step.type, step.text)
        if not matched and kept is not None:
            problems.append(Problem(step.path, step.line, kept.notice(str(step))))
    return problems


def format_dry_run(result: DryRun) -> str:
    lines = [
        f"dry run: {result.steps} feature steps against {result.definitions} step definitions, "
        f"values checked against profile {result.profile!r}"
    ]
    for error in result.errors:
        lines.append(f"ERROR {error}")
    for step, close in result.undefined:
        lines.append(f"{step.path}:{step.line}: undefined step: {step.keyword} {step.text}")
        lines += [f"    closest known phrase: {phrase}" for phrase in close]
    for step, notice in result.withdrawn:
        lines.append(f"{step.path}:{step.line}: {notice}")
    for step, problem in result.bad_values:
        lines.append(f"{step.path}:{step.line}: {step.keyword} {step.text}: {problem}")
    for step, notice in result.deprecated:
        lines.append(f"{step.path}:{step.line}: warning: {notice}")
    for step, matched in result.ambiguous:
        where = ", ".join(d.location for d in matched)
        lines.append(
            f"{step.path}:{step.line}: warning: matched by {len(matched)} definitions "
            f"({where}); pytest-bdd uses one of them: {step.text}"
        )
    for definition in result.unused:
        lines.append(
            f"{definition.location}: note: no scenario uses "
            f"{definition.keyword} {definition.phrase!r}"
        )
    if result.ok:
        lines.append("OK: every step is defined, and every value is one the run accepts.")
    else:
        lines.append(
            f"FAILED: {len(result.undefined)} undefined step(s), "
            f"{len(result.withdrawn)} withdrawn phrase(s), {len(result.bad_values)} value(s) "
            f"the run would refuse, {len(result.errors)} other error(s)."
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suite.authoring.dry_run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--features", type=Path, default=FEATURES_DIR)
    parser.add_argument("--profile", help="the target profile to check values against")
    parser.add_argument("--env", help="check values against this environment's profile")
    args = parser.parse_args(argv)
    try:
        profile = target_profile(args.profile, args.env)
    except ProfileError as error:
        print(f"dry run: {error}")
        return 1
    result = dry_run(args.features.resolve(), profile=profile)
    print(format_dry_run(result))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
