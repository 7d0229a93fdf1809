"""The acceptance suite's own machinery, one sub-package per job.

- suite/__main__.py: `python -m suite target | personas | profile | probe | calibrate | trace`;
- retarget/: pointing the suite at a new portal (probe, calibrate and its recording plugin);
- reporting/: what a run leaves for people (report.html, cucumber.json, Allure, traceability);
- audits/: axe-core accessibility audits of every page the scenarios reach;
- run/: what every run needs (the pytest plugin, personas, browser, passcodes, secrets, traces);
- authoring/: what analysts write and its checks (FAQ and feature files as read, phrases,
  step catalogue, dry run, Gherkin lint);
- target/: where the suite points (environments.toml, profiles/*.toml).

Imports point down this list only, with steps/ between audits/ and run/ and pages/ beside
authoring/ (pyproject.toml's [tool.importlinter]; make lint checks it).
"""
