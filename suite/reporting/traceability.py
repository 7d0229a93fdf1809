"""FAQ traceability: which scenarios cover each FAQ question and each sentence of its answer.

A scenario says what it covers with `FAQ: <sentence>` lines in its description, quoting the
FAQ verbatim (whitespace aside). A quote may also be one clause of a longer sentence ("You
will receive confirmation when the accounts have been unlinked,"); the matrix then shows the
words no scenario quotes. A quote that matches no sentence is an error, so a typo cannot
pass for coverage. A sentence repeated word for word in two answers is covered wherever a
scenario quotes it.

    python -m suite.reporting.traceability [--results reports/results.json]

prints the matrix (with each scenario's latest result when --results is given) and exits 1
when a question or an answer sentence is uncovered, a quote matches nothing, a scenario
quotes nothing, or a feature's title is not an FAQ question. A feature tagged @accessibility
checks what the FAQ does not ask (Section 508): it is listed apart, "beyond the FAQ", and
counts neither towards the FAQ's coverage nor against it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pytest_bdd.parser import Feature, ScenarioTemplate

from suite.authoring.faq import Faq, FaqNotFound, Question, find_faq_file, load_faq, normalise
from suite.authoring.features import (
    FEATURES_DIR,
    Problem,
    Quote,
    beyond_faq,
    faq_quotes,
    load_features,
    relative,
    scenario_key,
)
from suite.reporting.records import Outcome, Record, key_of, load_results, summarise, worst

# A quoted clause starts after one of these (and a space) or at the start of the sentence.
_CLAUSE_BREAKS = ",;:)\u2013\u2014"  # and the en and em dashes
_CONJUNCTIONS = frozenset({"and", "or", "but", "then"})
# Shorter quotes than this must be whole sentences ("No." is a sentence; "the" is not a clause).
_MIN_CLAUSE_WORDS = 3


@dataclass
class ScenarioRef:
    feature_path: str
    line: int
    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def key(self) -> str:
        return scenario_key(self.feature_path, self.line)

    @property
    def status(self) -> Outcome:
        return worst(self.outcomes)

    @property
    def result(self) -> str:
        return summarise(self.outcomes)


@dataclass
class Use:
    """A scenario quoting (all or part of) a sentence."""

    scenario: ScenarioRef
    quote: Quote
    whole: bool


@dataclass
class SentenceCoverage:
    question: Question
    index: int  # 1-based within the answer
    text: str
    uses: list[Use] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.question.label}.{self.index}"

    @property
    def covered(self) -> bool:
        return bool(self.uses)

    @property
    def verified(self) -> bool:
        """Covered, and some scenario quoting it passed in this run (quoting is no proof)."""
        return any(use.scenario.status == "passed" for use in self.uses)

    @property
    def unquoted(self) -> list[str]:
        """Stretches of the sentence that no quote covers, when only clauses are quoted."""
        if any(use.whole for use in self.uses) or not self.uses:
            return []
        quoted = [False] * len(self.text)
        for use in self.uses:
            start = self.text.find(use.quote.text)
            for i in range(start, start + len(use.quote.text)):
                quoted[i] = True
        gaps, current = [], ""
        for char, done in zip(self.text, quoted, strict=True):
            if done:
                gaps.append(current)
                current = ""
            else:
                current += char
        gaps.append(current)
        return [g.strip(" ,;") for g in gaps if g.strip(" ,;.")]


@dataclass
class QuestionCoverage:
    question: Question
    features: list[str]
    scenarios: list[ScenarioRef]
    sentences: list[SentenceCoverage]

    @property
    def covered(self) -> bool:
        return bool(self.scenarios)


@dataclass
class BeyondFaq:
    """A feature that checks what the FAQ does not ask (@accessibility): shown apart, and
    counted neither towards the FAQ's coverage nor against it."""

    path: str
    name: str
    tags: list[str]
    scenarios: list[ScenarioRef] = field(default_factory=list)


