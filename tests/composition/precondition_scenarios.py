"""preconditions.feature's scenarios, which fail on purpose: run only by test_composition.py
in a child pytest (the file name keeps `pytest tests` from collecting it)."""

from pathlib import Path

import pytest
from pytest_bdd import scenarios

pytestmark = pytest.mark.usefixtures("fresh_mock_state")

scenarios("preconditions.feature", features_base_dir=str(Path(__file__).resolve().parent))
