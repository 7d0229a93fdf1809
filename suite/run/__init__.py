"""What every run needs: the pytest plugin (plugin.py) and its fixtures, personas, the
browser, one-time passcodes, secret scrubbing, traces, restores, the reports folder.

Reports and audits are above this package: it feeds them through pytest hooks
(step_notes.py) and config.stash (state.py), and never imports them.
"""
