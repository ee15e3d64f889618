"""The ``citystrategy`` command.

Thin: it parses the arguments, calls the library and prints. User errors (an unknown city, a
year without data, a malformed data file) go to stderr as one line with exit code 2, never as a
traceback; so does output that cannot be written (a full disk). A reader that stops early
(``citystrategy check kielce | head -1``) ends the command quietly.

Commands (CITY is a registered slug such as ``kielce``, or the path of a strategy data folder
such as ``./moje-miasto``; see :func:`citystrategy.cities.open_city` for how they are told apart)::

    citystrategy --version
    citystrategy init ./moje-miasto [--name NAME] [--teryt CODE] [--kind gmina|...]
    citystrategy summary CITY --year 2023                         [--format text|json|csv]
    citystrategy report CITY --year 2023 -o raport.xlsx|.md|.html|.pdf|.docx [--force]
    citystrategy report CITY --year 2023 --site FOLDER [--force]
    citystrategy check CITY [--year 2023]                         [--format text|json|csv]
    citystrategy assess CITY --year 2023 [--method ratio|projection] [--window N]
                                         [--min-coverage PERCENT] [--format text|json|csv]
    citystrategy programs list [--catalogue zmp] [--theme T] [--year Y] [--format text|json|csv]
    citystrategy programs show CODE [--catalogue zmp]
    citystrategy programs city NAME_OR_TERYT [--catalogue zmp]
                     (each programs command also takes -o FILE.xlsx|FILE.md [--force])
    citystrategy cities                                           [--format text|json|csv]
    citystrategy territories [search TEXT]                        [--format text|json|csv]
    citystrategy bdl search TEXT                                  [--format text|json]
    citystrategy bdl fetch VARIABLE --level powiat|gmina|voivodeship --years 2021-2023
                         -o FILE.csv [--parent ID] [--force] [--offline] [--cache-dir DIR]
                         [--base-url URL]
    citystrategy compare CITY --indicators A,B --year 2023 [--peers SPEC] [--base-year Y]
                              [--data FILE.csv] [--direction A=higher|lower]
                              [-o FILE.xlsx|FILE.md [--force]] [--format text|json|csv]

Every command takes ``--format`` (``text``, the default; ``json``; ``csv`` where the output is
a table: ``;`` and a decimal comma in Polish, RFC 4180 in English; see
:mod:`citystrategy.reports.csv`) and ``--locale`` (``pl``, the default, or ``en``; ``pl_PL``,
``pl-PL``, ``en_GB`` and ``en-GB`` name the same two, in any case), which may also come before
the command; it chooses the language of the help and of the errors too.

Start-up is kept short: this module imports only the standard library, and each command imports
the parts of citystrategy (and so pandas, NumPy and pint) that it needs when it runs, so that
``--help`` and ``--version`` never load them.
"""

from __future__ import annotations

import argparse
import copy
import functools
import io
import json
import os
import shlex
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

if TYPE_CHECKING:
    from _typeshed import SupportsWrite
    from babel import Locale

    from citystrategy.model import Program, ProgramLink, Strategy
    from citystrategy.validation import ValidationReport

__all__ = ["main"]

#: Exit codes.
EXIT_OK = 0
EXIT_FINDINGS = 1  #: ``check`` found errors in the data
EXIT_USAGE = 2  #: bad arguments, unreadable data, or output that cannot be written

#: The locales of the command, by language: the canonical name each one is given.
_LOCALES: Final = {"pl": "pl_PL", "en": "en_GB"}
_DEFAULT_LOCALE: Final = "pl_PL"

#: The values of :class:`citystrategy.model.TerritoryKind`, written out so that the parser does
#: not import the model (a test keeps the two equal).
_TERRITORY_KINDS: Final = (
    "country",
    "voivodeship",
    "powiat",
    "gmina",
    "city_with_powiat_rights",
    "district",
    "functional_area",
    "foreign",
)


# --- words ---------------------------------------------------------------------------------------


def _text(message: str, locale: str) -> str:
    """*message*, which is English, as the user reads it in *locale*.

    Every word the command itself shows (help, messages, errors) passes through here (or
    through the parser's ``_t``), and here the message catalogues apply
    (:func:`citystrategy._i18n.gettext`). Both names are babel extraction keywords
    (``_i18n.KEYWORDS``), so a message written as ``_text("...", locale)`` with placeholders by
    name (``{year}``, filled with ``.format`` after the translation) is in the catalogue.
    argparse's own words (``usage:``, ``positional arguments``, ``options``, its parse errors)
    come from the same catalogue (:mod:`citystrategy._parser_words`).
    """
    from citystrategy import _i18n  # babel: imported when words are needed, not before

    return _i18n.gettext(message, locale)


def _os_reason(error: OSError, locale: str) -> str:
    """Why *error* happened, in *locale* (:func:`citystrategy._system.os_reason`: the catalogue's
    words, never the C library's English)."""
    from citystrategy._system import CatalogueWords, os_reason

    return os_reason(error).render(CatalogueWords(locale))


def _os_error(error: OSError, locale: str) -> str:
    """*error* as one line in *locale*: the reason and the file it concerns."""
    reason = _os_reason(error, locale)
    if error.filename is None:
        return reason
    folder = os.path.dirname(os.fsdecode(error.filename))
    if isinstance(error, FileNotFoundError) and folder and not os.path.isdir(folder):
        message = _text("there is no folder {folder!r} for the file {file!r}", locale)
        return message.format(folder=folder, file=os.path.basename(os.fsdecode(error.filename)))
    message = _text("{reason}: {file!r}", locale)
    return message.format(reason=reason, file=os.fsdecode(error.filename))


#: The library's parameters that a command's options give, by the name the user typed.
_OPTIONS: Final = {
    "year": "--year",
    "base_year": "--base-year",
    "columns": "--columns",
    "spec": "--peers",
    "voivodeship": "--peers",
    "years": "--years",
    "window": "--window",
    "min_coverage": "--min-coverage",
    "base_url": "--base-url",
    "teryt": "--teryt",
}


def _describe_error(error: BaseException, locale: str) -> str:
    """The text of a user error, as the user reads it in *locale* (the one place errors pass)."""
    from citystrategy.errors import CityStrategyError, OutputExistsError

    if isinstance(error, OutputExistsError):  # the command's own option, not the library's
        message = _text("{path} exists already and was left as it is; add --force to replace it", locale)  # fmt: skip
        return message.format(path=error.path)
    if isinstance(error, CityStrategyError):
        from citystrategy.errors import _BadArgument
        from citystrategy.reports.errors import describe_error

        option = _OPTIONS.get(getattr(error, "argument", ""))
        if isinstance(error, _BadArgument) and option is not None:
            error = copy.copy(error)  # named as the user typed it: --base-year, not base_year
            error.argument = option
        return describe_error(error, locale=locale)
    if isinstance(error, OSError):
        return _os_error(error, locale)
    return str(error)


def _supported_locales() -> str:
    return ", ".join(name for language, full in _LOCALES.items() for name in (language, full))


