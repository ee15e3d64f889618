"""The shipped panel as a long frame with units, sources and missing reasons; users' long CSV
files read with located errors; a strategy's own values and the panel's in one frame."""

from __future__ import annotations

import csv
import io
import math
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

from citystrategy.cities import kielce
from citystrategy.compare import (
    KIELCE_LINKS,
    MISSING_REASONS,
    PANEL_VARIABLES,
    PanelLink,
    monitoring_frame,
    read_long_csv,
    read_panel,
    sample_panel,
)
from citystrategy.errors import ArgumentError, DataFileError
from citystrategy.frames import validate_long
from citystrategy.units import Q_

PANEL_FILE = files("citystrategy.compare") / "data" / "cities_panel.csv"
SHARED_FILE = Path(__file__).parents[3] / "shared" / "data" / "cities_panel.csv"


def test_the_panel_is_a_valid_long_frame_of_66_cities() -> None:
    """66 cities x 6 variables x 3 years = 1 188 rows, each a valid long-frame row."""
    panel = sample_panel()
    validate_long(panel)
    assert len(panel) == 66 * 6 * 3
    assert panel.territory.nunique() == 66
    assert set(panel.indicator) == set(PANEL_VARIABLES)


def test_units_are_those_of_the_registry() -> None:
    """Each variable carries its pint unit: the REGON rate is per 10 000 inhabitants."""
    panel = sample_panel()
    units = dict(zip(panel.indicator, panel.unit, strict=False))
    assert units["unemployment_rate"] == "percent"
    assert units["area_km2"] == "kilometer ** 2"
    per_10k = Q_(1.0, units["regon_entities_per_10k_population"]).to("1 / inhabitant")
    assert per_10k.magnitude == pytest.approx(1e-4)


def test_missing_values_keep_their_reason() -> None:
    """The 66 unpublished REGON values of 2023 and the 4 confidential wages are NaN with flags."""
    panel = sample_panel()
    missing = panel[panel.value.isna()]
    assert len(missing) == 70
    assert set(missing.flag) == set(MISSING_REASONS)
    confidential = missing[missing.flag == "confidential"]
    assert set(confidential.territory) == {"2467011"}  # Jastrzębie-Zdrój
    assert panel.loc[panel.value.notna(), "flag"].isna().all()


def test_every_row_names_its_source() -> None:
    """Each row keeps the GUS BDL export it comes from."""
    assert sample_panel().source.str.contains("GUS BDL export").all()


def test_packaged_file_is_the_shared_one() -> None:
    """The packaged panel is the project's shared file, byte for byte."""
    if SHARED_FILE.exists():
        assert PANEL_FILE.read_bytes() == SHARED_FILE.read_bytes()
    rows = list(csv.DictReader(io.StringIO(PANEL_FILE.read_text(encoding="utf-8"))))
    kielce_2023 = [r for r in rows if r["city"] == "Kielce" and r["year"] == "2023"]
    assert {r["indicator"]: r["value"] for r in kielce_2023}["unemployment_rate"] == "4.6"


def test_sample_panel_is_a_fresh_copy() -> None:
    """Changing the returned frame leaves the next one as shipped."""
    first = sample_panel()
    first.loc[:, "value"] = 0.0
    assert sample_panel().value.max() > 0


def test_import_loads_no_pandas() -> None:
    """import citystrategy.compare (and citystrategy) loads neither pandas nor pint."""
    code = "import sys, citystrategy, citystrategy.compare; print('pandas' in sys.modules, 'pint' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False False"


def test_kielce_own_unemployment_and_the_panel_agree() -> None:
    """Kielce's registered unemployment rate is 4,6% in its report and in GUS BDL, 2022 and 2023."""
    frame = monitoring_frame(kielce.load())
    both = frame[frame.own.notna()]
    assert both[["indicator", "variable", "unit"]].drop_duplicates().values.tolist() == [
        ["KIE-1.1-01", "unemployment_rate", "percent"]
    ]
    assert both.year.tolist() == [2022, 2023]
    assert both.own.tolist() == [4.6, 4.6]
    assert both.official.tolist() == [4.6, 4.6]
    assert both.agree.all()
    # 2021 is in the panel only: shown, not agreeing, the strategy's value missing
    early = frame[frame.year == 2021].iloc[0]
    assert math.isnan(early.own)
    assert early.official == 5.2
    assert not early.agree


