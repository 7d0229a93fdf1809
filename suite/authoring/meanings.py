"""The FAQ's sentences away from the court's FAQ page: what each means there.

The FAQ is text on the court's website. On its own page (the court's FAQ) its sentences are
screen text and are checked word for word. Anywhere else a sentence is the FAQ telling the
filer something (an instruction: "Confirm that you are linking the correct accounts.") or
explaining it in its own words (the NextGen notice): a portal says the same thing its own way.
There the suite checks what the sentence means:

- a notice's meaning is the target's own wording (a profile message, by meaning), and that
  wording must carry the FAQ's facts (FACTS below: it names PACER, the date, ...), so a profile
  cannot make the check say less than the FAQ does;
- the instruction to confirm is checked as what it asks of the page: both accounts shown,
  with a way to confirm and a way to cancel (steps/linking.py).

Calibrate reads the same facts to find the target's wording: the one sentence of the page that
carries them all (suite/retarget/observers.py).
"""

from __future__ import annotations

import re

# An instruction of the FAQ, checked on the verification page as what it asks for.
CONFIRM_THE_ACCOUNTS = "Confirm that you are linking the correct accounts."

# Each meaning (a profile [messages] key) and the FAQ's facts its wording must carry: each fact
# is a tuple of words of which one must be said (case does not matter). The words are the FAQ's
# ("NextGen CM/ECF", "March 16, 2020", "through PACER using your PACER Username and Password"),
# with the [seen] reference's "sign in" for "log into".
FACTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "CM/ECF was upgraded to NextGen on March 16, 2020": (("NextGen",), ("March 16, 2020",)),
    "CM/ECF is now reached through PACER with a PACER login": (
        ("CM/ECF",),
        ("PACER",),
        ("password", "log in", "login", "sign in", "sign on"),
    ),
}

# The FAQ's sentences that a step may quote about the court's notice, and their meaning.
SENTENCES: dict[str, str] = {
    "The Court upgraded to NextGen CM/ECF on March 16, 2020.": (
        "CM/ECF was upgraded to NextGen on March 16, 2020"
    ),
    "You will now log into the Court's CM/ECF system through PACER using your PACER Username "
    "and Password.": "CM/ECF is now reached through PACER with a PACER login",
    "You will now log into our CM/ECF system using your PACER login information \u2013 not your "
    "CM/ECF login information.": "CM/ECF is now reached through PACER with a PACER login",
}


def missing_facts(meaning: str, text: str) -> list[str]:
    """The facts of `meaning` that `text` does not say (each as "a or b"); [] for a meaning
    with no facts of the FAQ's."""
    said = text.casefold()
    return [
        " or ".join(repr(word) for word in fact)
        for fact in FACTS.get(meaning, ())
        if not any(word.casefold() in said for word in fact)
    ]


def sentences(text: str) -> list[str]:
    """A page's text as sentences: split at line ends and after . ! ? before a space."""
    parts = re.split(r"\n+|(?<=[.!?])\s+(?=[A-Z])", text)
    return [" ".join(part.split()) for part in parts if part.strip()]


def sentences_carrying(meaning: str, text: str) -> list[str]:
    """The sentences of `text` that carry every fact of `meaning` (none when it has no facts)."""
    if meaning not in FACTS:
        return []
    return [s for s in sentences(text) if not missing_facts(meaning, s)]
