"""The counting rules that rollups and the digest share: a `Tally` of activities and head counts,
the name order, and which activities carry a date that can be counted at all.

An activity that reaches several communities (or carries several tags, or has several organizers)
counts once in each of those groups, and once in any total. Participants are summed over the
activities that have a head count; the sum is approximate when any count in it was (`40余`), and
activities without a head count are counted apart, never guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..dates import is_supported_iso
from ..models import Activity


@dataclass(frozen=True)
class Tally:
    """Activities and their participants, with the honesty marks a sum of head counts needs."""

    activities: int = 0
    participants: int = 0
    participants_approx: bool = False  # some count in the sum was approximate (40余)
    without_count: int = 0  # activities with no head count, left out of the sum

    @classmethod
    def of(cls, activities: Iterable[Activity]) -> Tally:
        n = people = missing = 0
        approx = False
        for a in activities:
            n += 1
            if a.participants is None:
                missing += 1
            else:
                people += a.participants
                approx = approx or a.participants_approx
        return cls(n, people, approx, missing)

    def to_dict(self) -> dict:
        return {
            "activities": self.activities,
            "participants": self.participants,
            "participants_approx": self.participants_approx,
            "without_count": self.without_count,
        }


def _name_key(name: str | None) -> tuple:
    """Names in pinyin order; the missing name (None) last."""
    from ..textnorm import pinyin_sort_key

    return (1, ()) if name is None else (0, pinyin_sort_key(name))


def _by_count_then_name(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], _name_key(item[0])))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _dated(activities: Iterable, as_records: bool, skipped: list) -> Iterator:
    """The activities whose date is a supported day, as they come; the others' (id, date) go to
    `skipped`. Stored records were checked when written, but one edited by hand may say
    9999-12-31, whose week cannot be computed, or not be a date at all. Each distinct date is
    checked once."""
    verdicts: dict[str, bool] = {}
    for a in activities:
        day = a.get("date") if as_records else a.date
        ok = verdicts.get(day) if type(day) is str else False
        if ok is None:
            ok = verdicts[day] = is_supported_iso(day)
        if ok:
            yield a
        else:
            skipped.append((a.get("id") if as_records else a.id, day))