def _parse_locale(text: str) -> str:
    """The canonical name (``pl_PL`` or ``en_GB``) of the locale *text* names.

    ``pl``, ``pl_PL``, ``pl-PL``, ``en``, ``en_GB`` and ``en-GB`` are accepted in any case.

    Raises:
        argparse.ArgumentTypeError: For any other locale, with the supported ones listed.

    >>> _parse_locale("PL-pl"), _parse_locale("en")
    ('pl_PL', 'en_GB')
    """
    language, _, territory = text.strip().replace("-", "_").partition("_")
    canonical = _LOCALES.get(language.lower())
    if canonical is not None and territory.upper() in ("", canonical.partition("_")[2]):
        return canonical
    # in the language *text* names if the command has it (en_US: English), else in Polish
    words = _LOCALES.get(language.lower(), _DEFAULT_LOCALE)
    msg = _text("unsupported locale {locale!r}; supported: {supported}", words)
    raise argparse.ArgumentTypeError(msg.format(locale=text, supported=_supported_locales()))


def _requested_locale(argv: Sequence[str]) -> str:
    """The locale ``--locale`` asks for in *argv*, for the help and the errors of parsing."""
    locale = _DEFAULT_LOCALE
    for n, arg in enumerate(argv):
        option, equals, value = arg.partition("=")
        if len(option) < 3 or not "--locale".startswith(option):  # argparse takes --loc too
            continue
        if not equals:
            if n + 1 == len(argv):
                break
            value = argv[n + 1]
        try:
            locale = _parse_locale(value)  # the last one counts, as it does for argparse
        except argparse.ArgumentTypeError:  # the parser reports it, in the language named
            language = value.strip().replace("-", "_").partition("_")[0].lower()
            locale = _LOCALES.get(language, locale)
            break
    return locale


# --- the parser ----------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """A parser whose usage errors read like every other error of the command."""

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        """Print the help; unlike argparse's, a failure to write it is not ignored."""
        (sys.stdout if file is None else file).write(self.format_help())

    def error(self, message: str) -> NoReturn:
        """Print the usage and ``citystrategy: error: MESSAGE``, and exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _error_line(message, self.locale) + "\n")

    #: The language of the usage errors (set by :func:`_parser`).
    locale: str = _DEFAULT_LOCALE


class _Version(argparse.Action):
    """``--version``: the version of the installed package, read when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        from importlib.metadata import version

        sys.stdout.write(f"citystrategy {version('citystrategy')}\n")
        parser.exit()


class _Unbuilt:
    """The arguments of a command that does not run: whatever is added to it is dropped.

    :func:`_parser` registers every command (its name and help, all the main help and a
    usage error show) but builds the arguments of the one *argv* names only, which saves
    start-up time; the help and the errors of parsing are the same.
    """

    def __getattr__(self, name: str) -> Callable[..., _Unbuilt]:
        return lambda *args, **kwargs: self


def _chosen_command(argv: Sequence[str]) -> str | None:
    """The command *argv* runs (its first positional argument), ``None`` if it names none.

    >>> _chosen_command(["--locale", "en", "assess", "kielce"]), _chosen_command(["--help"])
    ('assess', None)
    """
    arguments = iter(argv)
    for arg in arguments:
        if arg == "--":
            return next(arguments, None)
        if not arg.startswith("-"):
            return arg
        option = arg.partition("=")[0]
        if "=" not in arg and len(option) >= 3 and "--locale".startswith(option):
            next(arguments, None)  # its value
    return None


