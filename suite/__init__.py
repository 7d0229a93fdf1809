"""The acceptance suite's own machinery: targets, personas, browser, artefacts.

Nothing here knows the FAQ; `features/`, `steps/` and `pages/` do. This package answers
"which sites are we testing, as whom, with which browser, and what may we do there?".
"""
