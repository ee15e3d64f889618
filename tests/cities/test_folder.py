"""Tests of a city's own data folder: open_city's rule, FolderAdapter and init_folder."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from citystrategy import check
from citystrategy.cities import (
    CITIES,
    SKELETON_FILES,
    FolderAdapter,
    init_folder,
    is_folder_path,
    open_city,
)
from citystrategy.errors import (
    CityStrategyError,
    DataFileError,
    ModelError,
    StrategyFolderError,
    UnknownCityError,
)
from citystrategy.io.strategy_files import FILES, read_strategy
from citystrategy.model import TerritoryKind
from citystrategy.validation import Severity
from tests.language import english_words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kielce", False),
        ("moje-miasto", False),
        ("./moje-miasto", True),
        ("dane/moje-miasto", True),
        ("/srv/dane", True),
        (".", True),
        ("..", True),
    ],
    ids=["slug", "bare-name", "dot-slash", "relative", "absolute", "dot", "dot-dot"],
)
def test_is_folder_path(text: str, expected: bool) -> None:
    """A text with a path separator, or . or .., is written as a path."""
    assert is_folder_path(text) is expected


def test_open_city_slug_in_any_case() -> None:
    """A registered slug gives the registered adapter, in any case."""
    assert open_city("kielce") is CITIES["kielce"]
    assert open_city("KIELCE") is CITIES["kielce"]


def test_open_city_folder(kielce_dir: Path) -> None:
    """A folder path gives a FolderAdapter with the name and TERYT of its strategy.toml."""
    city = open_city(str(kielce_dir))
    assert isinstance(city, FolderAdapter)
    assert (city.name, city.teryt) == ("Kielce", "2661011")
    assert city.load().title == "Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City"
    assert len(city.load().indicators) == 112


def test_open_city_path_object(kielce_dir: Path) -> None:
    """A Path object is always a folder."""
    assert isinstance(open_city(kielce_dir), FolderAdapter)


def test_open_city_registered_slug_wins_over_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare registered slug means the registered city even beside a folder of that name."""
    monkeypatch.chdir(tmp_path)
    init_folder("kielce", name="Przykładowo")
    assert open_city("kielce") is CITIES["kielce"]
    assert open_city("./kielce").name == "Przykładowo"


def test_open_city_bare_folder_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare name that is no slug but an existing folder is that folder."""
    monkeypatch.chdir(tmp_path)
    init_folder("moje-miasto", name="Przykładowo")
    city = open_city("moje-miasto")
    assert city.name == "Przykładowo"
    assert city.slug == "./moje-miasto"


def test_open_city_unknown_bare_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare name that is neither is an unknown city, also a KeyError."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnknownCityError) as caught:
        open_city("atlantyda")
    assert isinstance(caught.value, KeyError)
    assert caught.value.known == ("kielce",)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda root: root / "nie-ma", "no such folder"),
        (lambda root: root / "plik.txt", "is a file, not a folder"),
        (lambda root: root / "pusty", "lacks " + ", ".join(FILES)),
    ],
    ids=["missing", "file", "empty"],
)
def test_folder_errors(make: Callable[[Path], Path], words: str, tmp_path: Path) -> None:
    """A missing path, a file and an empty folder are refused with a StrategyFolderError."""
    (tmp_path / "plik.txt").write_text("x", encoding="utf-8")
    (tmp_path / "pusty").mkdir()
    path = make(tmp_path)
    with pytest.raises(StrategyFolderError) as caught:
        open_city(path)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, CityStrategyError)
    assert error.path == str(path)
    assert str(error) == f"strategy data folder {str(path)!r}: {error.problem}"
    assert words in str(error)


def test_folder_lacking_some_files_names_them(kielce_dir: Path) -> None:
    """Each missing file is named, the present ones are not."""
    (kielce_dir / "goal_links.tsv").unlink()
    (kielce_dir / "completed.toml").unlink()
    with pytest.raises(StrategyFolderError) as caught:
        FolderAdapter.open(kielce_dir)
    assert str(caught.value.problem).startswith("lacks goal_links.tsv, completed.toml (")


def test_folder_with_a_malformed_file(kielce_dir: Path) -> None:
    """A malformed file is the reader's DataFileError, naming the file."""
    (kielce_dir / "projects.tsv").write_text("code\tname\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        open_city(kielce_dir)
    assert caught.value.path.endswith("projects.tsv")


def test_strategy_folder_error_pickles() -> None:
    """The error survives pickling with its attributes and text."""
    error = StrategyFolderError("./x", "no such folder")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.problem, str(copy)) == (
        "./x",
        "no such folder",
        "strategy data folder './x': no such folder",
    )


