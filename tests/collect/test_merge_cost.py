"""A completed project's reported cost: merged beside its catalogue cost, never over it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from citystrategy.cli import main
from citystrategy.collect import MergeResult, log_frame, merge_forms, write_forms, write_merge
from citystrategy.costs import catalogue_total, completed_by_goal, goal_costs
from citystrategy.errors import ModelError
from citystrategy.io import write_strategy
from citystrategy.io.strategy_files import read_strategy
from citystrategy.model import Strategy
from citystrategy.money import Money
from citystrategy.reports.document import Table
from citystrategy.reports.tables import completed_projects_table, projects_section
from citystrategy.validation import Finding, FindingKind, check
from tests.collect.helpers import fill, row_of
from tests.collect.test_merge import PRJ, SHIPPED, copy, fill_all
from tests.language import english_words, identifiers, polish_words

#: What the units report as spent, typed as a person types it: text with a decimal comma, and
#: a number in the cell.
P03 = Money(Decimal("5200000.00"), "PLN")
P18 = Money(Decimal("300000.5"), "PLN")
#: The catalogue costs of goal tables 1 and 2 (kielce-raport-roczny-2023.txt, goal_links.tsv).
P03_CATALOGUE = Money(Decimal("5156229.23"), "PLN")
P18_CATALOGUE = Money(Decimal("317233.23"), "PLN")


@pytest.fixture(scope="module")
def forms(kielce: Strategy, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Kielce's four 2024 forms, filled: two projects completed, each with the cost spent."""
    folder = tmp_path_factory.mktemp("cost-forms")
    sent = write_forms(kielce, 2024, tmp_path_factory.mktemp("cost-sent"))
    filled = [copy(path, folder) for path in sent]
    for form in filled:
        fill_all(form)
    goal_1, goal_2 = filled[:2]
    row = row_of(goal_1, PRJ, "KIE-P-03")
    fill(goal_1, {(PRJ, f"E{row}"): "tak", (PRJ, f"F{row}"): "5 200 000,00 zł"})
    row = row_of(goal_2, PRJ, "KIE-P-18")
    work = "Usunięto azbest z 40 budynków."
    fill(goal_2, {(PRJ, f"E{row}"): "tak", (PRJ, f"F{row}"): 300000.5, (PRJ, f"G{row}"): work})
    return filled


@pytest.fixture(scope="module")
def merged(kielce: Strategy, forms: list[Path]) -> MergeResult:
    """The filled forms merged into Kielce's data."""
    result = merge_forms(kielce, 2024, forms)
    assert result.ok, result.errors
    return result


