"""Every scenario of every feature file in features/, one pytest test each."""

import pytest
from pytest_bdd import scenarios

# A clean mock before each scenario (no-op against a real portal).
pytestmark = pytest.mark.usefixtures("fresh_mock_state")

scenarios(".")
