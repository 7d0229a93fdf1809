"""Page objects: one class per page the scenarios touch.

A page object knows its site (a key of the target's URLs) and its path, never a host; it
offers locators and the actions a user takes, and asserts nothing: the `Then` steps do,
with Playwright's auto-retrying `expect`.
"""
