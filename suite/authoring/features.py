"""The feature files as pytest-bdd reads them, and the `FAQ:` quotes in scenario descriptions.

Every command (traceability, dry run, lint, step catalogue) and the HTML report read the
features through pytest-bdd's own parser, so they see exactly the scenarios pytest runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.parser import Feature, FeatureParser, Scenario, ScenarioTemplate

from suite.authoring.faq import REPO_ROOT, normalise

FEATURES_DIR = REPO_ROOT / "features"
FAQ_PREFIX = "FAQ:"
# A feature tagged with one of these checks something the FAQ does not ask (accessibility,
# Section 508; PACER's multifactor authentication, which came after the FAQ): its title is not
# an FAQ question, and the traceability matrix shows it apart, so that it neither counts
# towards the FAQ's coverage nor against it.
BEYOND_FAQ_TAGS = frozenset({"accessibility", "mfa"})


def beyond_faq(tags: set[str] | frozenset[str] | list[str]) -> bool:
    """Whether a feature with these tags is one of those checks rather than an FAQ question."""
    return bool(BEYOND_FAQ_TAGS & set(tags))


@dataclass(frozen=True)
class Quote:
    """One `FAQ: <sentence>` line of a scenario description."""

    text: str
    line: int  # in the feature file


@dataclass(frozen=True)
class Problem:
    """Something wrong in a feature file, for a person to fix: file:line and what."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def feature_files(directory: Path = FEATURES_DIR) -> list[Path]:
    return sorted(directory.rglob("*.feature"))


def relative(path: str | Path, root: Path = REPO_ROOT) -> str:
    """A path as people see it in this repository (features/01_x.feature), when it is in it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def parse_feature(path: Path) -> Feature:
    return FeatureParser(str(path.parent), path.name).parse()


def load_features(
    directory: Path = FEATURES_DIR, root: Path = REPO_ROOT
) -> tuple[list[Feature], list[Problem]]:
    """Every feature under directory that parses, and a Problem for each one that does not."""
    features: list[Feature] = []
    problems: list[Problem] = []
    for path in feature_files(directory):
        try:
            features.append(parse_feature(path))
        except GherkinParseError as error:
            problems.append(Problem(relative(path, root), error.line, error.message))
    return features, problems


def faq_quotes(template: ScenarioTemplate) -> list[Quote]:
    """The scenario's `FAQ:` lines, with their line numbers in the feature file."""
    lines = Path(template.feature.filename).read_text(encoding="utf-8").splitlines()
    quotes: list[Quote] = []
    for number in range(template.line_number, len(lines)):
        stripped = lines[number].strip()
        if stripped.startswith(FAQ_PREFIX):
            quotes.append(Quote(normalise(stripped[len(FAQ_PREFIX) :]), number + 1))
        elif stripped and not stripped.startswith("#"):
            break  # the first step (or anything else) ends the description
    return quotes


def examples_of(template: ScenarioTemplate) -> list[dict[str, str]]:
    """The example rows of an outline, each as {column: value}; [] for a plain scenario."""
    return [context for examples in template.examples for context in examples.as_contexts()]


def rendered(template: ScenarioTemplate) -> list[tuple[dict[str, str] | None, Scenario]]:
    """The scenarios pytest runs for this template: one per example row, or the one."""
    rows = examples_of(template)
    if not rows:
        return [(None, template.render({}))]
    return [(row, template.render(row)) for row in rows]


def scenario_key(feature_path: str, line: int) -> str:
    """How results, the report and the traceability matrix name one scenario (template)."""
    return f"{feature_path}:{line}"
