"""Cross-city and intra-city comparison: the shipped panel of the 66 cities with powiat
rights, peer groups, ranks and scores on level and change, a synthetic index, and dispersion.

Every name is imported on first use (PEP 562), so that importing this package loads neither
pandas nor pint until a function is called.

>>> from citystrategy import compare as cmp
>>> panel = cmp.density(cmp.sample_panel())
>>> table = cmp.compare(
...     panel,
...     focus="Kielce",
...     peers=cmp.peer_group("population:100000-250000", year=2023),
...     indicators=["unemployment_rate", "population_density"],
...     year=2023,
... )
>>> table.loc[table.focus, ["indicator", "rank", "ranked"]].values.tolist()
[['unemployment_rate', 19.0, 26], ['population_density', 9.0, 26]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names

if TYPE_CHECKING:
    from citystrategy.compare.calc import CAVEATS as CAVEATS
    from citystrategy.compare.calc import COMPARISON_COLUMNS as COMPARISON_COLUMNS
    from citystrategy.compare.calc import DERIVED_DIRECTIONS as DERIVED_DIRECTIONS
    from citystrategy.compare.calc import Caveat as Caveat
    from citystrategy.compare.calc import Quadrant as Quadrant
    from citystrategy.compare.calc import caveats_for as caveats_for
    from citystrategy.compare.calc import compare as compare
    from citystrategy.compare.calc import density as density
    from citystrategy.compare.calc import per_inhabitants as per_inhabitants
    from citystrategy.compare.calc import rank_within as rank_within
    from citystrategy.compare.calc import synthetic_index as synthetic_index
    from citystrategy.compare.inequality import Dispersion as Dispersion
    from citystrategy.compare.inequality import dispersion as dispersion
    from citystrategy.compare.panel import KIELCE_LINKS as KIELCE_LINKS
    from citystrategy.compare.panel import MISSING_REASONS as MISSING_REASONS
    from citystrategy.compare.panel import PANEL_COLUMNS as PANEL_COLUMNS
    from citystrategy.compare.panel import PANEL_VARIABLES as PANEL_VARIABLES
    from citystrategy.compare.panel import PanelLink as PanelLink
    from citystrategy.compare.panel import PanelVariable as PanelVariable
    from citystrategy.compare.panel import monitoring_frame as monitoring_frame
    from citystrategy.compare.panel import read_long_csv as read_long_csv
    from citystrategy.compare.panel import read_panel as read_panel
    from citystrategy.compare.panel import sample_panel as sample_panel
    from citystrategy.compare.peers import BENCHMARK_CITIES as BENCHMARK_CITIES
    from citystrategy.compare.peers import DEFAULT_POPULATION_BOUNDS as DEFAULT_POPULATION_BOUNDS
    from citystrategy.compare.peers import YEARS_WITH_DATA as YEARS_WITH_DATA
    from citystrategy.compare.peers import PeerGroup as PeerGroup
    from citystrategy.compare.peers import PeerRule as PeerRule
    from citystrategy.compare.peers import benchmark_group as benchmark_group
    from citystrategy.compare.peers import explicit_group as explicit_group
    from citystrategy.compare.peers import known_indicator as known_indicator
    from citystrategy.compare.peers import peer_group as peer_group
    from citystrategy.compare.peers import population_class_of as population_class_of
    from citystrategy.compare.peers import population_classes as population_classes
    from citystrategy.compare.peers import population_group as population_group
    from citystrategy.compare.peers import powiat_rights_group as powiat_rights_group
    from citystrategy.compare.peers import similar_group as similar_group
    from citystrategy.compare.peers import territory_name as territory_name
    from citystrategy.compare.peers import voivodeship_group as voivodeship_group
    from citystrategy.compare.peers import zmp_group as zmp_group

#: Where each name lives: it is imported from there on first use.
_EXPORTS: Final = {
    "KIELCE_LINKS": "citystrategy.compare.panel",
    "MISSING_REASONS": "citystrategy.compare.panel",
    "PANEL_COLUMNS": "citystrategy.compare.panel",
    "PANEL_VARIABLES": "citystrategy.compare.panel",
    "PanelLink": "citystrategy.compare.panel",
    "PanelVariable": "citystrategy.compare.panel",
    "monitoring_frame": "citystrategy.compare.panel",
    "read_long_csv": "citystrategy.compare.panel",
    "read_panel": "citystrategy.compare.panel",
    "sample_panel": "citystrategy.compare.panel",
    "BENCHMARK_CITIES": "citystrategy.compare.peers",
    "DEFAULT_POPULATION_BOUNDS": "citystrategy.compare.peers",
    "PeerGroup": "citystrategy.compare.peers",
    "PeerRule": "citystrategy.compare.peers",
    "benchmark_group": "citystrategy.compare.peers",
    "explicit_group": "citystrategy.compare.peers",
    "peer_group": "citystrategy.compare.peers",
    "population_class_of": "citystrategy.compare.peers",
    "population_classes": "citystrategy.compare.peers",
    "population_group": "citystrategy.compare.peers",
    "powiat_rights_group": "citystrategy.compare.peers",
    "similar_group": "citystrategy.compare.peers",
    "territory_name": "citystrategy.compare.peers",
    "YEARS_WITH_DATA": "citystrategy.compare.peers",
    "known_indicator": "citystrategy.compare.peers",
    "voivodeship_group": "citystrategy.compare.peers",
    "zmp_group": "citystrategy.compare.peers",
    "CAVEATS": "citystrategy.compare.calc",
    "COMPARISON_COLUMNS": "citystrategy.compare.calc",
    "DERIVED_DIRECTIONS": "citystrategy.compare.calc",
    "Caveat": "citystrategy.compare.calc",
    "Quadrant": "citystrategy.compare.calc",
    "caveats_for": "citystrategy.compare.calc",
    "compare": "citystrategy.compare.calc",
    "density": "citystrategy.compare.calc",
    "per_inhabitants": "citystrategy.compare.calc",
    "rank_within": "citystrategy.compare.calc",
    "synthetic_index": "citystrategy.compare.calc",
    "Dispersion": "citystrategy.compare.inequality",
    "dispersion": "citystrategy.compare.inequality",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, globals(), _EXPORTS)

__all__ = [
    "BENCHMARK_CITIES",
    "CAVEATS",
    "COMPARISON_COLUMNS",
    "DEFAULT_POPULATION_BOUNDS",
    "DERIVED_DIRECTIONS",
    "KIELCE_LINKS",
    "MISSING_REASONS",
    "PANEL_COLUMNS",
    "PANEL_VARIABLES",
    "YEARS_WITH_DATA",
    "Caveat",
    "Dispersion",
    "PanelLink",
    "PanelVariable",
    "PeerGroup",
    "PeerRule",
    "Quadrant",
    "benchmark_group",
    "caveats_for",
    "compare",
    "density",
    "dispersion",
    "explicit_group",
    "known_indicator",
    "monitoring_frame",
    "peer_group",
    "per_inhabitants",
    "population_class_of",
    "population_classes",
    "population_group",
    "powiat_rights_group",
    "rank_within",
    "read_long_csv",
    "read_panel",
    "sample_panel",
    "similar_group",
    "synthetic_index",
    "territory_name",
    "voivodeship_group",
    "zmp_group",
]
