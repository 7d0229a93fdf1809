"""README.md and docs/*.md name only what exists (tests/docs_check.py, run by `make test`).

The first test checks this checkout. The others give the checker a small repository of its
own with one mistake of each kind, so that each rule is seen to fail, naming FILE:LINE.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.docs_check import REPO, check, slug, slugs


def test_the_readme_and_the_guides_name_only_what_exists() -> None:
    problems = check(REPO)
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Quick start", "quick-start"),
        ("Named environments (environments.toml)", "named-environments-environmentstoml"),
        (
            "The suite's own tests: `make test` and `make test-quick`",
            "the-suites-own-tests-make-test-and-make-test-quick",
        ),
        ("Flakes: `make soak`", "flakes-make-soak"),
        ("What PACER's MFA costs", "what-pacers-mfa-costs"),
        ("CM/ECF \N{EN DASH} PACER", "cmecf--pacer"),  # the dash goes, both spaces stay
        ("snake_case stays", "snake_case-stays"),
        ("[A link](x.md) in a heading", "a-link-in-a-heading"),
    ],
)
def test_anchors_are_githubs(heading: str, anchor: str) -> None:
    assert slug(heading) == anchor


def test_a_repeated_heading_gets_a_number() -> None:
    assert list(slugs(["Usage", "Other", "Usage", "Usage"])) == [
        "usage",
        "other",
        "usage-1",
        "usage-2",
    ]


GOOD_README = """\
# A project

See [the guide](docs/guide.md#running-it) and [above](#a-project).

```sh
make acceptance
.venv/bin/python -m suite target --env staging
```

`python -m suite.reporting.traceability` checks `suite/plugin.py`;
`profiles/NAME.toml` is yours to name.
"""
GOOD_GUIDE = """\
# Guide

## Running it

Back to the [README](../README.md).
"""


def repository(tmp_path: Path, readme: str = GOOD_README, guide: str = GOOD_GUIDE) -> Path:
    """A repository with the real suite's module names, a Makefile and two docs."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "suite").mkdir()
    (tmp_path / "suite" / "plugin.py").write_text("")
    (tmp_path / "Makefile").write_text(".PHONY: acceptance\nacceptance: setup\n\tpytest\n")
    (tmp_path / "README.md").write_text(readme)
    (tmp_path / "docs" / "guide.md").write_text(guide)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def problems_of(root: Path) -> list[str]:
    return [str(problem) for problem in check(root)]


def test_a_small_repository_without_a_mistake_passes(tmp_path: Path) -> None:
    assert problems_of(repository(tmp_path)) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            ("docs/guide.md#running-it", "docs/guide.md#run-it"),
            "README.md:3: link to docs/guide.md#run-it: no heading of guide.md makes #run-it",
        ),
        (
            ("docs/guide.md#running-it", "docs/guides.md"),
            "README.md:3: link to docs/guides.md: docs/guides.md does not exist",
        ),
        (
            ("make acceptance", "make acceptence"),
            "README.md:6: `make acceptence`: the Makefile has no target 'acceptence'",
        ),
        (
            ("suite target", "suite targets"),
            "README.md:7: `python -m suite targets`: suite has no command 'targets' (its "
            "commands: calibrate, personas, probe, profile, target, trace)",
        ),
        (
            ("suite.reporting.traceability", "suite.no_such_check"),
            "README.md:10: `python -m suite.no_such_check`: no module 'suite.no_such_check'",
        ),
        (
            ("`suite/plugin.py`", "`suite/plugins.py`"),
            "README.md:10: `suite/plugins.py`: no such file or folder",
        ),
    ],
    ids=["anchor", "linked file", "make target", "suite command", "module", "path"],
)
def test_each_kind_of_mistake_is_named_with_its_file_and_line(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    old, new = change
    assert old in GOOD_README
    problems = problems_of(repository(tmp_path, readme=GOOD_README.replace(old, new)))
    assert len(problems) == 1 and problems[0].startswith(problem), problems


def test_a_pointer_to_a_section_must_name_a_heading_of_that_file(tmp_path: Path) -> None:
    root = repository(tmp_path)
    (root / "suite" / "plugin.py").write_text(
        "# how a run is started: docs/guide.md 'Running it'\n"
        + 'HINT = "see docs/guide.md \'Running\' and README \\"A project\\""\n'
        + "# the options: docs/guide.md 'Options'\n"
    )
    subprocess.run(["git", "add", "."], cwd=root, check=True)
    assert problems_of(root) == [
        'suite/plugin.py:3: docs/guide.md "Options": no heading of docs/guide.md says so'
    ]


def test_prose_may_say_make_and_name_folders_freely(tmp_path: Path) -> None:
    readme = GOOD_README + "\nTo make sure, the suite/ folder holds a make target of its own.\n"
    assert problems_of(repository(tmp_path, readme=readme)) == []


def test_a_heading_inside_a_code_block_is_no_anchor(tmp_path: Path) -> None:
    guide = GOOD_GUIDE + "\n```sh\n# Installing\nmake acceptance\n```\n"
    readme = GOOD_README.replace("#running-it", "#installing")
    problems = problems_of(repository(tmp_path, readme=readme, guide=guide))
    assert [problem.split(":")[:2] for problem in problems] == [["README.md", "3"]]
