"""steps/phrases.txt, the analysts' contract, against the step modules
(suite.authoring.phrase_snapshot).

Remove a phrase without keeping its old words (steps/old_phrases.py) and the first test fails;
add one without `make phrases` and the second does.
"""

from __future__ import annotations

from suite.authoring.phrase_snapshot import SNAPSHOT, UPDATE, compare, render
from suite.authoring.step_contract import OLD_PHRASES
from suite.authoring.steps_catalogue import current_definitions


def _current() -> str:
    return render(current_definitions(), OLD_PHRASES)


def test_no_phrase_of_the_snapshot_is_gone_without_old_words_that_keep_it() -> None:
    breaking, _ = compare(SNAPSHOT.read_text(encoding="utf-8"), _current())
    assert not breaking, "\n".join(breaking)


def test_the_snapshot_names_every_phrase_as_the_steps_define_it() -> None:
    _, stale = compare(SNAPSHOT.read_text(encoding="utf-8"), _current())
    assert not stale, (
        f"steps/phrases.txt is not up to date: run `{UPDATE}` and commit it with the step:\n"
        + "\n".join(stale)
    )


SNAPSHOT_TEXT = """\
# a comment
Given <who> is here | <who>: one of "a filer", "a clerk"
Then it is done
Then it was done | deprecated, goes in 0.3.0: write "Then it is done"
"""


def test_a_phrase_removed_is_breaking_and_names_the_one_line_that_keeps_it() -> None:
    now = SNAPSHOT_TEXT.replace("Then it is done\n", "")
    breaking, _ = compare(SNAPSHOT_TEXT, now, version="0.1.0")
    assert len(breaking) == 1 and "`Then it is done`" in breaking[0]
    assert "deprecated(<keyword>, <old words>, goes_in=GOES_IN)(<new step function>)" in breaking[0]


def test_a_value_no_longer_accepted_is_breaking_a_new_one_is_not() -> None:
    fewer = SNAPSHOT_TEXT.replace('"a filer", "a clerk"', '"a filer"')
    breaking, _ = compare(SNAPSHOT_TEXT, fewer, version="0.1.0")
    assert breaking == [
        "`Given <who> is here`: <who> no longer accepts a clerk: keep the old values working "
        "(an old phrase in steps/old_phrases.py)"
    ]
    more = SNAPSHOT_TEXT.replace('"a filer", "a clerk"', '"a filer", "a clerk", "a judge"')
    breaking, stale = compare(SNAPSHOT_TEXT, more, version="0.1.0")
    assert not breaking and stale == [f"changed: {more.splitlines()[1]}"]


def test_a_renamed_blank_is_no_change_for_analysts() -> None:
    renamed = SNAPSHOT_TEXT.replace("<who>", "<person>")
    breaking, stale = compare(SNAPSHOT_TEXT, renamed, version="0.1.0")
    assert not breaking and len(stale) == 1


def test_a_deprecated_phrase_goes_when_its_version_comes_and_not_before() -> None:
    gone = SNAPSHOT_TEXT.replace(SNAPSHOT_TEXT.splitlines()[3] + "\n", "")
    breaking, _ = compare(SNAPSHOT_TEXT, gone, version="0.2.5")
    assert len(breaking) == 1 and "`Then it was done`" in breaking[0]
    breaking, stale = compare(SNAPSHOT_TEXT, gone, version="0.3.0")
    assert not breaking and stale == ["gone as announced (in 0.3.0): Then it was done"]


def test_a_new_phrase_is_stale_until_the_snapshot_is_rewritten() -> None:
    more = SNAPSHOT_TEXT + "When something new happens\n"
    breaking, stale = compare(SNAPSHOT_TEXT, more, version="0.1.0")
    assert not breaking and stale == ["new: When something new happens"]


def test_the_snapshot_is_sorted_one_phrase_a_line_so_branches_merge() -> None:
    lines = [line for line in _current().splitlines() if not line.startswith("#")]
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    assert "Then CM/ECF does not offer the linking form" in lines
    assert (
        "Then CM/ECF refuses to link: <message meaning> | <message meaning>: a key of the "
        'target profile\'s [messages] (not the "email: …" ones)'
    ) in lines