def _parser(
    locale: str = _DEFAULT_LOCALE, argv: Sequence[str] | None = None
) -> argparse.ArgumentParser:
    """The command's parser; with *argv*, only the command it names gets its arguments."""
    chosen = None if argv is None else _chosen_command(argv)

    def _t(message: str) -> str:
        return _text(message, locale)

    whole = _number(int, _t("expected a whole number such as 2023, found {text!r}"))
    decimal = _number(float, _t("expected a number such as 60 or 62.5, found {text!r}"))

    def new(parent: Any, name: str | None, **kwargs: Any) -> argparse.ArgumentParser:
        """A parser (a command's, if *parent* is given) with -h/--help worded in the locale."""
        if isinstance(parent, _Unbuilt):
            return parent  # type: ignore[return-value]
        if parent is None:
            parser: argparse.ArgumentParser = _Parser(add_help=False, **kwargs)
        else:
            parser = parent.add_parser(name, add_help=False, **kwargs)
            if chosen is not None and parent.dest == "command" and name != chosen:
                return _Unbuilt()  # type: ignore[return-value]
        parser.locale = locale  # type: ignore[attr-defined]
        parser.add_argument(
            "-h", "--help", action="help", help=_t("show this help message and exit")
        )
        return parser

    city_help = _t(
        "a registered city (e.g. kielce; see: citystrategy cities) or the path of a strategy "
        "data folder (e.g. ./moje-miasto; see: citystrategy init)"
    )

    def language(sub: argparse.ArgumentParser) -> None:
        """--locale, before the command or after it (no default here: main sets it)."""
        sub.add_argument(
            "--locale",
            type=_parse_locale,
            default=argparse.SUPPRESS,
            metavar=_t("LOCALE"),
            help=_t("language and number format: {locales} (default: pl_PL)").format(
                locales=_supported_locales()
            ),
        )

    def output(sub: argparse.ArgumentParser, formats: Sequence[str]) -> None:
        """--format with the formats of the command, and --locale."""
        if "csv" in formats:
            format_help = _t(
                "output format: {formats} (default: text); csv cells that a spreadsheet would "
                "read as a formula (starting with =, +, -, @) begin with an apostrophe"
            )
        else:
            format_help = _t("output format: {formats} (default: text)")
        sub.add_argument(
            "--format",
            choices=formats,
            default="text",
            help=format_help.format(formats=", ".join(formats)),
        )
        language(sub)

    def year(sub: argparse.ArgumentParser, *, required: bool) -> None:
        sub.add_argument(
            "--year",
            type=whole,
            required=required,
            metavar=_t("YEAR"),
            help=_t("reporting year, e.g. 2023")
            if required
            else _t("reporting year, e.g. 2023 (default: every report)"),
        )

    def to_file(sub: argparse.ArgumentParser, *, required: bool = False) -> None:
        """-o FILE (a report file: .xlsx, .md, .html, .pdf or .docx) and --force."""
        sub.add_argument(
            "-o",
            "--output",
            required=required,
            metavar=_t("FILE"),
            help=_t(
                "the file to write; its extension chooses the format: .xlsx, .md, .html, .pdf or"
                " .docx"
            ),
        )
        sub.add_argument("--force", action="store_true", help=_t("replace the file if it exists"))

    parser = new(
        None,
        None,
        prog="citystrategy",
        description=_t(
            "Monitoring of city development strategies (goals, indicators, projects, costs)."
        ),
    )
    parser.add_argument(
        "--version", action=_Version, help=_t("show the version of citystrategy and exit")
    )
    language(parser)
    commands = parser.add_subparsers(dest="command", required=True, metavar=_t("COMMAND"))

    summary = new(
        commands, "summary", help=_t("the strategy, its goals, indicators and cost table")
    )
    summary.add_argument("city", metavar=_t("CITY"), help=city_help)
    year(summary, required=True)
    output(summary, ("text", "json", "csv"))
    checker = new(commands, "check", help=_t("findings on the strategy's data"))
    checker.add_argument("city", metavar=_t("CITY"), help=city_help)
    year(checker, required=False)
    output(checker, ("text", "json", "csv"))
    assess = new(
        commands, "assess", help=_t("progress of every indicator and goal toward its target")
    )
    assess.add_argument("city", metavar=_t("CITY"), help=city_help)
    year(assess, required=True)
    assess.add_argument(
        "--method",
        choices=("ratio", "projection"),
        default="ratio",
        help=_t("how progress is scored: ratio or projection (default: ratio)"),
    )
    assess.add_argument(
        "--window",
        type=_number(int, _t("expected a whole number of years such as 3, found {text!r}")),
        metavar="N",
        help=_t("rolling window of N years (default: from the first year)"),
    )
    assess.add_argument(
        "--min-coverage",
        type=decimal,
        metavar=_t("PERCENT"),
        default=60.0,
        help=_t("percent of scored indicators a goal needs (default: 60)"),
    )
    output(assess, ("text", "json", "csv"))
    assess.add_argument("--columns", type=lambda text: text.split(","), metavar=_t("COLUMNS"), help=_t("the indicator table's columns, by key or title, e.g. code,name,target,status (default: all)"))  # fmt: skip
    report = new(
        commands,
        "report",
        help=_t(
            "the annual report as a file: an Excel workbook (.xlsx), Markdown (.md), a web page "
            "(.html), a PDF (.pdf) or a Word document (.docx)"
        ),
    )
    report.add_argument("city", metavar=_t("CITY"), help=city_help)
    year(report, required=True)
    to_file(report)
    report.add_argument(
        "--site",
        metavar=_t("FOLDER"),
        help=_t(
            "the folder to write the indicator site to (index, a page per goal and per "
            "indicator, CSV files)"
        ),
    )
    language(report)
    programs = new(commands, "programs", help=_t("programmes run with and for cities (ZMP …)"))
    actions = programs.add_subparsers(dest="action", required=True, metavar=_t("ACTION"))

    def catalogue(sub: argparse.ArgumentParser, formats: Sequence[str] = ("text", "json")) -> None:
        sub.add_argument(
            "--catalogue",
            default="zmp",
            metavar=_t("CATALOGUE"),
            help=_t("programme catalogue (default: zmp)"),
        )
        output(sub, formats)
        to_file(sub)

    listing = new(actions, "list", help=_t("the programmes of a catalogue"))
    listing.add_argument(
        "--theme", metavar=_t("THEME"), help=_t("only programmes with this theme (e.g. PPP)")
    )
    listing.add_argument(
        "--year", type=whole, metavar=_t("YEAR"), help=_t("only programmes running in this year")
    )
    catalogue(listing, ("text", "json", "csv"))
    show = new(actions, "show", help=_t("one programme, with its figures and rate checks"))
    show.add_argument("code", metavar=_t("CODE"), help=_t("programme code, e.g. ZMP-PPP"))
    catalogue(show)
    city = new(actions, "city", help=_t("everything a city took part in"))
    city.add_argument(
        "city",
        metavar=_t("CITY"),
        help=_t(
            "city name (any spelling: Gorzów Wlkp.), TERYT code or the path of a strategy folder"
        ),
    )
    catalogue(city)
    cities = new(commands, "cities", help=_t("list the cities shipped with citystrategy"))
    output(cities, ("text", "json", "csv"))
    territories = new(commands, "territories", help=_t("list or search the territory register"))
    territories.add_argument(
        "action",
        nargs="?",
        choices=("search",),
        metavar=_t("ACTION"),
        help=_t("search: the territories that TEXT names (default: all)"),
    )
    territories.add_argument("text", nargs="?", metavar=_t("TEXT"), help=_t("a name or TERYT code"))
    output(territories, ("text", "json", "csv"))
    _bdl_parser(commands, new, output, _t)
    _collect_parser(commands, new, output, _t, city_help)
    # --- compare: a city among its peers on the shipped panel or a user's long CSV
    comparison = new(commands, "compare", help=_t("a city among its peers on official statistics"))  # fmt: skip
    comparison.add_argument("focus", metavar=_t("CITY"), help=_t("city name (any spelling: Gorzów Wlkp.) or TERYT code"))  # fmt: skip
    comparison.add_argument("--peers", default="population-class", metavar=_t("PEERS"), help=_t("peer group: population:100000-250000, population-class (default), voivodeship:NAME, powiat-rights, zmp, list:NAME,NAME, benchmark, similar:K:INDICATOR,INDICATOR"))  # fmt: skip
    comparison.add_argument("--indicators", required=True, metavar=_t("INDICATORS"), type=lambda text: [i.strip() for i in text.split(",") if i.strip()], help=_t("indicators, comma-separated, e.g. unemployment_rate,population_density"))  # fmt: skip
    year(comparison, required=True)
    comparison.add_argument("--base-year", type=whole, metavar=_t("YEAR"), help=_t("start of the change's period (default: the data's first year)"))  # fmt: skip
    comparison.add_argument("--data", metavar=_t("FILE"), help=_t("a long CSV file (territory,indicator,unit,year,value[,flag,source]) instead of the shipped panel"))  # fmt: skip
    comparison.add_argument("--direction", action="append", default=[], metavar=_t("INDICATOR") + "=higher|lower", type=lambda text: _direction(text, _t), help=_t("which way is better for an indicator the panel does not know, e.g. 60270=lower (repeatable)"))  # fmt: skip
    output(comparison, ("text", "json", "csv"))
    to_file(comparison)
    init = new(
        commands,
        "init",
        help=_t("write a new strategy data folder to start from"),
        description=_t(
            "Write a small, valid, commented strategy data folder (one goal, a few "
            "indicators and projects) to replace with your own data; it never overwrites."
        ),
    )
    init.add_argument(
        "folder", metavar=_t("FOLDER"), help=_t("the folder to create, e.g. ./moje-miasto")
    )
    init.add_argument(
        "--name",
        default="Przykładowo",
        metavar=_t("NAME"),
        help=_t("the city's official name (default: Przykładowo)"),
    )
    init.add_argument(
        "--teryt", metavar="TERYT", help=_t("its TERYT (TERC) code, e.g. 2661011 (default: none)")
    )
    init.add_argument(
        "--kind",
        choices=_TERRITORY_KINDS,
        default="gmina",
        help=_t("what kind of territory it is (default: gmina)"),
    )
    output(init, ("text", "json"))
    return parser


# --- output --------------------------------------------------------------------------------------


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _write_csv(
    header: Sequence[str], rows: Iterable[Sequence[object]], out: TextIO, locale: Locale | str
) -> None:
    """The rows as safe CSV in *locale* (:func:`citystrategy.reports.csv.write_csv`)."""
    import pandas as pd

    from citystrategy.reports.csv import write_csv

    write_csv(pd.DataFrame(list(rows), columns=list(header), dtype=object), out, locale=locale)


def _width() -> int | None:
    """The terminal's width if the output goes to one (text wraps within it), else ``None``."""
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


# --- the commands --------------------------------------------------------------------------------


