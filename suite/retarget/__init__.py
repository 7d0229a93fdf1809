"""Pointing the suite at a new portal: `python -m suite probe` and `calibrate`.

commands.py parses the two commands; probe.py reads the public pages; calibrate.py runs the
rounds of scenarios with the recording plugin (recording.py) and writes a draft profile
(ledger.py, draft.py). `python -m suite personas` is persona_needs.py.
"""
