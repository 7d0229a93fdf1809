"""Dry run: does every step of every feature file have a step definition? No browser needed.

    python -m suite.dry_run

Parses the feature files with pytest-bdd's parser (an outline once per example row, as
pytest runs it), imports the step modules the root conftest.py registers, and matches each
step with pytest-bdd's own parsers. Exits 1 listing each undefined step as file:line, with
the closest known phrases; also when a module in steps/ defines steps but is not registered
(pytest-bdd would silently ignore it) or a feature file does not parse. Steps matched by
more than one definition, and definitions no scenario uses, are reported without failing.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from suite.reporting.faq import REPO_ROOT
from suite.reporting.features import FEATURES_DIR, load_features, relative
from suite.reporting.stepdefs import (
    FeatureStep,
    StepDef,
    feature_steps,
    load_step_definitions,
    match_steps,
    registered_step_modules,
    step_modules_in,
)


@dataclass
class DryRun:
    steps: int = 0
    definitions: int = 0
    undefined: list[tuple[FeatureStep, list[str]]] = field(default_factory=list)
    ambiguous: list[tuple[FeatureStep, list[StepDef]]] = field(default_factory=list)
    unused: list[StepDef] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.undefined and not self.errors


def dry_run(features_dir: Path = FEATURES_DIR, root: Path = REPO_ROOT) -> DryRun:
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
    definitions = load_step_definitions(registered, root)
    features, problems = load_features(features_dir, root)
    result.errors += [str(p) for p in problems]
    steps = feature_steps(features, root)
    result.steps, result.definitions = len(steps), len(definitions)
    phrases = sorted({d.phrase for d in definitions})
    for step, matched in match_steps(definitions, steps).items():
        if not matched:
            close = difflib.get_close_matches(step.text, phrases, n=3, cutoff=0.5)
            result.undefined.append((step, close))
        elif len(matched) > 1:
            result.ambiguous.append((step, matched))
    result.unused = [d for d in definitions if not d.uses]
    return result


def format_dry_run(result: DryRun) -> str:
    lines = [f"dry run: {result.steps} feature steps against {result.definitions} step definitions"]
    for error in result.errors:
        lines.append(f"ERROR {error}")
    for step, close in result.undefined:
        lines.append(f"{step.path}:{step.line}: undefined step: {step.keyword} {step.text}")
        lines += [f"    closest known phrase: {phrase}" for phrase in close]
    for step, matched in result.ambiguous:
        where = ", ".join(d.location for d in matched)
        lines.append(
            f"{step.path}:{step.line}: warning: matched by {len(matched)} definitions "
            f"({where}); pytest-bdd uses one of them: {step.text}"
        )
    for definition in result.unused:
        lines.append(
            f"{definition.location}: note: no scenario uses "
            f"{(definition.type or 'step').capitalize()} {definition.phrase!r}"
        )
    if result.ok:
        lines.append("OK: every step is defined.")
    else:
        lines.append(
            f"FAILED: {len(result.undefined)} undefined step(s), "
            f"{len(result.errors)} other error(s)."
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suite.dry_run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--features", type=Path, default=FEATURES_DIR)
    args = parser.parse_args(argv)
    result = dry_run(args.features.resolve())
    print(format_dry_run(result))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