class _UsageError(Exception):
    """A user error found after argument parsing."""


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "output", None) and args.command not in ("bdl", "collect"):
        # a wrong extension or an existing file is said before any work
        from citystrategy.reports.writers import check_target

        check_target(args.output, force=args.force)
    if args.command == "cities":
        return _cities(args, out)
    if args.command == "init":
        return _init(args, out)
    if args.command == "territories":
        return _territories(args, out)
    if args.command == "bdl":
        return _bdl(args, out)
    from citystrategy.formatting import get_locale

    locale = get_locale(args.locale)
    if args.command == "programs":
        return _programs(args, locale, out)
    if args.command == "compare":
        return _compare(args, locale, out)
    if args.command == "collect":
        return _collect(args, locale, out)
    from citystrategy.cities import open_city

    city = open_city(args.city)
    strategy = city.load()
    years = [report.year for report in strategy.reports]
    if args.year is not None and args.year not in years:
        known = ", ".join(map(str, years)) or _text("none", args.locale)
        msg = _text("{city} has no report on {year} (reports: {known})", args.locale)
        raise _UsageError(msg.format(city=strategy.territory.name, year=args.year, known=known))
    if args.command == "assess":
        return _assess(strategy, args, locale, out)
    if args.command == "summary":
        return _summary(strategy, shlex.quote(city.slug), args, locale, out)
    if args.command == "report":
        return _report(strategy, args, locale, out)
    return _check(strategy, args, locale, out)


def _summary(
    strategy: Strategy, slug: str, args: argparse.Namespace, locale: Locale, out: TextIO
) -> int:
    from citystrategy.reports import format_program_links, format_summary, summary_data

    links = _linked_programs(strategy)
    if args.format == "json":
        data = summary_data(strategy, args.year)
        data["programs"] = [
            {
                "program": link.program,
                "catalogue": link.catalogue,
                "goals": list(link.goal_codes),
                "name": None if program is None else program.name,
                **({"name_missing": "not_found"} if program is None else {}),
                "note": link.note,
            }
            for link, program in links
        ]
        _print_json(data, out)
    elif args.format == "csv":  # the cost table: computed and declared, with the differences
        from citystrategy.reports.csv import write_csv
        from citystrategy.reports.summary import _cost_frame

        table = _cost_frame(strategy, args.year)  # goal_costs_table's, for any year
        # a share in percent to one decimal, as the text and the JSON give it (not 28 digits)
        shares = table["share_computed"]
        table["share_computed"] = [
            None if s is None else s.quantize(Decimal("0.1")) for s in shares
        ]
        write_csv(table, out, locale=locale)
    else:
        out.write(
            format_summary(strategy, args.year, slug=slug, locale=locale, width=_width()) + "\n"
        )
        if links:
            names = _catalogue_names(strategy)
            text = format_program_links(links, catalogue_names=names, locale=locale, width=_width())
            out.write("\n" + text + "\n")
    return EXIT_OK


def _report(strategy: Strategy, args: argparse.Namespace, locale: Locale, out: TextIO) -> int:
    from citystrategy.reports.annual import annual_report

    if (args.output is None) == (args.site is None):
        raise _UsageError(_text("give either -o FILE or --site DIR", args.locale))
    if args.site is not None:
        from citystrategy.reports.site import write_site

        path = write_site(strategy, args.year, args.site, locale=locale, force=args.force)
        out.write(_text("wrote the indicator site to {path}", args.locale).format(path=path) + "\n")
        return EXIT_OK
    return _write_file(annual_report(strategy, args.year, locale=locale), args, out)


def _write_file(report: Any, args: argparse.Namespace, out: TextIO) -> int:
    """Write *report* (a :class:`citystrategy.reports.Report`) to ``-o FILE`` and say so."""
    from citystrategy.reports.writers import write_report

    path = write_report(report, args.output, force=args.force)
    out.write(_text("wrote the report to {path}", args.locale).format(path=path) + "\n")
    return EXIT_OK


def _check(strategy: Strategy, args: argparse.Namespace, locale: Locale, out: TextIO) -> int:
    from citystrategy.reports import findings_data, format_findings
    from citystrategy.validation import check

    report = check(strategy, year=args.year)
    if args.format == "json":
        _print_json(findings_data(report, locale=locale), out)
    elif args.format == "csv":
        _findings_csv(report, locale, out)
    else:
        out.write(
            format_findings(report, title=strategy.title, locale=locale, width=_width()) + "\n"
        )
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _findings_csv(report: ValidationReport, locale: Locale, out: TextIO) -> None:
    """One row per finding: severity and kind as codes, the description in the locale."""
    from citystrategy.reports import describe_finding

    rows = (
        (f.severity, f.kind, f.code, describe_finding(f, locale=locale)) for f in report.findings
    )
    _write_csv(("severity", "kind", "code", "description"), rows, out, locale)


def _assess(strategy: Strategy, args: argparse.Namespace, locale: Locale, out: TextIO) -> int:
    if args.window is not None and args.window < 1:
        msg = _text("--window must be at least 1 (got {window})", args.locale)
        raise _UsageError(msg.format(window=args.window))
    if not 0 <= args.min_coverage <= 100:
        from babel.numbers import format_decimal

        shown = format_decimal(Decimal(repr(args.min_coverage)), locale=locale)
        msg = _text("--min-coverage must lie between 0 and 100 (got {coverage})", args.locale)
        raise _UsageError(msg.format(coverage=shown))
    if args.columns is not None and args.format in ("csv", "json"):
        msg = _text(
            "--columns chooses the text table's columns; --format {format} has all", args.locale
        )
        raise _UsageError(msg.format(format=args.format))
    from citystrategy.percent import Percent
    from citystrategy.progress import ProgressOptions, assess, assess_goals
    from citystrategy.reports import assessment_data, format_assessment
    from citystrategy.reports.tables.indicators import _goals_frame, _values_frame

    options = ProgressOptions(method=args.method, window=args.window)
    assessed = assess(strategy, year=args.year, options=options)
    coverage = Percent(args.min_coverage)
    scores = assess_goals(strategy, year=args.year, min_coverage=coverage, table=assessed)
    # the report's tables (indicator_values_table, goal_scores_table), assessed once
    table = _values_frame(assessed, strategy, args.year)
    goals = _goals_frame(scores)
    if args.format == "json":
        _print_json(assessment_data(table, goals), out)
    elif args.format == "csv":
        from citystrategy.reports.assessment import csv_table
        from citystrategy.reports.csv import write_csv

        write_csv(csv_table(table), out, locale=locale)
    else:
        text = format_assessment(
            table,
            goals,
            year=args.year,
            method=args.method,
            min_coverage=coverage,
            locale=locale,
            targets={i.code: i.target for i in strategy.indicators},
            columns=args.columns,
            width=_width(),
        )
        out.write(text + "\n")
    return EXIT_OK


def _cities(args: argparse.Namespace, out: TextIO) -> int:
    from citystrategy.cities import get_city, list_cities

    rows = [(slug, get_city(slug).name, get_city(slug).teryt) for slug in list_cities()]
    if args.format == "json":
        _print_json([{"slug": s, "name": n, "teryt": t} for s, n, t in rows], out)
    elif args.format == "csv":
        _write_csv(("slug", "name", "teryt"), rows, out, args.locale)
    else:
        from citystrategy._i18n import pgettext
        from citystrategy.reports.text import render_table

        titles = [
            pgettext("city column", "Name to type", args.locale),
            pgettext("city column", "City", args.locale),
            pgettext("city column", "TERYT", args.locale),
        ]
        cells = [[slug, name, teryt or "–"] for slug, name, teryt in rows]
        out.write(render_table(titles, cells, align="lll", width=_width()) + "\n")
    return EXIT_OK


