"""Optional files of a season folder: penalties, adjustments, published tables."""

from __future__ import annotations

import re

from podium.errors import InputError, Problem
from podium.model import (
    Penalty,
    PenaltyKind,
    PointsAdjustment,
    PublishedStanding,
    PublishedWinner,
    Season,
    parse_points,
)
from podium.readers.native import schema
from podium.readers.native.fields import split_list
from podium.readers.native.read_results import ResultReader
from podium.readers.rows import read_rows


class ExtraReader(ResultReader):
    def _penalties(self, season: Season) -> tuple[Penalty, ...]:
        out: list[Penalty] = []
        for row in self._rows("penalties.csv", schema.PENALTIES, ("round", "kind", "reason")):
            number = self._int(row, "round", 1)
            kind = self._enum(row, "kind", PenaltyKind, "penalty kind")
            if kind is None:
                continue
            if number is None:
                continue
            class_code = ""
            if row.get("car_no"):
                matches = [e for e in season.entries if e.car_no == row.get("car_no")]
                class_code = matches[0].class_code if matches else ""
            key = self._resolve(row, season, number, class_code)
            if key is None:
                continue
            self.where[("penalty", len(out) + 1)] = (row.file, row.line)
            out.append(
                Penalty(
                    number,
                    key,
                    kind,
                    row.get("reason"),
                    row.get("value"),
                    row.get("championship"),
                    row.get("source"),
                    row.get("session") or "race",
                    row.get("withdrawn"),
                    self._flag(row, "in_results"),
                )
            )
        return tuple(out)

    def _adjustments(self, season: Season) -> tuple[PointsAdjustment, ...]:
        out = []
        for row in self._rows(
            "adjustments.csv",
            schema.ADJUSTMENTS,
            ("championship", "competitor", "points", "reason"),
        ):
            try:
                points = parse_points(row.get("points"))
            except (ValueError, ZeroDivisionError):
                self._error(
                    row,
                    "points",
                    "not a number",
                    expected="e.g. -15 or 4.5",
                    found=row.get("points"),
                )
                continue
            out.append(
                PointsAdjustment(
                    row.get("championship"),
                    row.get("class"),
                    row.get("competitor"),
                    points,
                    row.get("reason"),
                    self._int(row, "round", 1),
                    row.get("source"),
                )
            )
        return tuple(out)

    def _published(self, season: Season) -> tuple[PublishedStanding, ...]:
        base = self.folder / "published"
        if not base.is_dir():
            return ()
        ids = {c.id for c in season.rules.championships}
        out: list[PublishedStanding] = []
        for path in sorted(base.glob("*.csv")):
            if path.stem == "winners":
                continue
            relative = f"published/{path.name}"
            if path.stem not in ids:
                self.problems.append(
                    Problem(
                        self._name(path),
                        None,
                        "(file name)",
                        "no such championship in rules.toml",
                        expected=" or ".join(sorted(ids)),
                        found=path.stem,
                    )
                )
                continue
            loaded = self._text(relative)
            if loaded is None:
                continue
            try:
                rows = list(read_rows(*loaded, required=("pos", "total")))
            except InputError as exc:
                self.problems.extend(exc.problems)
                continue
            for row in rows:
                name_column = next((c for c in ("team", "driver", "name") if c in row.values), "")
                if not name_column:
                    self._error(
                        row,
                        "name",
                        "published table has no name column",
                        expected="team, driver or name",
                    )
                    break
                rounds = sorted(
                    (c for c in row.values if re.fullmatch(r"r\d+", c)), key=lambda c: int(c[1:])
                )
                out.append(
                    PublishedStanding(
                        path.stem,
                        row.get("class"),
                        row.get("pos"),
                        row.get(name_column),
                        tuple(row.get(c) for c in rounds),
                        row.get("total"),
                        row.get("chassis"),
                        row.get("engine"),
                        row.line,
                    )
                )
        return tuple(out)

    def _published_winners(self) -> tuple[PublishedWinner, ...]:
        rows = self._rows(
            "published/winners.csv",
            ("round", "class", "car_no", "team", "drivers"),
            ("round", "class", "car_no", "team", "drivers"),
        )
        out = []
        for row in rows:
            number = self._int(row, "round", 1)
            if number is None:
                continue
            out.append(
                PublishedWinner(
                    number,
                    row.get("class"),
                    row.get("car_no"),
                    row.get("team"),
                    split_list(row.get("drivers"), "/"),
                    row.line,
                )
            )
        return tuple(out)
