"""The plain dialect: the alt dialect's portal, written with plainer markup and words of its own
where the FAQ instructs or explains (issue 25).

`python -m mock_site --dialect plain`, or start_mock(dialect="plain"). Everything the alt
dialect words, moves or leaves out stays as alt has it (docs/alt-dialect.md); on top of that,
three things a real portal may well do and the suite once refused (docs/plain-dialect.md):
- the court's contact page and CM/ECF's Help page list both contacts in one section, a
  heading and a paragraph each: no element holds one contact's name and number alone;
- the linking confirmation is a status message on a page that keeps the linking page's
  heading: no heading says the accounts are linked;
- the FAQ's sentences are the court's FAQ text, not the portal's: the NextGen notice and the
  verification page say the same things in their own words.
The FAQ's words on the court's FAQ page and the [seen] values are the same as everywhere.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from mock_site.dialects import Dialect, alt

TEXTS: dict[str, Any] = {
    **alt.TEXTS,
    # The notice: what the FAQ's two sentences say, in the court's own words.
    "NEXTGEN_NOTICE_UPGRADED": "On March 16, 2020 the Court moved its electronic filing to "
    "NextGen CM/ECF.",
    "NEXTGEN_NOTICE_LOGIN": "To reach CM/ECF, sign in through PACER with your own PACER "
    "username and password.",
    # The verification page: the FAQ's "Confirm that you are linking the correct accounts.",
    # as an instruction of the page's own.
    "LINK_VERIFY_TEXT": "Are these your accounts? Link them only if both are yours.",
}

MARKUP = replace(alt.MARKUP, contacts="one_section", confirmation_heading=False)

DIALECT = Dialect("plain", TEXTS, alt.PATHS, alt.MISSING, MARKUP, alt.BEHAVIOUR)

# What differs from the alt dialect, for a profile writer (`python -m mock_site.dialects.plain`).
PROFILE_VALUES: dict[str, Any] = {
    "texts": {name: TEXTS[name] for name in TEXTS if TEXTS[name] != alt.TEXTS.get(name)},
    "markup": {"contacts": MARKUP.contacts, "confirmation_heading": MARKUP.confirmation_heading},
    "as alt": "paths, missing pages, behaviour and every other text "
    "(python -m mock_site.dialects.alt)",
}


if __name__ == "__main__":
    print(json.dumps(PROFILE_VALUES, indent=2, ensure_ascii=False))