@dataclass
class Matrix:
    questions: list[QuestionCoverage]
    problems: list[Problem]
    ignored: tuple[str, ...]
    faq_path: str = ""
    beyond: list[BeyondFaq] = field(default_factory=list)

    @property
    def sentences(self) -> list[SentenceCoverage]:
        return [s for q in self.questions for s in q.sentences]

    @property
    def uncovered_questions(self) -> list[QuestionCoverage]:
        return [q for q in self.questions if not q.covered]

    @property
    def uncovered_sentences(self) -> list[SentenceCoverage]:
        return [s for s in self.sentences if not s.covered]

    @property
    def errors(self) -> list[str]:
        errors = [
            f"question not covered by any feature: {q.question.label} {q.question.text!r}"
            for q in self.uncovered_questions
        ]
        errors += [
            f"answer sentence not covered by any scenario: {s.label} {s.text!r}"
            for s in self.uncovered_sentences
        ]
        return errors + [str(p) for p in self.problems]

    @property
    def ok(self) -> bool:
        return not self.errors


def clause_of(quote: str, sentence: str) -> bool:
    """True when quote is a whole clause of sentence: it starts at the sentence's start,
    after a comma, bracket or dash, or with a conjunction ("or by going to ..."), and ends at
    the sentence's end, at a comma, semicolon or colon, or before a conjunction."""
    if len(quote.split()) < _MIN_CLAUSE_WORDS:
        return False
    start = sentence.find(quote)
    while start != -1:
        end = start + len(quote)
        starts = (
            start == 0
            or (sentence[start - 1] == " " and sentence[start - 2] in _CLAUSE_BREAKS)
            or quote.split()[0] in _CONJUNCTIONS
        )
        ends = (
            end == len(sentence)
            or quote[-1] in ",;:"
            or sentence[end] in ",;:"
            or sentence[end:].split()[0] in _CONJUNCTIONS
        )
        if starts and ends:
            return True
        start = sentence.find(quote, start + 1)
    return False


def _outcomes_by_scenario(records: Sequence[Record]) -> dict[str, list[Outcome]]:
    outcomes: dict[str, list[Outcome]] = {}
    for record in records:
        outcomes.setdefault(key_of(record), []).append(record["outcome"])
    return outcomes


def build_matrix(
    faq: Faq, features: Sequence[Feature], records: Sequence[Record] = (), root: Path | None = None
) -> Matrix:
    root = root or FEATURES_DIR.parent
    outcomes = _outcomes_by_scenario(records)
    coverage = [
        QuestionCoverage(
            q, [], [], [SentenceCoverage(q, i, s) for i, s in enumerate(q.sentences, 1)]
        )
        for q in faq.questions
    ]
    by_text = {normalise(q.question.text): q for q in coverage}
    problems: list[Problem] = []
    beyond: list[BeyondFaq] = []
    for feature in features:
        path = relative(feature.filename, root)
        if beyond_faq(feature.tags):
            beyond.append(_beyond(feature, path, outcomes))
            continue
        owner = by_text.get(normalise(feature.name))
        if owner is None:
            problems.append(
                Problem(
                    path,
                    feature.line_number,
                    f"feature title is not an FAQ question: {feature.name!r}",
                )
            )
        else:
            owner.features.append(path)
        for template in feature.scenarios.values():
            ref = ScenarioRef(path, template.line_number, template.name)
            ref.outcomes = outcomes.get(ref.key, [])
            if owner is not None:
                owner.scenarios.append(ref)
            problems += _trace_scenario(template, ref, coverage)
    return Matrix(coverage, problems, faq.ignored, beyond=beyond)


def _beyond(feature: Feature, path: str, outcomes: dict[str, list[Outcome]]) -> BeyondFaq:
    entry = BeyondFaq(path, feature.name, sorted(feature.tags))
    for template in feature.scenarios.values():
        ref = ScenarioRef(path, template.line_number, template.name)
        ref.outcomes = outcomes.get(ref.key, [])
        entry.scenarios.append(ref)
    return entry


def _trace_scenario(
    template: ScenarioTemplate, ref: ScenarioRef, coverage: list[QuestionCoverage]
) -> list[Problem]:
    quotes = faq_quotes(template)
    if not quotes:
        return [
            Problem(
                ref.feature_path,
                ref.line,
                f"scenario {ref.name!r} quotes no FAQ sentence (add 'FAQ: ...' lines)",
            )
        ]
    problems = []
    for quote in quotes:
        matched = False
        for sentence in (s for q in coverage for s in q.sentences):
            whole = quote.text == sentence.text
            if whole or clause_of(quote.text, sentence.text):
                sentence.uses.append(Use(ref, quote, whole))
                matched = True
        if not matched:
            problems.append(
                Problem(
                    ref.feature_path,
                    quote.line,
                    f"FAQ: line matches no sentence of the FAQ: {quote.text!r}",
                )
            )
    return problems


