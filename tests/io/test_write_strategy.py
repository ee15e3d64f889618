"""write_strategy: the exact inverse of read_strategy, written whole or not at all."""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Iterator
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import attrs
import pytest

from citystrategy.cities import init_folder
from citystrategy.cities.kielce import load
from citystrategy.errors import DataFileError, ModelError, OutputExistsError, StrategyFolderError
from citystrategy.io import strategy_writer, write_strategy
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import (
    GoalLink,
    Missing,
    Observation,
    Project,
    ReportSection,
    Strategy,
)
from citystrategy.money import Money
from citystrategy.reports import describe_error
from tests.language import english_words, identifiers, polish_words

SHIPPED = Path(str(files("citystrategy.cities.kielce") / "data"))
KIELCE_FILES = sorted(p.name for p in SHIPPED.iterdir() if p.is_file())


def _diff(expected: bytes, found: bytes, name: str) -> str:
    """A unified diff of two versions of a file, for a failing comparison."""
    lines = difflib.unified_diff(
        expected.decode("utf-8").splitlines(keepends=True),
        found.decode("utf-8").splitlines(keepends=True),
        fromfile=f"shipped/{name}",
        tofile=f"written/{name}",
        n=1,
    )
    return "".join(list(lines)[:60])


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of *folder* (recursively), by relative path."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def kielce() -> Strategy:
    """The shipped Kielce strategy."""
    return load()