@pytest.mark.parametrize(
    ("path", "slug"),
    [
        ("moje-miasto", "./moje-miasto"),
        ("./moje-miasto", "./moje-miasto"),
        ("dane/moje-miasto", "dane/moje-miasto"),
    ],
    ids=["bare", "dot-slash", "relative"],
)
def test_folder_slug_is_never_a_bare_name(
    path: str, slug: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder's slug is written as a path, so that it never reads as a registered city."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dane").mkdir()
    init_folder(path)
    assert FolderAdapter.open(path).slug == slug


# --- init_folder -----------------------------------------------------------------------------


def test_init_folder_writes_a_valid_strategy(tmp_path: Path) -> None:
    """The skeleton has one goal with two operational goals, 5 indicators, 3 projects, 1 done."""
    folder = init_folder(tmp_path / "m")
    assert sorted(p.name for p in folder.iterdir()) == sorted(SKELETON_FILES)
    strategy = read_strategy(folder)
    assert [g.code for g in strategy.strategic_goals] == ["1"]
    assert [g.code for g in strategy.operational_goals] == ["1.1", "1.2"]
    assert len(strategy.indicators) == 5
    assert [p.code for p in strategy.projects if p.completed_in == 2024] == ["MIA-P-01"]
    assert [r.year for r in strategy.reports] == [2024]
    report = check(strategy)
    assert [f for f in report if f.severity is Severity.ERROR] == []


#: What a README names as it is in any language: the command, codes, formats.
_NAMES = ("citystrategy", "TERC", "TERYT", "GUS", "BDL", "TSV", "UTF-8", "CSV", "ZMP")


def _prose(text: str) -> str:
    """*text* without what a reader types as it is: code blocks, `code`, file names, keys."""
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    text = re.sub(r"^ {4}.*$", " ", text, flags=re.MULTILINE)
    text = re.sub(r"`[^`]*`|\[\[?[\w.]+\]\]?", " ", text)  # code, and TOML's [[project]]
    return re.sub(r"\b[\w.-]+\.(tsv|toml|md)\b|\b\w+_\w+\b", " ", text)


def test_init_folder_speaks_the_reader_s_language(tmp_path: Path) -> None:
    """The README and strategy.toml's comments are Polish by default and English on request;
    the data, and so the strategy read, are the same."""
    polish = init_folder(tmp_path / "pl")
    english = init_folder(tmp_path / "en", locale="en_GB")
    readme = (polish / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Folder danych strategii\n")
    assert (
        (english / "README.md").read_text(encoding="utf-8").startswith("# Strategy data folder\n")
    )
    comments = [
        line.partition("#")[2]
        for name in ("strategy.toml", "completed.toml")
        for line in (polish / name).read_text(encoding="utf-8").splitlines()
        if "#" in line
    ]
    assert english_words(_prose(" ".join(comments)), names=_NAMES) == []
    assert english_words(_prose(readme), names=_NAMES) == []
    assert read_strategy(polish) == read_strategy(english)
    for name in SKELETON_FILES:
        if name not in ("README.md", "strategy.toml", "completed.toml"):
            assert (polish / name).read_bytes() == (english / name).read_bytes()


def test_init_folder_indicators_of_different_kinds(tmp_path: Path) -> None:
    """The skeleton's indicators: a percent share, µg/m³ with a '<40' bound, MWh, a count, PLN/inh."""
    strategy = read_strategy(init_folder(tmp_path / "m"))
    units = [str(i.unit) for i in strategy.indicators]
    assert units == [
        "percent",
        "microgram / meter ** 3",
        "megawatt_hour",
        "count",
        "PLN / inhabitant",
    ]
    bound = strategy.indicator("MIA-1.1-01").target
    assert bound is not None
    assert (bound.raw, bound.limit, bound.kind.value) == ("<40", True, "at_most")


def test_init_folder_territory(tmp_path: Path) -> None:
    """name, teryt and kind are written into strategy.toml, quotes escaped."""
    folder = init_folder(
        tmp_path / "m",
        name='Miasto "Nowe"',
        teryt="2661011",
        kind=TerritoryKind.CITY_WITH_POWIAT_RIGHTS,
    )
    territory = read_strategy(folder).territory
    assert (territory.name, territory.teryt, territory.kind) == (
        'Miasto "Nowe"',
        "2661011",
        TerritoryKind.CITY_WITH_POWIAT_RIGHTS,
    )


def test_init_folder_without_teryt_leaves_a_comment(tmp_path: Path) -> None:
    """Without a code the territory has none, and strategy.toml shows where one goes."""
    folder = init_folder(tmp_path / "m")
    assert read_strategy(folder).territory.teryt is None
    assert '# territory_teryt = "0000000"' in (folder / "strategy.toml").read_text("utf-8")


@pytest.mark.parametrize(
    ("teryt", "kind"),
    [
        ("12345", TerritoryKind.GMINA),
        ("26610x1", TerritoryKind.GMINA),
        ("2661", TerritoryKind.GMINA),
        ("26", TerritoryKind.CITY_WITH_POWIAT_RIGHTS),
    ],
    ids=["five-digits", "letter", "powiat-code-for-gmina", "voivodeship-code-for-city"],
)
def test_init_folder_refuses_a_bad_teryt(teryt: str, kind: TerritoryKind, tmp_path: Path) -> None:
    """A code that is not a TERYT code of that kind is a ModelError, and nothing is written."""
    with pytest.raises(ModelError) as caught:
        init_folder(tmp_path / "m", teryt=teryt, kind=kind)
    assert repr(teryt) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_init_folder_accepts_a_powiat_code(tmp_path: Path) -> None:
    """A powiat has a 4-digit code."""
    folder = init_folder(
        tmp_path / "p", name="Powiat kielecki", teryt="2604", kind=TerritoryKind.POWIAT
    )
    assert read_strategy(folder).territory.teryt == "2604"


def test_init_folder_never_overwrites(tmp_path: Path) -> None:
    """A non-empty folder and a file are refused, untouched."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "f").write_text("mine", encoding="utf-8")
    for path, words in ((tmp_path / "m", "not empty"), (tmp_path / "f", "is a file")):
        with pytest.raises(StrategyFolderError, match=words):
            init_folder(path)
    assert [p.name for p in (tmp_path / "m").iterdir()] == ["notes.txt"]
    assert (tmp_path / "f").read_text(encoding="utf-8") == "mine"


def test_init_folder_needs_its_parent(tmp_path: Path) -> None:
    """The parent folder is not created: a typo in it must not make folders."""
    with pytest.raises(StrategyFolderError, match="is missing"):
        init_folder(tmp_path / "a" / "b")
    assert list(tmp_path.iterdir()) == []


def test_init_folder_failing_check_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the written folder did not load, it is removed, temporary folder included."""
    error = DataFileError("strategy.toml", ["line 1: broken"])

    def refuse(folder: object) -> None:
        """Refuse every folder."""
        raise error

    monkeypatch.setattr("citystrategy.io.strategy_files.read_strategy", refuse)  # as imported
    with pytest.raises(DataFileError):
        init_folder(tmp_path / "m")
    assert list(tmp_path.iterdir()) == []