def _shorten(text: str, width: int = 96) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_matrix(matrix: Matrix, with_results: bool) -> str:
    lines = [f"FAQ traceability matrix ({matrix.faq_path})", ""]
    for q in matrix.questions:
        lines.append(f"{q.question.label:<6} {q.question.text}")
        if q.features:
            lines.append(f"{'':6} feature: {', '.join(q.features)} ({len(q.scenarios)} scenarios)")
        else:
            lines.append(f"{'':6} NOT COVERED: no feature has this question as its title")
        for s in q.sentences:
            mark = "  " if s.covered else "✗ "
            lines.append(f"  {mark}{s.label:<5} {_shorten(s.text)}")
            for use in s.uses:
                result = f"  [{use.scenario.result}]" if with_results else ""
                part = "" if use.whole else "  (a clause)"
                if use.scenario.feature_path not in q.features:
                    part += "  (another question's feature)"
                lines.append(
                    f"{'':10}- {use.scenario.feature_path}:{use.scenario.line} "
                    f"{_shorten(use.scenario.name, 70)}{part}{result}"
                )
            if not s.covered:
                lines.append(f"{'':10}NOT COVERED by any scenario")
            for gap in s.unquoted:
                lines.append(f"{'':10}(no scenario quotes: {gap!r})")
        lines.append("")
    questions, sentences = matrix.questions, matrix.sentences
    covered_q = sum(q.covered for q in questions)
    covered_s = sum(s.covered for s in sentences)
    q_share, s_share = _percent(covered_q, len(questions)), _percent(covered_s, len(sentences))
    lines.append(
        f"Coverage: questions {covered_q}/{len(questions)} ({q_share}), "
        f"answer sentences {covered_s}/{len(sentences)} ({s_share})"
    )
    for extra in matrix.beyond:
        lines.append(
            f"Beyond the FAQ (not counted above): {extra.path} {extra.name!r} "
            f"({len(extra.scenarios)} scenarios)"
        )
        for ref in extra.scenarios:
            result = f"  [{ref.result}]" if with_results else ""
            lines.append(f"{'':10}- {ref.feature_path}:{ref.line} {_shorten(ref.name, 70)}{result}")
    if matrix.ignored:
        lines.append(
            "Ignored FAQ lines (not questions, no full stop): "
            + "; ".join(repr(i) for i in matrix.ignored)
        )
    if matrix.errors:
        lines.append(f"FAILED: {len(matrix.errors)} traceability problem(s):")
        lines += [f"  - {error}" for error in matrix.errors]
    else:
        lines.append("OK: every FAQ question and answer sentence is covered by a scenario.")
    return "\n".join(lines)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def matrix_for(
    features_dir: Path = FEATURES_DIR, faq_path: Path | None = None, records: Sequence[Record] = ()
) -> Matrix:
    """The matrix of the feature files in features_dir against the FAQ text."""
    features, problems = load_features(features_dir, features_dir.parent)
    faq_path = faq_path or find_faq_file(features_dir.parent)
    faq = load_faq(faq_path, [f.name for f in features])
    matrix = build_matrix(faq, features, records, features_dir.parent)
    matrix.problems[:0] = problems
    matrix.faq_path = str(faq_path)
    return matrix


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suite.reporting.traceability",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--results", type=Path, help="results.json of a run, to show results")
    parser.add_argument("--faq", type=Path, help="the FAQ text (default: found by suite)")
    parser.add_argument("--features", type=Path, default=FEATURES_DIR, help="feature folder")
    args = parser.parse_args(argv)
    try:
        records = load_results(args.results)["records"] if args.results else []
        matrix = matrix_for(args.features.resolve(), args.faq, records)
    except (FaqNotFound, OSError) as error:
        print(f"traceability: {error}", file=sys.stderr)
        return 2
    print(format_matrix(matrix, with_results=args.results is not None))
    return 0 if matrix.ok else 1


if __name__ == "__main__":
    sys.exit(main())
