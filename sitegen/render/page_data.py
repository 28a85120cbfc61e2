"""One package's tables as plain dicts and lists for the templates, built once per package.

A pandas lookup (`.loc`, a filtered frame, a scan of every derived figure) in
a template runs once per table cell of every page; dict lookups here make the
pages stage grow with the number of cells, not with cells times tables.
"""

from __future__ import annotations

from collections import defaultdict


class PackageView:
    def __init__(self, publication):
        dataset, figures = publication.dataset, publication.figures
        self.measures = _by_id(dataset.measures)
        self.groups = _by_id(dataset.groups)
        self.sources = _by_id(dataset.sources)
        self.periods_by_id = _by_id(dataset.periods)
        self.periods = list(dataset.periods.sort_values(["end", "start", "id"]).itertuples())
        self._observations = _grouped(dataset.observations.itertuples(), lambda o: o.period_id)
        self._shares = {}
        for share in figures.shares:
            self._shares.setdefault((share.measure, share.period_id, share.group), share)
        self._reports = _grouped(figures.reports, lambda r: (r.period_id, r.measure, r.group))
        self._decimals = dataset.value_decimals
        self._withheld = {(w.measure, w.period_id, w.group): w for w in figures.withheld}
        self._changes = _grouped([c for c in figures.changes if c.group == "total"], lambda c: c.period_id)
        self._rates = _grouped(figures.rates, lambda r: r.period_id)
        self._quoted = _grouped(figures.quoted, lambda q: q.period_id)
        obs = dataset.observations
        shown = set(obs.loc[(obs["role"] == "published") & obs["value"].notna(), "period_id"])
        # How current the package is: the end of its latest period with a published figure, and its newest source.
        self.latest_end = max((p["end"] for pid, p in self.periods_by_id.items() if pid in shown), default="")
        newest = max(self.sources.values(), key=lambda s: s["published"] or "", default=None)
        self.latest_release = (newest["published"], newest["published_precision"]) if newest else ("", "")

    def observations(self, period_id: str) -> list:
        return self._observations.get(period_id, [])

    def share(self, measure: str, period_id: str, group: str):
        return self._shares.get((measure, period_id, group))

    def decimals(self, row_index: int) -> int:
        """Decimals of an observation's value as its release printed them (0 when none)."""
        return self._decimals.get(row_index, 0)

    def withheld(self, measure: str, period_id: str, group: str):
        """Why a share is not computed (figures.Withheld), or None."""
        return self._withheld.get((measure, period_id, group))

    def group_names(self, lang: str) -> dict[str, str]:
        return {gid: row[f"name_{lang}"] for gid, row in self.groups.items()}

    def reports(self, period_id: str, measure: str, group: str) -> list:
        return self._reports.get((period_id, measure, group), [])

    def changes(self, period_id: str) -> list:
        return self._changes.get(period_id, [])

    def rates(self, period_id: str) -> list:
        return self._rates.get(period_id, [])

    def quoted(self, period_id: str) -> list:
        return self._quoted.get(period_id, [])


def _by_id(frame) -> dict[str, dict]:
    return {row["id"]: row for row in frame.to_dict("records")}


def _grouped(items, key) -> dict:
    grouped = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return dict(grouped)