def _init(args: argparse.Namespace, out: TextIO) -> int:
    from citystrategy.cities import SKELETON_FILES, init_folder, is_folder_path
    from citystrategy.model import TerritoryKind

    kind = TerritoryKind(args.kind)
    if args.teryt is not None:  # refused as the option typed, not as the model's field
        _check_init_teryt(args.teryt)
    folder = init_folder(args.folder, name=args.name, teryt=args.teryt, kind=kind, locale=args.locale)  # fmt: skip
    if args.format == "json":
        _print_json({"folder": str(folder), "files": list(SKELETON_FILES)}, out)
        return EXIT_OK
    shown = shlex.quote(args.folder if is_folder_path(args.folder) else f"./{args.folder}")
    text = _text(
        "created {folder} with {files}\n"
        "It holds an example: replace it with your strategy's data "
        "({readme} explains every file), then run:\n"
        "  citystrategy check {folder}\n"
        "  citystrategy summary {folder} --year 2024\n",
        args.locale,
    )
    files = ", ".join(SKELETON_FILES)
    out.write(text.format(folder=shown, files=files, readme=folder / "README.md"))
    return EXIT_OK


def _check_init_teryt(code: str) -> None:
    """``init --teryt``: a TERYT code, refused as the option typed (the territory's own check
    then says the length its ``--kind`` needs: "kod TERYT gminy ma 7 cyfr")."""
    from citystrategy._i18n import N_
    from citystrategy.errors import ArgumentError, Message
    from citystrategy.model.territory import teryt_problem

    reason = teryt_problem(code)
    if reason is not None:
        raise ArgumentError("teryt", code, Message(N_("a TERYT (TERC) code: {reason}"), {"reason": reason}))  # fmt: skip


def _catalogue_names(strategy: Strategy) -> dict[str, str]:
    """The names of the catalogues the strategy's programme links name (``zmp``: ZMP's name)."""
    from citystrategy.programs import get_program

    names = {}
    for code in {link.catalogue for link in strategy.program_links}:
        try:
            names[code] = get_program(code).load().name
        except KeyError:
            continue  # an unknown catalogue is shown by its code
    return names


def _linked_programs(strategy: Strategy) -> tuple[tuple[ProgramLink, Program | None], ...]:
    """The strategy's programme links with their programmes (``None`` if a catalogue lacks one)."""
    from citystrategy.programs import get_program

    linked = []
    for link in strategy.program_links:
        try:
            program: Program | None = get_program(link.catalogue).load().program(link.program)
        except KeyError:
            program = None
        linked.append((link, program))
    return tuple(linked)


def _programs(args: argparse.Namespace, locale: Locale, out: TextIO) -> int:
    from citystrategy.programs import get_program
    from citystrategy.reports import (
        format_city_profile,
        format_program,
        format_programs,
        profile_data,
        program_data,
    )

    catalogue = get_program(args.catalogue).load()
    if args.action == "list":
        found = catalogue.programs
        if args.theme:
            found = tuple(p for p in found if p in catalogue.by_theme(args.theme))
        if args.year is not None:
            found = tuple(p for p in found if p in catalogue.by_year(args.year))
        if args.output:
            from citystrategy.reports.tables.programs import programs_report

            report = programs_report(found, catalogue_name=catalogue.name, locale=locale)
            return _write_file(report, args, out)
        if args.format == "json":
            _print_json([program_data(p) for p in found], out)
        elif args.format == "csv":
            _write_csv(_PROGRAM_COLUMNS, (_program_row(p) for p in found), out, locale)
        else:
            out.write(format_programs(found, locale=locale, width=_width()) + "\n")
        return EXIT_OK
    if args.action == "show":
        try:
            program = catalogue.program(args.code.upper())
        except KeyError:
            known = ", ".join(p.code for p in catalogue.programs)
            msg = _text("unknown programme {code!r}; known: {known}", args.locale)
            raise _UsageError(msg.format(code=args.code, known=known)) from None
        if args.output:
            from citystrategy.reports.tables.programs import program_report

            return _write_file(program_report(program, locale=locale), args, out)
        if args.format == "json":
            _print_json(program_data(program), out)
        else:
            text = format_program(program, sources=catalogue.sources, locale=locale, width=_width())
            out.write(text + "\n")
        return EXIT_OK
    from citystrategy.cities import is_folder_path, open_city

    query = args.city
    if is_folder_path(query):  # a strategy folder: the territory its strategy.toml names
        territory = open_city(query).load().territory
        query = territory.teryt or territory.name
    from citystrategy.programs import city_profile

    profile = city_profile(query, catalogue=args.catalogue)
    if args.output:
        from citystrategy.reports.tables.programs import profile_report

        report = profile_report(profile, catalogue_name=catalogue.name, locale=locale)
        return _write_file(report, args, out)
    if args.format == "json":
        _print_json(profile_data(profile), out)
    else:
        out.write(
            format_city_profile(profile, catalogue.name, locale=locale, width=_width()) + "\n"
        )
    return EXIT_OK


#: The columns of ``programs list --format csv``.
_PROGRAM_COLUMNS: Final = (
    "code",
    "name",
    "operator",
    "start_year",
    "end_year",
    "themes",
    "participants",
    "total_value",
    "currency",
)


def _program_row(program: Program) -> tuple[object, ...]:
    """A programme's row of ``programs list --format csv``: the total value exact, or empty."""
    total = program.figure("total_value")
    participants = len({p.territory.id for p in program.participants}) or None
    return (
        program.code,
        program.name,
        program.operator,
        program.start_year,
        program.end_year,
        program.themes,
        participants,
        None if total is None else total.money.amount,
        None if total is None else total.money.currency,
    )


def _territories(args: argparse.Namespace, out: TextIO) -> int:
    """``territories [search TEXT]``: code, powiat, name, voivodeship and BDL id, as a table."""
    from citystrategy.territories import (
        find_territories,
        get_territory,
        list_territories,
        territory_data,
    )

    if args.action == "search" and not args.text:
        raise _UsageError(
            _text("'territories search' needs a TEXT, e.g. Gorzów or 2661", args.locale)
        )
    found = list_territories() if args.action is None else find_territories(args.text)
    if not found:
        get_territory(args.text)  # raises the error that lists close names
    if args.format == "json":
        _print_json([territory_data(t) for t in found], out)
        return EXIT_OK
    if args.format == "csv":
        rows = [territory_data(t) for t in found]
        _write_csv(list(rows[0]), (list(row.values()) for row in rows), out, args.locale)
        return EXIT_OK
    from citystrategy._i18n import pgettext
    from citystrategy.reports.text import render_table

    titles = [
        pgettext("territory column", "TERYT", args.locale),
        pgettext("territory column", "Powiat code", args.locale),
        pgettext("territory column", "Name", args.locale),
        pgettext("territory column", "Voivodeship", args.locale),
        pgettext("territory column", "BDL unit id", args.locale),
    ]
    cells = [
        [cell or "–" for cell in (t.teryt, t.powiat_code, t.name, t.voivodeship, t.bdl_powiat_id)]
        for t in found
    ]
    out.write(render_table(titles, cells, align="lllll", width=_width()) + "\n")
    return EXIT_OK


# --- bdl: the GUS Local Data Bank ---------------------------------------------------------------


