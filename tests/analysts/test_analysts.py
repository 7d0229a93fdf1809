"""Analysts' feature files, beside ours: issue 27's six scenarios written from the step
catalogue as it was published (analysts.feature), and every old phrase of the catalogue in
use (old_phrases.feature). Written with yesterday's phrases, they must run green today."""

from pathlib import Path

import pytest
from pytest_bdd import scenarios

pytestmark = pytest.mark.usefixtures("fresh_mock_state")

scenarios("analysts.feature", "old_phrases.feature", features_base_dir=str(Path(__file__).parent))
