"""pytest-bdd step definitions, shared by every feature.

They are registered through `pytest_plugins` in the root conftest.py, which is what makes
pytest-bdd find them; a step module nobody registers is silently ignored.
"""