def test_kielce_links_are_the_default() -> None:
    """Kielce's strategy links KIE-1.1-01 to the panel's unemployment_rate."""
    assert [(link.indicator, link.variable) for link in KIELCE_LINKS] == [
        ("KIE-1.1-01", "unemployment_rate")
    ]


def test_a_link_of_different_units_is_refused() -> None:
    """A percentage indicator linked to a wage in PLN is an error, not a silent comparison."""
    with pytest.raises(ArgumentError, match="one unit"):
        monitoring_frame(
            kielce.load(), links=[PanelLink("KIE-1.1-01", "avg_gross_monthly_wage_pln")]
        )


def test_a_link_of_an_unknown_indicator_is_refused() -> None:
    """A link naming no indicator of the strategy is an error."""
    with pytest.raises(ArgumentError, match="strategy's indicators"):
        monitoring_frame(kielce.load(), links=[PanelLink("KIE-9", "unemployment_rate")])


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_long_csv_reads_a_users_file(tmp_path: Path) -> None:
    """A user's long CSV: Polish commas, '%' as percent, an empty value with its flag."""
    path = _write(
        tmp_path,
        "territory,indicator,unit,year,value,flag\n"
        'os-1,unemployment_rate,%,2023,"4,6",\n'
        "os-2,unemployment_rate,%,2023,3.1,\n"
        "os-3,unemployment_rate,%,2023,,not_published\n",
    )
    frame = read_long_csv(path)
    assert frame.unit.unique().tolist() == ["percent"]
    assert frame.value.tolist()[:2] == [4.6, 3.1]
    assert math.isnan(frame.value.iloc[2])
    assert frame.flag.iloc[2] == "not_published"


def test_read_long_csv_locates_every_problem(tmp_path: Path) -> None:
    """Each bad cell is reported with its line and column and the offending text."""
    path = _write(
        tmp_path,
        "territory,indicator,unit,year,value\n"
        "A,x,kielcebytes,2023,1\n"
        "B,x,percent,20x3,1\n"
        "C,x,percent,2023,1 000\n"
        "D,x,percent,2023,\n"
        "E,x,percent,2023,1\n"
        "E,x,percent,2023,2\n",
    )
    with pytest.raises(DataFileError) as caught:
        read_long_csv(path)
    problems = caught.value.problems
    assert any(p.startswith("line 2, column 'unit'") and "'kielcebytes'" in p for p in problems)
    assert any(p.startswith("line 3, column 'year'") and "'20x3'" in p for p in problems)
    assert any(p.startswith("line 4, column 'value'") and "'1 000'" in p for p in problems)
    assert any(p.startswith("line 5, column 'value'") and "reason" in p for p in problems)
    assert any("'E', 'x', 2023 is given twice" in p for p in problems)


def test_read_long_csv_needs_the_columns(tmp_path: Path) -> None:
    """A file without the long-frame columns names the missing ones in its header."""
    path = _write(tmp_path, "city,year,value\nKielce,2023,1\n")
    with pytest.raises(DataFileError, match=r"line 1 \(header\).*'territory'"):
        read_long_csv(path)


def test_read_panel_checks_codes_variables_and_units(tmp_path: Path) -> None:
    """A panel row with a bad code, an unknown variable or another unit is located."""
    header = PANEL_FILE.read_text(encoding="utf-8").splitlines()[0]
    path = _write(
        tmp_path,
        header + "\n"
        '2761011,2761,X,x,population,"persons (osoba), as of 31 Dec",2023,1,,s\n'
        "2661011,2661,Kielce,świętokrzyskie,crime,x,2023,1,,s\n"
        "2661011,2661,Kielce,świętokrzyskie,population,persons,2023,1,,s\n"
        "2661011,2661,Kielce,świętokrzyskie,area_km2,km2 (whole km2 as published in BDL),2023,,,s\n",
    )
    with pytest.raises(DataFileError) as caught:
        read_panel(path)
    problems = caught.value.problems
    assert problems[0].startswith("line 2, column 'teryt_gmina': '2761011'")
    assert problems[1].startswith("line 3, column 'indicator': unknown variable 'crime'")
    assert problems[2].startswith("line 4, column 'unit'")
    assert "'persons'" in problems[2]
    assert problems[3] == "line 5, column 'missing_reason': an empty value needs its reason"
