"""Page objects: one class per page the scenarios touch.

A page object is handed its site's base URL (pages.portal.Portal picks it from the target's
URLs) and knows only its own path, never a host; it offers locators and the actions a user
takes, and asserts nothing: the `Then` steps do, with Playwright's auto-retrying `expect`.
"""