@pytest.fixture(scope="module")
def folder(merged: MergeResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The merged data folder, written in the shipped folder's layout."""
    written, _ = write_merge(
        merged, tmp_path_factory.mktemp("cost-merged") / "kielce-2024", like=SHIPPED
    )
    return written


def test_the_form_cost_is_the_reported_cost(merged: MergeResult, kielce: Strategy) -> None:
    """The cost typed in the form is the project's reported cost; its catalogue cost stays."""
    strategy = merged.strategy
    assert strategy.project("KIE-P-03").reported_cost == P03
    assert strategy.project("KIE-P-18").reported_cost == P18
    assert strategy.project("KIE-P-03").cost == P03_CATALOGUE
    assert strategy.project("KIE-P-18").cost == P18_CATALOGUE
    for project in strategy.projects:
        before = kielce.project(project.code)
        assert (project.cost, project.links) == (before.cost, before.links), project.code
    assert kielce.project("KIE-P-03").reported_cost is None  # the input is left as it was


def test_the_log_says_the_cost_given(merged: MergeResult, forms: list[Path]) -> None:
    """The log gives the reported cost at the form's cost cell, in its currency."""
    entries = {e.code: e for e in merged.log if e.kind == "project"}
    assert set(entries) == {"KIE-P-03", "KIE-P-18"}
    p03, p18 = entries["KIE-P-03"], entries["KIE-P-18"]
    assert (p03.value, p03.currency, p03.file, p03.cell) == (
        Decimal("5200000.00"),
        "PLN",
        str(forms[0]),
        f"F{row_of(forms[0], PRJ, 'KIE-P-03')}",
    )
    assert (p18.value, p18.currency, p18.file) == (Decimal("300000.5"), "PLN", str(forms[1]))
    frame = log_frame(merged).set_index("code")
    assert frame.loc["KIE-P-03", "value"] == Decimal("5200000.00")


def test_the_written_folder_keeps_the_reported_cost(folder: Path, merged: MergeResult) -> None:
    """reports/2024.toml gives each cost as money text to the grosz (300 000,50 zł for the
    number 300000.5 typed); the folder reads back with them."""
    text = (folder / "reports" / "2024.toml").read_text("utf-8")
    assert 'code = "KIE-P-03"\ncost = "5 200 000,00 zł"\n' in text
    assert 'code = "KIE-P-18"\ncost = "300 000,50 zł"\ndescription = "Usunięto azbest' in text
    found = read_strategy(folder)
    assert found.project("KIE-P-03").reported_cost == P03
    assert found.project("KIE-P-18").reported_cost == P18
    assert found.projects == merged.strategy.projects


def test_the_catalogue_files_are_the_shipped_ones(folder: Path) -> None:
    """goal_links.tsv (the catalogue costs) and the 2023 list are byte for byte the shipped ones."""
    for name in ("goal_links.tsv", "completed.toml"):
        assert (folder / name).read_bytes() == (SHIPPED / name).read_bytes(), name


def test_the_2023_costs_are_unchanged(folder: Path, kielce: Strategy) -> None:
    """The catalogue total, the costs per goal and the 2023 completed projects are as shipped."""
    found = read_strategy(folder)
    assert catalogue_total(found) == catalogue_total(kielce) == Money(Decimal("725252582.21"))
    assert goal_costs(found).equals(goal_costs(kielce))
    assert completed_by_goal(found, 2023) == completed_by_goal(kielce, 2023)


@pytest.mark.parametrize("locale", ["pl", "en"])
def test_the_2023_summary_is_the_shipped_one(
    folder: Path, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`summary --year 2023` of the merged folder says what the shipped data says, to the grosz."""
    outputs = []
    for data in ("kielce", str(folder)):
        assert main(["--locale", locale, "summary", data, "--year", "2023"]) == 0
        outputs.append(
            capsys.readouterr()
            .out.replace(str(folder), "<data>")
            .replace("check kielce", "check <data>")
        )
    shipped, found = outputs
    assert found == shipped
    total = (  # the shipped catalogue's total, as the issue quotes it
        "koszt łączny 725\xa0252\xa0582,21\xa0zł"
        if locale == "pl"
        else "total cost PLN\xa0725,252,582.21"
    )
    assert total in found
    for form in ("json", "csv"):
        texts = []
        for data in ("kielce", str(folder)):
            args = ["--locale", locale, "summary", data, "--year", "2023", "--format", form]
            assert main(args) == 0
            texts.append(
                capsys.readouterr()
                .out.replace(str(folder), "<data>")
                .replace("check kielce", "check <data>")
            )
        assert texts[0] == texts[1], form


def test_check_compares_the_catalogue_costs(folder: Path, kielce: Strategy) -> None:
    """The declared-figure rule finds on the merged data exactly what it finds on the shipped."""
    kinds = {FindingKind.DECLARED_FIGURE_MISMATCH, FindingKind.DECLARED_FIGURE_UNVERIFIABLE}
    found = read_strategy(folder)

    def declared(strategy: Strategy, year: int) -> list[Finding]:
        return [f for f in check(strategy, year=year).findings if f.kind in kinds]

    assert declared(found, 2023) == declared(kielce, 2023)
    mismatches = [
        f for f in declared(kielce, 2023) if f.kind is FindingKind.DECLARED_FIGURE_MISMATCH
    ]
    assert len(mismatches) == 6  # summary: "Rozbieżności z raportem: 6"
    assert declared(found, 2024) == []  # the 2024 report declares nothing yet


def _completed(section_blocks: tuple[object, ...]) -> Table:
    return next(
        b for b in section_blocks if isinstance(b, Table) and b.name == "completed_projects"
    )


def test_the_table_has_both_costs(merged: MergeResult) -> None:
    """completed_projects_table gives the catalogue cost and the reported cost side by side."""
    table = completed_projects_table(merged.strategy, 2024).set_index("project")
    assert table.loc["KIE-P-03", "cost"] == P03_CATALOGUE.amount
    assert table.loc["KIE-P-03", "reported_cost"] == P03.amount
    assert table.loc["KIE-P-03", "reported_currency"] == "PLN"
    assert table.loc["KIE-P-03", "reported_cost_missing"] is None
    assert table.loc["KIE-P-18", "reported_cost"] == P18.amount


def test_a_year_without_reported_costs_shows_none(kielce: Strategy) -> None:
    """The shipped 2023 list gives no cost: the column is all missing and the report omits it."""
    table = completed_projects_table(kielce, 2023)
    assert table["reported_cost"].isna().all()
    assert set(table["reported_cost_missing"]) == {"not_stated"}
    shown = _completed(projects_section(kielce, 2023, locale="en_GB").blocks)
    assert [c.key for c in shown.columns if "cost" in c.key] == ["cost"]
    assert not shown.note


@pytest.mark.parametrize(
    ("locale", "title", "check_words"),
    [("pl_PL", "Koszt poniesiony", english_words), ("en_GB", "Cost incurred", polish_words)],
)
def test_the_report_shows_the_cost_incurred(
    merged: MergeResult, locale: str, title: str, check_words: Callable[[str], list[str]]
) -> None:
    """Section 2's list of completed projects has the reported cost beside the catalogue cost."""
    shown = _completed(projects_section(merged.strategy, 2024, locale=locale).blocks)
    columns = {c.key: c for c in shown.columns}
    assert columns["reported_cost"].title == title
    assert columns["reported_cost"].currency == "PLN"
    assert "cost" in columns  # the catalogue's cost, where it was
    assert shown.note is not None
    assert "2024" in shown.note
    assert check_words(shown.note) == []
    assert identifiers(shown.note) == []
    assert shown.frame.set_index("project").loc["KIE-P-03", "reported_cost"] == P03.amount


@pytest.mark.parametrize(
    ("locale", "header", "costs"),
    [
        (
            "pl",
            "| Realizator | Koszt | Koszt poniesiony |",
            "| 5 156 229,23 zł | 5 200 000,00 zł |",
        ),
        ("en", "| Implementer | Cost | Cost incurred |", "| PLN 5,156,229.23 | PLN 5,200,000.00 |"),
    ],
)
def test_the_report_file_shows_both_costs(
    folder: Path,
    locale: str,
    header: str,
    costs: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`report --year 2024` of the merged folder lists the catalogue cost, then the cost incurred."""
    out = tmp_path / "raport.md"
    args = ["--locale", locale, "report", str(folder), "--year", "2024", "-o", str(out)]
    assert main(args) == 0
    capsys.readouterr()
    lines = out.read_text("utf-8").replace("\xa0", " ").splitlines()
    at = next(n for n, line in enumerate(lines) if line.endswith(header))
    rows = {line.split(" | ")[1]: line for line in lines[at + 2 : at + 4]}
    assert rows["Zawodowy bumerang"].endswith(costs)  # KIE-P-03
    assert rows[
        "Program usuwania i unieszkodliwiania azbestu i wyrobów zawierających azbest dla gminy Kielce"
    ].endswith("300 000,50 zł |" if locale == "pl" else "PLN 300,000.50 |")


def test_bad_cost_text_is_refused_with_its_place(
    kielce_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cost hand-edited into completed.toml that is not money is refused at its key, both languages."""
    path = kielce_dir / "completed.toml"
    text = path.read_text("utf-8")
    text = text.replace('code = "KIE-P-01"\n', 'code = "KIE-P-01"\ncost = "1,234 zł"\n', 1)
    text = text.replace('code = "KIE-P-35"\n', 'code = "KIE-P-35"\ncost = 12\n', 1)
    path.write_text(text, "utf-8")
    assert main(["--locale", "en", "summary", str(kielce_dir), "--year", "2023"]) != 0
    english = capsys.readouterr().err
    assert f"{path}: 2 problems" in english
    assert (
        "project[1].cost: expected an amount written as text, e.g. '1 234,56 zł', found a whole number 12"
        in english
    )
    assert (
        "project[2].cost: cannot parse cost '1,234 zł': three decimals look like a misplaced thousands separator"
        in english
    )
    assert polish_words(english, names=["1 234,56 zł", "1,234 zł", "1 234 zł"]) == []
    assert main(["summary", str(kielce_dir), "--year", "2023"]) != 0
    polish = capsys.readouterr().err
    assert f"{path}: 2 problemy" in polish
    assert "project[1].cost: oczekiwano kwoty zapisanej jako tekst" in polish
    assert "project[2].cost: nie można odczytać „1,234 zł” w polu „koszt”" in polish
    assert english_words(polish, names=[str(path), "project[1].cost", "project[2].cost"]) == []


#: The listed name of KIE-P-01 in completed.toml, which its cost follows.
LISTED = (
    'listed_as = "Aktywizacja osób młodych pozostających bez pracy w gminie Miasto Kielce (VII)"\n'
)


def test_a_reported_cost_round_trips(kielce: Strategy, tmp_path: Path) -> None:
    """Kielce with a 2023 reported cost reads back equal; only its line is added to completed.toml."""
    projects = [
        attrs.evolve(p, reported_cost=Money(Decimal("480000.15"))) if p.code == "KIE-P-01" else p
        for p in kielce.projects
    ]
    strategy = attrs.evolve(kielce, projects=projects)
    written = Path(write_strategy(strategy, tmp_path / "kielce", like=SHIPPED))
    assert read_strategy(written) == strategy
    shipped = (SHIPPED / "completed.toml").read_text("utf-8")
    expected = shipped.replace(LISTED, LISTED + 'cost = "480 000,15 zł"\n', 1)
    assert (written / "completed.toml").read_text("utf-8") == expected
    for name in ("goal_links.tsv", "projects.tsv", "strategy.toml"):
        assert (written / name).read_bytes() == (SHIPPED / name).read_bytes(), name
    canonical = Path(write_strategy(strategy, tmp_path / "canonical"))
    assert read_strategy(canonical) == strategy
    shutil.rmtree(canonical)


def test_a_reported_cost_alone_puts_a_project_on_its_list(kielce: Strategy, tmp_path: Path) -> None:
    """A 2023 project with a reported cost but no number is written as the list's next item."""
    cost = Money(Decimal("1000.00"))
    projects = [
        attrs.evolve(p, completed_in=2023, reported_cost=cost) if p.code == "KIE-P-03" else p
        for p in kielce.projects
    ]
    written = Path(write_strategy(attrs.evolve(kielce, projects=projects), tmp_path / "one"))
    found = read_strategy(written).project("KIE-P-03")
    numbers = [p.list_number for p in kielce.projects if p.list_number is not None]
    assert (found.list_number, found.reported_cost) == (max(numbers) + 1, cost)
    assert 'code = "KIE-P-03"\ncost = "1 000,00 zł"\n' in (written / "completed.toml").read_text()


def test_a_reported_cost_needs_a_year_of_completion(kielce: Strategy, tmp_path: Path) -> None:
    """A reported cost on a project not completed is refused before anything is written."""
    projects = [
        attrs.evolve(p, reported_cost=Money(Decimal("1000.00"))) if p.code == "KIE-P-03" else p
        for p in kielce.projects
    ]
    with pytest.raises(ModelError, match="'KIE-P-03' is on a report's list of completed"):
        write_strategy(attrs.evolve(kielce, projects=projects), tmp_path / "one")
    assert not (tmp_path / "one").exists()
