"""`pytest features/NN_x.feature` answers with the command that runs that feature, in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from suite.run.feature_paths import hint, own_tags

REPO = Path(__file__).resolve().parents[2]
FEATURES = REPO / "features"


def test_a_feature_file_argument_is_answered_with_its_tag() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "features/05_username_or_password_incorrect.feature"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 4, done.stdout[-2000:]  # a usage error: nothing ran
    assert done.stderr.strip() == (
        "ERROR: features/05_username_or_password_incorrect.feature: pytest runs the feature "
        "files' scenarios from tests/acceptance, and selects a feature by its tag: "
        "pytest tests/acceptance -m password_incorrect"
    )


def test_every_feature_file_has_a_tag_of_its_own_and_several_combine() -> None:
    tags = own_tags(FEATURES)
    assert len(tags) == len(list(FEATURES.glob("*.feature")))
    assert tags[FEATURES / "08_contact_for_help.feature"] == "contact"
    said = hint(
        ["features/01_linking_accounts.feature", "features/07_wrong_accounts_linked.feature::x"],
        REPO,
        FEATURES,
    )
    assert said.endswith('pytest tests/acceptance -m "how_to_link or wrong_accounts"')


def test_a_missing_or_untagged_feature_file_says_so(tmp_path: Path) -> None:
    assert hint(["features/05_nope.feature"], REPO, FEATURES).endswith(
        "no such feature file: features/05_nope.feature (ls features/)"
    )
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "a.feature").write_text("@shared\nFeature: A\n  Scenario: a\n")
    (tmp_path / "features" / "b.feature").write_text("@shared\nFeature: B\n  Scenario: b\n")
    said = hint(["features/a.feature"], tmp_path, tmp_path / "features")
    assert "a tag of its own, which this one lacks" in said and "-k WORDS" in said