@pytest.fixture(scope="module")
def written(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Kielce strategy written unchanged, like the shipped folder."""
    return write_strategy(kielce, tmp_path_factory.mktemp("out") / "kielce", like=SHIPPED)


def test_the_folder_has_the_files_of_the_format() -> None:
    """The round trip below covers the six data files and the README of the shipped folder."""
    assert KIELCE_FILES == [
        "README.md",
        "action_directions.tsv",
        "completed.toml",
        "goal_links.tsv",
        "indicators.tsv",
        "projects.tsv",
        "strategy.toml",
    ]


@pytest.mark.parametrize("name", KIELCE_FILES)
def test_kielce_written_unchanged_is_byte_for_byte_the_shipped_file(
    written: Path, name: str
) -> None:
    """Each file of the Kielce folder, written back unchanged like the shipped one, is the same bytes."""
    expected = (SHIPPED / name).read_bytes()
    found = (written / name).read_bytes()
    assert found == expected, _diff(expected, found, name)


def test_the_written_folder_has_no_other_file(written: Path) -> None:
    """Nothing but the folder's own files is written (no temporary or backup files)."""
    assert sorted(p.name for p in written.iterdir()) == KIELCE_FILES
    assert [p.name for p in written.parent.iterdir()] == ["kielce"]


def test_kielce_reads_back_equal(written: Path, kielce: Strategy) -> None:
    """Reading the written folder gives a Strategy equal to the shipped one."""
    assert read_strategy(written) == kielce


def test_canonical_layout_reads_back_equal_and_is_stable(kielce: Strategy, tmp_path: Path) -> None:
    """Without a layout to keep, the folder still reads back equal, and writing it again gives the same bytes."""
    first = write_strategy(kielce, tmp_path / "one")
    assert read_strategy(first) == kielce
    second = write_strategy(read_strategy(first), tmp_path / "two")
    assert _snapshot(second) == _snapshot(first)
    header = (first / "indicators.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[4:6] == ["value_2023", "value_2022"]  # as Kielce's observations are
    # units are written as the registry names them ("megawatt_hour" for "MWh"), rows in the
    # model's order; the projects and their goal links have no layout beyond that
    for name in ("projects.tsv", "goal_links.tsv"):
        assert (first / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_the_skeleton_writes_its_years_oldest_first(tmp_path: Path) -> None:
    """A folder whose value columns run oldest first is written so, and reads back equal."""
    strategy = read_strategy(init_folder(tmp_path / "new", name="Przykładowo"))
    folder = write_strategy(strategy, tmp_path / "s")
    assert read_strategy(folder) == strategy
    header = (folder / "indicators.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[4:6] == ["value_2023", "value_2024"]


def test_kielce_values_keep_their_printed_text(written: Path) -> None:
    """Values printed with units, bounds and missing signs are written as printed, not re-formatted."""
    text = (written / "indicators.tsv").read_text(encoding="utf-8")
    for printed in ("5,2 %", "- *", "8 400 000 zł", "31791,00 MWh", "83 128", "<45"):
        assert printed in text


# --- a strategy modified in code ------------------------------------------------------------


def _with_2024(kielce: Strategy) -> tuple[Strategy, Strategy]:
    """Kielce with a value_2024 for every indicator and a new project; and how it reads back.

    The first indicator gets a value typed as a person types it ("1 234,5"), the second one a
    value made in code (raw text empty), the third a missing sign, the others a zero in code.
    """
    territory = kielce.territory.id
    added = []
    expected_raw = []
    for number, indicator in enumerate(kielce.indicators):
        if number == 0:
            obs = Observation(
                indicator=indicator.code,
                territory=territory,
                year=2024,
                value=Decimal("1234.5"),
                raw="1 234,5",
            )
            raw = "1 234,5"
        elif number == 2:
            missing = Missing(
                code="missing", marker=".", text="no data, not known or confidential (GUS sign '.')"
            )
            obs = Observation(
                indicator=indicator.code, territory=territory, year=2024, missing=missing
            )
            raw = "."
        elif number == 1:
            obs = Observation(
                indicator=indicator.code, territory=territory, year=2024, value=Decimal("12.50")
            )
            raw = "12,50"  # the canonical form: decimal comma, the Decimal's own digits
        else:
            obs = Observation(
                indicator=indicator.code, territory=territory, year=2024, value=Decimal(0)
            )
            raw = "0"
        added.append(obs)
        expected_raw.append(raw)
    project = Project(
        code="KIE-P-99",
        name="Nowy projekt roku 2024",
        cost=Money(Decimal("1234567.80")),
        links=[GoalLink(strategic_goal="1", operational_goal="1.1", action_directions=["1.1-01"])],
        responsible="Wydział Inwestycji",
    )
    modified = attrs.evolve(
        kielce,
        observations=(*kielce.observations, *added),
        projects=(*kielce.projects, project),
    )
    # read back: the new column first (the shipped file writes the newest year first), each
    # indicator's values in column order; the raw-less texts in their canonical form
    new = {
        o.indicator: attrs.evolve(o, raw=raw) for o, raw in zip(added, expected_raw, strict=True)
    }
    observations = []
    for indicator in kielce.indicators:
        observations.append(new[indicator.code])
        observations.extend(o for o in kielce.observations if o.indicator == indicator.code)
    rows_in_table_1 = [
        link for p in kielce.projects for link in p.links if link.strategic_goal == "1"
    ]
    expected_project = attrs.evolve(
        project,
        links=[
            attrs.evolve(
                project.links[0],
                cost_cell="1 234 567,80 zł",
                source=f"goal table 1, row {len(rows_in_table_1) + 1}",
                project_name="Nowy projekt roku 2024",
            )
        ],
    )
    expected = attrs.evolve(
        kielce, observations=observations, projects=(*kielce.projects, expected_project)
    )
    return modified, expected


def test_a_strategy_modified_in_code_reads_back_equal(kielce: Strategy, tmp_path: Path) -> None:
    """A new value_2024 for every indicator and a new project are written and read back as given."""
    modified, expected = _with_2024(kielce)
    folder = write_strategy(modified, tmp_path / "kielce-2024", like=SHIPPED)
    found = read_strategy(folder)
    assert found == expected
    assert found.observation(kielce.indicators[0].code, 2024) == expected.observation(
        kielce.indicators[0].code, 2024
    )
    header = (folder / "indicators.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header[4:7] == ["value_2024", "value_2023", "value_2022"]
    for name in ("strategy.toml", "action_directions.tsv", "completed.toml", "README.md"):
        assert (folder / name).read_bytes() == (SHIPPED / name).read_bytes(), name
    links = (folder / "goal_links.tsv").read_text(encoding="utf-8").splitlines()
    table_1 = [line for line in links[1:] if line.startswith("1\t")]
    assert table_1[-1].split("\t")[5:] == ["KIE-P-99", "Nowy projekt roku 2024", "1 234 567,80 zł"]
    projects = (folder / "projects.tsv").read_text(encoding="utf-8").splitlines()
    assert projects[0].split("\t")[-1] == "responsible"
    assert projects[-1].split("\t")[-1] == "Wydział Inwestycji"


def test_a_changed_toml_keeps_the_layout_of_what_is_still_there(
    kielce: Strategy, tmp_path: Path
) -> None:
    """A renamed goal, a new report section and a dropped document keep the rest of strategy.toml as it was."""
    goals = list(kielce.strategic_goals)
    goals[0] = attrs.evolve(goals[0], name="Miasto dla wszystkich")
    report = kielce.reports[0]
    section = ReportSection(section=7, title="Nowy podrozdział", text="Pierwszy akapit.")
    changed = attrs.evolve(
        kielce,
        strategic_goals=goals,
        reports=[attrs.evolve(report, sections=(*report.sections, section))],
        other_documents=kielce.other_documents[:1],
    )
    folder = write_strategy(changed, tmp_path / "k", like=SHIPPED)
    assert read_strategy(folder) == changed
    shipped = (SHIPPED / "strategy.toml").read_text(encoding="utf-8").splitlines()
    text = (folder / "strategy.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:8] == shipped[:8]  # the header comments
    assert "# section 1 narrative, from" in text
    assert 'name = "Miasto dla wszystkich"' in lines
    assert 'name = "Miasto dla każdego"' not in lines
    # the new section after the last one, in the canonical layout, before the documents' comment
    new = '31.VIII.2024 roku."""\n\n[[sections]]\nsection = 7\ntitle = "Nowy podrozdział"\n'
    assert new + 'text = "Pierwszy akapit."\n\n# ---- "Inne projekty' in text
    assert "SRP-KOF-2030" not in text
    assert "Gmina Górnó" in text  # the first document's territories, kept


def test_responsible_is_read_and_written(kielce: Strategy, tmp_path: Path) -> None:
    """An indicator's and a project's responsible unit go to a responsible column and come back."""
    assert {i.responsible for i in kielce.indicators} == {""}
    assert {p.responsible for p in kielce.projects} == {""}
    indicators = list(kielce.indicators)
    indicators[0] = attrs.evolve(indicators[0], responsible="Biuro Smart City")
    projects = list(kielce.projects)
    projects[1] = attrs.evolve(projects[1], responsible="Miejski Urząd Pracy")
    changed = attrs.evolve(kielce, indicators=indicators, projects=projects)
    folder = write_strategy(changed, tmp_path / "k", like=SHIPPED)
    found = read_strategy(folder)
    assert found.indicators[0].responsible == "Biuro Smart City"
    assert found.projects[1].responsible == "Miejski Urząd Pracy"
    assert found == changed
    rows = [
        line.split("\t") for line in (folder / "indicators.tsv").read_text("utf-8").splitlines()
    ]
    assert rows[0][-1] == "responsible"
    assert [row[-1] for row in rows[1:3]] == ["Biuro Smart City", ""]


def test_a_value_with_its_own_source_keeps_it(kielce: Strategy, tmp_path: Path) -> None:
    """A value's own source goes to a source_<year> column after the sources and comes back."""
    form = "Formularz danych za 2023\xa0r.: Biuro Smart City (cel-1.xlsx)"
    observations = [
        attrs.evolve(o, source=form) if (o.indicator, o.year) == ("KIE-1-01", 2023) else o
        for o in kielce.observations
    ]
    changed = attrs.evolve(kielce, observations=observations)
    folder = write_strategy(changed, tmp_path / "k", like=SHIPPED)
    found = read_strategy(folder)
    assert found == changed
    first = next(o for o in found.observations if o.indicator == "KIE-1-01" and o.year == 2023)
    assert first.source == form
    rows = [
        line.split("\t") for line in (folder / "indicators.tsv").read_text("utf-8").splitlines()
    ]
    shipped = (SHIPPED / "indicators.tsv").read_text("utf-8").splitlines()[0].split("\t")
    assert rows[0] == [*shipped, "source_2023"]
    assert [row[-1] for row in rows[1:3]] == [form, ""]
    # the data sheet's source column: the value's own where it has one, else the indicator's
    frame = changed.observations_frame().set_index(["indicator", "year"])
    assert frame.loc[("KIE-1-01", 2023), "source"] == form
    assert frame.loc[("KIE-1-01", 2022), "source"] == kielce.indicators[0].source
    assert kielce.indicators[0].source.startswith("Roczny raport z realizacji")


def test_a_source_column_without_its_values_is_refused(tmp_path: Path) -> None:
    """A source_<year> column for a year without a value_<year> column is a located error."""
    folder = tmp_path / "k"
    shutil.copytree(SHIPPED, folder)
    path = folder / "indicators.tsv"
    lines = path.read_text("utf-8").splitlines()
    lines = [lines[0] + "\tsource_2021", *(line + "\t" for line in lines[1:])]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(DataFileError) as caught:
        read_strategy(folder)
    text = str(caught.value)
    assert "indicators.tsv" in text
    assert "'source_2021'" in text
    assert "'value_2021'" in text
    polish = describe_error(caught.value, locale="pl_PL")
    assert "kolumna „source_2021” podaje źródła wartości, których nie ma" in polish
    assert identifiers(polish, names=["source_2021", "value_2021"]) == []


# --- what cannot be written -----------------------------------------------------------------


def test_an_indicator_without_a_value_for_a_year_is_refused(
    kielce: Strategy, tmp_path: Path
) -> None:
    """A value_2024 for one indicator only would leave empty cells: refused, naming the next indicator."""
    extra = Observation(
        indicator=kielce.indicators[0].code,
        territory=kielce.territory.id,
        year=2024,
        value=Decimal(1),
    )
    with pytest.raises(ModelError) as raised:
        write_strategy(
            attrs.evolve(kielce, observations=(*kielce.observations, extra)), tmp_path / "k"
        )
    assert f"{kielce.indicators[1].code!r} has no observation in 2024" in str(raised.value)
    assert not (tmp_path / "k").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_refusal_is_worded_in_both_languages(kielce: Strategy, tmp_path: Path) -> None:
    """A strategy that cannot be written is refused in Polish and in English, naming the indicator."""
    code = kielce.indicators[0].code
    extra = Observation(indicator=code, territory=kielce.territory.id, year=2024, value=Decimal(1))
    with pytest.raises(ModelError) as raised:
        write_strategy(
            attrs.evolve(kielce, observations=(*kielce.observations, extra)), tmp_path / "k"
        )
    polish = describe_error(raised.value, locale="pl")
    english = describe_error(raised.value, locale="en")
    names = [kielce.code, kielce.indicators[1].code]
    assert polish.startswith(f"strategia „{kielce.code}”: "), polish
    assert english.startswith(f"strategy {kielce.code!r}: "), english
    assert f"wskaźnik „{kielce.indicators[1].code}” nie ma wartości za 2024\xa0r." in polish
    assert f"{kielce.indicators[1].code!r} has no observation in 2024" in english
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []
    assert identifiers(polish, names=names) == identifiers(english, names=names) == []


def test_a_value_that_would_read_back_otherwise_is_refused(
    kielce: Strategy, tmp_path: Path
) -> None:
    """A value whose printed text says another number is caught by reading the folder back."""
    observations = list(kielce.observations)
    observations[0] = attrs.evolve(observations[0], value=Decimal(99))
    with pytest.raises(ModelError) as raised:
        write_strategy(attrs.evolve(kielce, observations=observations), tmp_path / "k")
    first = observations[0]
    path = f"strategy.observations[{first.indicator!r}, {first.year}].value"
    assert f"{path} would read back as" in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_a_cell_with_a_tab_is_refused(kielce: Strategy, tmp_path: Path) -> None:
    """A name with a tab cannot be a TSV cell: refused with the file and the column."""
    indicators = list(kielce.indicators)
    indicators[0] = attrs.evolve(indicators[0], note="a\tb")
    with pytest.raises(ModelError, match=r"indicators.tsv, column note: 'a\\tb' cannot be a cell"):
        write_strategy(attrs.evolve(kielce, indicators=indicators), tmp_path / "k")


# --- where and how the folder is written ----------------------------------------------------


def test_an_existing_folder_is_refused_without_force(kielce: Strategy, tmp_path: Path) -> None:
    """Without force an existing folder is left exactly as it was."""
    target = tmp_path / "k"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        write_strategy(kielce, target)
    assert _snapshot(target) == {"mine.txt": b"keep"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k"]


def test_force_replaces_a_data_folder_whole(kielce: Strategy, tmp_path: Path) -> None:
    """With force the old data folder is replaced whole: its extra files are gone too."""
    target = write_strategy(kielce, tmp_path / "k")
    (target / "old-notes.txt").write_text("old", encoding="utf-8")
    write_strategy(kielce, target, force=True, like=SHIPPED)
    assert sorted(p.name for p in target.iterdir()) == KIELCE_FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k"]


def test_force_does_not_replace_a_folder_that_is_no_data_folder(
    kielce: Strategy, tmp_path: Path
) -> None:
    """force replaces a strategy data folder, never some other folder given by mistake."""
    target = tmp_path / "documents"
    target.mkdir()
    (target / "letter.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(StrategyFolderError, match="not a strategy data folder"):
        write_strategy(kielce, target, force=True)
    assert _snapshot(target) == {"letter.txt": b"keep"}


def _failing_writes(monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """Make the (after+1)-th file write fail, as a full disk would."""
    original = Path.write_bytes
    count = 0

    def write_bytes(self: Path, data: bytes) -> int:
        nonlocal count
        count += 1
        if count > after:
            raise OSError(28, "No space left on device", str(self))
        return original(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


def test_an_error_in_the_middle_leaves_the_previous_folder(
    kielce: Strategy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write failing at the third file leaves the previous folder as it was, and no temporary folder."""
    target = write_strategy(kielce, tmp_path / "k", like=SHIPPED)
    before = _snapshot(target)
    modified, _ = _with_2024(kielce)
    _failing_writes(monkeypatch, after=2)
    with pytest.raises(OSError, match="No space left"):
        write_strategy(modified, target, force=True, like=SHIPPED)
    monkeypatch.undo()
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k"]


def test_a_failed_rename_puts_the_previous_folder_back(
    kielce: Strategy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the new folder cannot be renamed into place, the previous one is moved back."""
    target = write_strategy(kielce, tmp_path / "k", like=SHIPPED)
    before = _snapshot(target)
    original = os.replace
    calls: list[str] = []

    def replace(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        calls.append(os.fspath(source))
        if len(calls) == 2:  # the first moves the old folder aside, the second brings the new one
            raise OSError(13, "Permission denied", os.fspath(destination))
        original(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    modified, _ = _with_2024(kielce)
    with pytest.raises(OSError, match="Permission denied"):
        write_strategy(modified, target, force=True, like=SHIPPED)
    monkeypatch.undo()
    assert len(calls) == 3
    assert _snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k"]


def test_an_error_while_checking_leaves_nothing(
    kielce: Strategy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error after the files are written but before the rename leaves no folder at all."""

    def fail(*_: object) -> None:
        raise ModelError("Strategy 'kielce-2030'", "injected")

    monkeypatch.setattr(strategy_writer, "_check", fail)
    with pytest.raises(ModelError, match="injected"):
        write_strategy(kielce, tmp_path / "k")
    assert list(tmp_path.iterdir()) == []


def _package_targets() -> Iterator[Path]:
    yield SHIPPED
    yield SHIPPED.parent / "data-2024"
    yield SHIPPED.parents[2]  # the citystrategy package itself


@pytest.mark.parametrize("target", list(_package_targets()), ids=["data", "beside", "package"])
def test_the_installed_package_is_never_written(kielce: Strategy, target: Path) -> None:
    """The shipped data, a folder beside it and the package itself are refused, even with force."""
    before = _snapshot(SHIPPED)
    with pytest.raises(StrategyFolderError) as raised:
        write_strategy(kielce, target, force=True)
    assert "inside the installed citystrategy package" in str(raised.value)
    assert not (SHIPPED.parent / "data-2024").exists()
    assert _snapshot(SHIPPED) == before


def test_the_refusal_is_worded_in_both_languages(kielce: Strategy) -> None:
    """The refusal reads as Polish in Polish and as English in English."""
    with pytest.raises(StrategyFolderError) as raised:
        write_strategy(kielce, SHIPPED)
    polish = describe_error(raised.value, locale="pl")
    english = describe_error(raised.value, locale="en")
    names = [str(SHIPPED), str(SHIPPED.parents[2])]
    assert "zainstalowanym pakiecie citystrategy" in polish
    assert english_words(polish, names=names) == []
    assert polish_words(english, names=names) == []
    assert identifiers(polish, names=names) == identifiers(english, names=names) == []
