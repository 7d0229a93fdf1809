"""`pytest features/05_….feature`: a feature file is no pytest path; say how to run it.

pytest collects the scenarios from tests/acceptance/test_faq.py, not from the feature files,
so it answers a .feature argument with "not found" and nothing else. Each feature file has
a tag of its own (docs/qa-engineers.md "Running part of it"): this plugin turns the argument
into that one-line hint, `pytest tests/acceptance -m <tag>`, before anything runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from suite.authoring.features import load_features

FEATURE_SUFFIX = ".feature"


def own_tags(features_dir: Path) -> dict[Path, str]:
    """Each feature file's tag of its own: the first of its tags that no other feature has."""
    features, _ = load_features(features_dir, features_dir.parent)
    counts: dict[str, int] = {}
    for feature in features:
        for tag in feature.tags:
            counts[tag] = counts.get(tag, 0) + 1
    own: dict[Path, str] = {}
    for feature in features:
        text = Path(feature.filename).read_text(encoding="utf-8")
        alone = [tag for tag in feature.tags if counts[tag] == 1]
        if alone:  # in the order the file writes them: the first is the feature's own
            own[Path(feature.filename).resolve()] = min(alone, key=lambda t: text.find(f"@{t}"))
    return own


def hint(feature_args: list[str], invocation_dir: Path, features_dir: Path) -> str:
    tags = own_tags(features_dir)
    paths = [Path(invocation_dir, arg.split("::")[0]).resolve() for arg in feature_args]
    named = ", ".join(feature_args)
    lead = f"{named}: pytest runs the feature files' scenarios from tests/acceptance"
    missing = [arg for arg, path in zip(feature_args, paths, strict=True) if not path.is_file()]
    if missing:
        return f"{lead}; no such feature file: {', '.join(missing)} (ls {features_dir.name}/)"
    found = [tags.get(path) for path in paths]
    if all(found):
        expression = " or ".join(dict.fromkeys(tag for tag in found if tag))
        quoted = expression if " " not in expression else f'"{expression}"'
        return f"{lead}, and selects a feature by its tag: pytest tests/acceptance -m {quoted}"
    return (
        f"{lead}, and selects a feature by a tag of its own, which this one lacks: give it "
        f"one (docs/qa-engineers.md 'Running part of it'), or pick scenarios by name: "
        f"pytest tests/acceptance -k WORDS"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):
        return  # an xdist worker: the controller has checked the arguments
    feature_args = [str(a) for a in config.args if str(a).split("::")[0].endswith(FEATURE_SUFFIX)]
    if feature_args:
        features_dir = Path(
            config.rootpath, str(config.getini("bdd_features_base_dir") or "features")
        )
        invocation = Path(config.invocation_params.dir)
        raise pytest.UsageError(hint(feature_args, invocation, features_dir))