def _number(kind: Callable[[str], Any], message: str) -> Callable[[str], Any]:
    """An argparse type reading *kind* (``int`` or ``float``), refusing other text with
    *message* worded in the user's language, not with Python's name of the type; a float may
    have a decimal comma (``62,5``)."""

    def read(text: str) -> Any:
        try:
            return kind(text.strip().replace(",", ".") if kind is float else text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(message.format(text=text)) from None

    read.__name__ = getattr(kind, "__name__", "number")
    return read


def _bdl_wait(seconds: float, *, locale: str) -> None:
    """Wait *seconds* for the BDL (a retry's backoff, the API's pace), saying so in a terminal
    when the wait is long enough to look like a hang; nothing is said when it is piped."""
    import time

    if seconds >= 1 and sys.stderr.isatty():
        said = _text("waiting {seconds} s for the BDL (no answer yet, or its pace)…", locale)
        sys.stderr.write(said.format(seconds=round(seconds)) + "\n")
    time.sleep(seconds)


def _bdl_years(text: str, _t: Callable[[str], str]) -> list[int]:
    """The years of ``--years``: ``2023``, ``2021-2023`` (or with an en dash) or ``2021,2023``.

    >>> _bdl_years("2021-2023", str), _bdl_years("2019,2021–2022", str)
    ([2021, 2022, 2023], [2019, 2021, 2022])
    """
    years: list[int] = []
    for part in text.replace("–", "-").split(","):
        first, dash, last = part.strip().partition("-")
        if not (first.isdigit() and len(first) == 4 and (not dash or (last.isdigit() and len(last) == 4))):  # fmt: skip
            message = _t("expected years such as 2023, 2021-2023 or 2021,2023, found {text!r}")
            raise argparse.ArgumentTypeError(message.format(text=text))
        if last and int(last) < int(first):
            message = _t("the years {text!r} run backwards: write the earlier year first, e.g. {fixed}")  # fmt: skip
            raise argparse.ArgumentTypeError(message.format(text=part.strip(), fixed=f"{last}-{first}"))  # fmt: skip
        years.extend(range(int(first), int(last or first) + 1))
    return years


def _bdl_parser(commands: Any, new: Any, output: Any, _t: Callable[[str], str]) -> None:
    """``bdl search`` and ``bdl fetch``."""
    bdl = new(commands, "bdl", help=_t("fetch data from GUS's Local Data Bank (BDL)"))
    actions = bdl.add_subparsers(dest="action", required=True, metavar=_t("ACTION"))

    def connection(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--offline", action="store_true", help=_t("read only the cache; send no request"))  # fmt: skip
        sub.add_argument("--cache-dir", metavar=_t("FOLDER"), help=_t("the cache folder (default: the user's cache folder)"))  # fmt: skip
        sub.add_argument("--base-url", metavar=_t("ADDRESS"), help=_t("the API's address, for a mirror (default: GUS's)"))  # fmt: skip

    search = new(actions, "search", help=_t("the variables whose name contains TEXT"))
    search.add_argument(
        "text", metavar=_t("TEXT"), help=_t("words of the name, e.g. stopa bezrobocia")
    )
    connection(search)
    output(search, ("text", "json"))
    fetch = new(actions, "fetch", help=_t("one variable for every unit of a level, as a long CSV"))
    fetch.add_argument("variable", type=_number(int, _t("expected the variable's id, a whole number such as 60270, found {text!r}")), metavar=_t("VARIABLE"), help=_t("the variable's id, e.g. 60270"))  # fmt: skip
    fetch.add_argument("--level", required=True, choices=("voivodeship", "powiat", "gmina"), help=_t("the unit level"))  # fmt: skip
    fetch.add_argument("--years", required=True, metavar=_t("YEARS"), type=lambda text: _bdl_years(text, _t), help=_t("years, e.g. 2021-2023 or 2021,2023"))  # fmt: skip
    fetch.add_argument("--parent", metavar="ID", help=_t("only the units under this BDL unit id"))
    fetch.add_argument("-o", "--output", required=True, metavar=_t("FILE"), help=_t("the CSV file to write"))  # fmt: skip
    fetch.add_argument("--force", action="store_true", help=_t("replace FILE if it exists"))
    connection(fetch)
    output(fetch, ("text",))


def _bdl(args: argparse.Namespace, out: TextIO) -> int:
    """``bdl search TEXT`` and ``bdl fetch VARIABLE ...``; httpx is imported here, not before."""
    from citystrategy._i18n import ngettext
    from citystrategy.errors import BdlRequestError
    from citystrategy.io.bdl import DEFAULT_BASE_URL, Client

    bar: Any = None

    def progress(done: int, pages: int | None) -> None:
        nonlocal bar
        if bar is None and (pages or 0) > 1:
            from tqdm import tqdm  # silent when the error output is not a terminal

            bar = tqdm(total=pages, unit=_text("page", args.locale), file=sys.stderr, disable=None, leave=False)  # fmt: skip
        if bar is not None:
            bar.update(done - bar.n)

    client = Client(
        base_url=args.base_url or DEFAULT_BASE_URL,
        cache_dir=args.cache_dir,
        offline=args.offline,
        progress=progress if args.action == "fetch" else None,
        sleep=functools.partial(_bdl_wait, locale=args.locale),
    )
    try:
        with client:
            if args.action == "search":
                found = client.search_variables(args.text)
                if args.format == "json":
                    _print_json([{"id": v.id, "name": v.name, "subject": v.subject_id, "level": v.level, "unit": v.unit} for v in found], out)  # fmt: skip
                    return EXIT_OK
                for v in found:
                    out.write(f"{v.id}\t{v.name}\t{v.unit or '–'}\t{v.level if v.level is not None else '–'}\n")  # fmt: skip
                if not found:
                    out.write(_text("no variable's name contains {text!r}", args.locale).format(text=args.text) + "\n")  # fmt: skip
                return EXIT_OK
            frame = client.data_by_variable(args.variable, unit_level=args.level, years=args.years, parent_id=args.parent)  # fmt: skip
    except BdlRequestError as error:
        if error.kind != "unreachable":
            raise
        hint = _text("{error}; with a filled cache, add --offline", args.locale)
        raise _UsageError(hint.format(error=_describe_error(error, args.locale))) from None
    finally:
        if bar is not None:
            bar.close()
    from citystrategy.reports.csv import to_csv

    # the long data file that compare --data reads: RFC 4180 with a decimal point, in any locale
    to_csv(frame, args.output, locale="en_GB", force=args.force)
    rows = len(frame)
    message = ngettext("{count} row written to {path} (requests sent: {requests})", "{count} rows written to {path} (requests sent: {requests})", rows, args.locale)  # fmt: skip
    out.write(message.format(count=rows, path=args.output, requests=client.requests_sent) + "\n")
    return EXIT_OK


# --- compare: a city among its peers ------------------------------------------------------------


_DIRECTIONS: Final = {"higher": "higher_is_better", "lower": "lower_is_better"}


def _direction(text: str, _t: Callable[[str], str]) -> tuple[str, str]:
    """``--direction 60270=lower``: the indicator and its direction.

    >>> _direction("60270=lower", str)
    ('60270', 'lower_is_better')
    """
    indicator, _, way = text.partition("=")
    if not indicator.strip() or way.strip() not in _DIRECTIONS:
        message = _t("expected INDICATOR=higher or INDICATOR=lower, found {text!r}")
        raise argparse.ArgumentTypeError(message.format(text=text))
    return indicator.strip(), _DIRECTIONS[way.strip()]


def _compare(args: argparse.Namespace, locale: Locale, out: TextIO) -> int:
    """``compare CITY --peers SPEC --indicators A,B --year Y``: the comparison table."""
    from citystrategy import compare as cmp
    from citystrategy.reports.comparison import comparison_csv, comparison_data, format_comparison

    frame = cmp.sample_panel() if args.data is None else cmp.read_long_csv(args.data)
    known = set(frame["indicator"])
    # the density is derived wherever population and area are given: an indicator like the
    # others, for --indicators, --peers similar:K:… and the list of known ones alike
    if "population_density" not in known and {"population", "area_km2"} <= known:
        frame = cmp.density(frame)
    peers = cmp.peer_group(args.peers, frame=frame, year=args.year, focus=args.focus)
    table = cmp.compare(
        frame,
        focus=args.focus,
        peers=peers,
        indicators=args.indicators,
        year=args.year,
        base_year=args.base_year,
        directions=dict(args.direction),
    )
    if args.output:
        from citystrategy.reports.comparison import comparison_report

        return _write_file(comparison_report(table, spec=peers.spec, locale=locale), args, out)
    if args.format == "json":
        _print_json({"peers": peers.to_data(), "rows": comparison_data(table)}, out)
    elif args.format == "csv":
        from citystrategy.reports.csv import write_csv

        write_csv(comparison_csv(table), out, locale=locale)  # rounded as the JSON is
    else:
        out.write(format_comparison(table, spec=peers.spec, locale=locale, width=_width()) + "\n")
    return EXIT_OK


# --- collect: the monitoring cycle's forms out, their completeness, and (later) the merge -------


def _collect_parser(
    commands: Any, new: Any, output: Any, _t: Callable[[str], str], city_help: str
) -> None:
    """``collect forms``, ``collect status`` and ``collect merge``."""
    collect = new(commands, "collect", help=_t("the monitoring cycle: data-entry forms out and back in"))  # fmt: skip
    actions = collect.add_subparsers(dest="action", required=True, metavar=_t("ACTION"))

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("city", metavar=_t("CITY"), help=city_help)
        sub.add_argument("--year", type=_number(int, _t("expected a whole number such as 2023, found {text!r}")), metavar=_t("YEAR"), help=_t("the year the forms ask for (default: the year after the last report)"))  # fmt: skip
        sub.add_argument("--by", choices=("goal", "source", "all"), help=_t("how indicators without a responsible unit are grouped: goal, source or all (default: goal; for returned forms, as they say)"))  # fmt: skip

    forms = new(actions, "forms", help=_t("one data-entry workbook per responsible unit"))
    common(forms)
    forms.add_argument("-o", "--output", required=True, metavar=_t("FOLDER"), help=_t("the folder to write the forms into"))  # fmt: skip
    forms.add_argument("--force", action="store_true", help=_t("replace forms that exist"))
    output(forms, ("text", "json"))
    status = new(actions, "status", help=_t("completeness of the returned forms per unit"))
    common(status)
    status.add_argument("forms", nargs="+", metavar=_t("FORMS"), help=_t("the returned forms: files or folders"))  # fmt: skip
    output(status, ("text", "json", "csv"))
    merge = new(actions, "merge", help=_t("the returned forms merged into a new strategy data folder"))  # fmt: skip
    common(merge)
    merge.add_argument("forms", nargs="+", metavar=_t("FORMS"), help=_t("the returned forms: files or folders"))  # fmt: skip
    merge.add_argument("-o", "--output", required=True, metavar=_t("FOLDER"), help=_t("the new data folder; the log is written beside it as FOLDER-log.csv"))  # fmt: skip
    merge.add_argument("--force", action="store_true", help=_t("replace the folder and the log if they exist"))  # fmt: skip
    output(merge, ("text",))
    # a strategy from a workbook: the template out (empty, or filled with CITY), a filled one in
    template = new(actions, "template", help=_t("a workbook to describe a strategy in (filled with CITY if given)"))  # fmt: skip
    template.add_argument("city", nargs="?", metavar=_t("CITY"), help=city_help)
    template.add_argument("-o", "--output", required=True, metavar=_t("FILE"), help=_t("the workbook to write, e.g. strategia.xlsx"))  # fmt: skip
    template.add_argument("--force", action="store_true", help=_t("replace the file if it exists"))  # fmt: skip
    output(template, ("text",))
    imported = new(actions, "import", help=_t("a filled strategy workbook turned into a data folder"))  # fmt: skip
    imported.add_argument("workbook", metavar=_t("FILE"), help=_t("the filled workbook"))
    imported.add_argument("-o", "--output", required=True, metavar=_t("FOLDER"), help=_t("the data folder to write, e.g. ./moje-miasto"))  # fmt: skip
    imported.add_argument("--force", action="store_true", help=_t("replace the folder if it exists"))  # fmt: skip
    output(imported, ("text",))


def _collect(args: argparse.Namespace, locale: Locale, out: TextIO) -> int:
    """``collect forms`` and ``collect status``; openpyxl and xlsxwriter are imported in them."""
    from citystrategy import collect
    from citystrategy.cities import open_city

    if args.action in ("template", "import"):
        return _collect_template(args, out)
    city = open_city(args.city)
    strategy = city.load()
    if args.year is None:
        years = [r.year for r in strategy.reports] + [o.year for o in strategy.observations]
        args.year = max(years, default=strategy.period_start - 1) + 1
    if args.action == "forms":
        paths = collect.write_forms(
            strategy,
            args.year,
            args.output,
            by=args.by or "goal",
            force=args.force,
            locale=args.locale,
        )
        if args.format == "json":
            _print_json([str(path) for path in paths], out)
            return EXIT_OK
        from citystrategy._i18n import ngettext

        head = ngettext("wrote {count} form for {year} in {folder}:", "wrote {count} forms for {year} in {folder}:", len(paths), args.locale)  # fmt: skip
        out.write(head.format(count=len(paths), year=args.year, folder=args.output) + "\n")
        out.writelines(f"  {path.name}\n" for path in paths)
        return EXIT_OK
    if args.action == "merge":
        return _collect_merge(strategy, city, args, out)
    frame = collect.form_status(strategy, args.year, args.forms, by=args.by, locale=args.locale)
    merge = collect.merge_forms(strategy, args.year, args.forms, by=args.by or "goal", locale=args.locale)  # fmt: skip
    from citystrategy.reports._json import rounded

    # the completeness as the text shows it (to 1 decimal), an exact decimal; a form not
    # returned has no file
    shares: list[Any] = [None if (t := rounded(v, 1)) is None else Decimal(t) for v in frame["completeness_percent"]]  # fmt: skip
    files: list[Any] = [f or None for f in frame["file"]]
    frame = frame.assign(completeness_percent=shares, file=files)
    if args.format == "json":
        records = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        for record in records:  # an exact decimal as a string, as in every command's JSON
            share = record["completeness_percent"]
            record["completeness_percent"] = None if share is None else str(share)
        merging = {"errors": len(merge.errors), "warnings": len(merge.warnings)}
        _print_json({"year": args.year, "units": records, "merge": merging}, out)
        return EXIT_OK
    if args.format == "csv":  # keyed and typed as every command's CSV is
        _write_csv(list(frame.columns), frame.itertuples(index=False), out, args.locale)
        return EXIT_OK
    titles = collect.status_titles(args.locale)
    yes, no = _text("yes", args.locale), _text("no", args.locale)
    from citystrategy.formatting import format_percent
    from citystrategy.reports.text import render_table

    keys = ("unit_name", "returned", "filled", "missing_with_reason", "missing_without_reason", "projects_answered", "errors", "completeness_percent")  # fmt: skip
    rows = []
    for record in frame.to_dict(orient="records"):
        share = record["completeness_percent"]
        cells = [
            str(record["unit_name"] or record["file"] or ""),
            yes if record["returned"] else no,
        ]
        cells += [f"{record[k]}" for k in keys[2:5]]
        cells += [f"{record['projects_answered']}/{record['projects']}", str(record["errors"])]
        cells.append("–" if share is None else format_percent(share, locale=locale))
        cells[2] = f"{record['filled']}/{record['indicators']}"
        rows.append(cells)
    expected_rows = frame[frame["unit"] != ""]
    returned, expected = int(expected_rows["returned"].sum()), len(expected_rows)
    head = _text("forms for {year}: {returned} of {expected} returned", args.locale)
    out.write(head.format(year=args.year, returned=returned, expected=expected) + "\n\n")
    out.write(render_table([titles[k] for k in keys], rows, align="lrrrrrrr", width=_width()) + "\n")  # fmt: skip
    from citystrategy._i18n import ngettext

    if merge.errors:  # what the merge refuses: the errors above, empty rows, forms not returned
        said = ngettext("{count} problem stands in the way of the merge:", "{count} problems stand in the way of the merge:", len(merge.errors), args.locale)  # fmt: skip
    else:
        said = ngettext("the forms can be merged, with {count} warning to check", "the forms can be merged, with {count} warnings to check", len(merge.warnings), args.locale)  # fmt: skip
    out.write("\n" + said.format(count=len(merge.errors) or len(merge.warnings)) + "\n")
    if merge.errors:  # every problem counted, named here as collect merge names them
        from citystrategy.errors import FormError

        text = _describe_error(FormError(list(merge.errors), len(merge.errors)), args.locale)
        out.writelines(f"{line}\n" for line in text.splitlines()[1:])
    if not merge.errors:
        out.writelines(_merge_warnings(merge, args.locale))
    return EXIT_OK


def _merge_warnings(result: Any, locale: str) -> list[str]:
    """The warnings of a merge, one indented line each, located and worded in *locale*."""
    from citystrategy.errors import FormError

    if not result.warnings:
        return []
    problems = [warning.to_problem() for warning in result.warnings]
    text = _describe_error(FormError(problems, len(problems)), locale)
    return [f"{line}\n" for line in text.splitlines()[1:]]


def _collect_merge(strategy: Strategy, city: Any, args: argparse.Namespace, out: TextIO) -> int:
    """``collect merge``: every error on stderr and nothing written, or the folder and its log."""
    from importlib.resources import files

    from citystrategy.collect import merge_forms, write_merge
    from citystrategy.errors import FormError

    result = merge_forms(strategy, args.year, args.forms, by=args.by or "goal", locale=args.locale)
    error = result.error()
    if error is not None:
        raise FormError(error.problems, len(error.problems))  # every one, to fix them all at once
    like = getattr(city, "path", None)
    if like is None:
        shipped = files(type(city).__module__) / "data"
        like = shipped if shipped.is_dir() else None
    folder, log = write_merge(result, args.output, force=args.force, like=like, locale=args.locale)  # fmt: skip
    if result.warnings:
        out.write(_text("warnings (merged all the same):", args.locale) + "\n")
        out.writelines(_merge_warnings(result, args.locale))
    values = sum(1 for entry in result.log if entry.kind == "indicator")
    projects = len(result.log) - values
    text = _text("wrote {folder} and {log}: values of {year}: {values}; projects completed: {projects}", args.locale)  # fmt: skip
    out.write(text.format(folder=folder, values=values, projects=projects, year=args.year, log=log) + "\n")  # fmt: skip
    return EXIT_OK


def _collect_template(args: argparse.Namespace, out: TextIO) -> int:
    """``collect template`` and ``collect import``: a strategy from a workbook and back."""
    from citystrategy.collect import read_template, write_template

    if args.action == "template":
        from citystrategy.cities import open_city

        strategy = None if args.city is None else open_city(args.city).load()
        path = write_template(args.output, strategy=strategy, locale=args.locale, force=args.force)
        out.write(_text("wrote {path}", args.locale).format(path=path) + "\n")
        return EXIT_OK
    from citystrategy.io import write_strategy

    strategy = read_template(args.workbook)
    folder = write_strategy(strategy, args.output, force=args.force)
    from citystrategy._i18n import ngettext

    goals = len(strategy.strategic_goals) + len(strategy.operational_goals)
    counts = {
        "goals": ngettext("{count} goal", "{count} goals", goals, args.locale).format(count=goals),
        "indicators": ngettext(
            "{count} indicator", "{count} indicators", len(strategy.indicators), args.locale
        ).format(count=len(strategy.indicators)),
        "projects": ngettext(
            "{count} project", "{count} projects", len(strategy.projects), args.locale
        ).format(count=len(strategy.projects)),
    }
    text = _text("wrote {folder}: {goals}, {indicators}, {projects}", args.locale)
    out.write(text.format(folder=folder, **counts) + "\n")
    return EXIT_OK


# --- main ----------------------------------------------------------------------------------------


def _error_line(message: str, locale: str) -> str:
    """``citystrategy: error: MESSAGE``, worded in *locale*."""
    return _text("citystrategy: error: {message}", locale).format(message=message)


def _error(message: str, locale: str) -> None:
    print(_error_line(message, locale), file=sys.stderr)


def _outcome(run: Callable[[], int], locale: str) -> int:
    """The exit code of *run*, with every user error printed as one line on stderr."""
    from citystrategy.errors import CityStrategyError, UnknownCityError

    try:
        return run()
    except UnknownCityError as error:
        from citystrategy._i18n import gettext

        hint = gettext("{error}; or give the path of a strategy data folder, e.g. ./{slug}", locale)
        _error(hint.format(error=_describe_error(error, locale), slug=error.slug), locale)
    except (_UsageError, CityStrategyError) as error:
        _error(_describe_error(error, locale), locale)
    except OSError as error:  # e.g. a folder init may not write to, a file it may not read
        _error(_describe_error(error, locale), locale)
    return EXIT_USAGE


def _silence_stdout() -> None:
    """Point the standard output at the null device, so that exiting writes nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a file (a test's capture): nothing is left to flush into a closed pipe


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``) and return the exit code.

    Exit codes: 0 done; 1 ``check`` found errors in the data; 2 bad arguments (argparse's usage
    errors included), unreadable data, or output that cannot be written. A reader that closes
    the pipe early ends the command quietly with 0.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    locale = _requested_locale(argv)
    try:
        from citystrategy._parser_words import argparse_words

        try:
            with argparse_words(locale):  # argparse's own words (usage:, its errors) too
                args = _parser(locale, argv).parse_args(argv)
            args.locale = getattr(args, "locale", _DEFAULT_LOCALE)
        except SystemExit as done:  # --help, --version, or a usage error already printed
            sys.stdout.flush()
            return done.code if isinstance(done.code, int) else EXIT_USAGE
        buffer = io.StringIO()
        code = _outcome(lambda: _run(args, buffer), args.locale)
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early, e.g. head
        _silence_stdout()
        return EXIT_OK
    except OSError as error:  # e.g. a full disk
        _silence_stdout()
        reason = _os_reason(error, locale)
        _error(_text("cannot write the output: {reason}", locale).format(reason=reason), locale)
        return EXIT_USAGE
    return code
