"""Measure the googleable check (P16) against the labelled corpus.

Run from the project root:  PYTHONPATH=src:. python scripts/measure_googleable.py

Prints counts, precision and recall for CORPUS (the labelled questions the rules were shaped on,
which the tests hold to >= 0.9) and for FRESH (written afterwards and never tuned on: the honest
estimate for new phrasings), then every question the check gets wrong.
"""

from __future__ import annotations

from collections.abc import Sequence

from coffeechat.playbook.googleable import check_question
from tests.playbook.googleable_corpus import CORPUS, FRESH, Labelled


def measure(name: str, items: Sequence[Labelled]) -> None:
    true_pos = false_pos = false_neg = true_neg = 0
    mistakes: list[str] = []
    for item in items:
        verdict = check_question(item.question)
        if verdict.googleable and item.googleable:
            true_pos += 1
        elif verdict.googleable:
            false_pos += 1
            mistakes.append(f"  flagged but fine:  {item.question}")
        elif item.googleable:
            false_neg += 1
            mistakes.append(f"  missed googleable: {item.question}")
        else:
            true_neg += 1
    flagged = true_pos + false_pos
    labelled = true_pos + false_neg
    precision = true_pos / flagged if flagged else 1.0
    recall = true_pos / labelled if labelled else 1.0
    print(f"{name}: {len(items)} questions ({labelled} googleable, {len(items) - labelled} not)")
    print(f"  true positives {true_pos}, false positives {false_pos}, ", end="")
    print(f"false negatives {false_neg}, true negatives {true_neg}")
    print(f"  precision {precision:.3f}  recall {recall:.3f}")
    print("\n".join(mistakes) if mistakes else "  no mistakes")


def main() -> int:
    measure("CORPUS", CORPUS)
    measure("FRESH (never tuned on)", FRESH)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
