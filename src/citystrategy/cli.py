"""The ``citystrategy`` command.

Thin: it parses the arguments, calls the library and prints. User errors (an unknown city, a
year without data, a malformed data file) go to stderr with exit code 2, never as a traceback.

Commands (CITY is a registered slug such as ``kielce``, or the path of a strategy data folder
such as ``./moje-miasto``; see :func:`citystrategy.cities.open_city` for how they are told apart)::

    citystrategy init ./moje-miasto [--name NAME] [--teryt CODE] [--kind gmina|...]
    citystrategy summary CITY --year 2023 [--format text|json] [--locale pl_PL]
    citystrategy check CITY [--year 2023] [--format text|json] [--locale pl_PL]
    citystrategy assess CITY --year 2023 [--method ratio|projection] [--window N]
                                         [--format table|csv|json] [--locale pl_PL]
    citystrategy programs list [--catalogue zmp] [--theme T] [--year Y] [--format table|json]
    citystrategy programs show CODE [--catalogue zmp] [--format table|json]
    citystrategy programs city NAME_OR_TERYT [--catalogue zmp] [--format table|json]
    citystrategy cities
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from citystrategy.cities import (
    SKELETON_FILES,
    get_city,
    init_folder,
    is_folder_path,
    list_cities,
    open_city,
)
from citystrategy.errors import CityStrategyError, UnknownCityError
from citystrategy.formatting import LocaleLike, get_locale
from citystrategy.model import Program, ProgramLink, Strategy, TerritoryKind
from citystrategy.programs import get_program
from citystrategy.progress import assess, assess_goals
from citystrategy.reports import (
    assessment_data,
    findings_data,
    format_assessment,
    format_city_profile,
    format_findings,
    format_program,
    format_program_links,
    format_programs,
    format_summary,
    profile_data,
    program_data,
    summary_data,
)
from citystrategy.validation import check

__all__ = ["main"]

#: Exit codes.
EXIT_OK = 0
EXIT_FINDINGS = 1  #: ``check`` found errors in the data
EXIT_USAGE = 2  #: bad arguments or unreadable data

_CITY_HELP = (
    "a registered city (e.g. kielce; see: citystrategy cities) or the path of a strategy data "
    "folder (e.g. ./moje-miasto; see: citystrategy init)"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citystrategy",
        description="Monitoring of city development strategies (goals, indicators, projects, costs).",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser, *, year_required: bool) -> None:
        sub.add_argument("city", metavar="CITY", help=_CITY_HELP)
        sub.add_argument(
            "--year",
            type=int,
            required=year_required,
            help="reporting year, e.g. 2023"
            + ("" if year_required else " (default: every report)"),
        )
        sub.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help="output format (default: text)",
        )
        sub.add_argument(
            "--locale", default="pl_PL", help="locale of the text output (default: pl_PL)"
        )

    summary = commands.add_parser(
        "summary", help="the strategy, its goals, indicators and cost table"
    )
    common(summary, year_required=True)
    checker = commands.add_parser("check", help="findings on the strategy's data")
    common(checker, year_required=False)
    assess = commands.add_parser(
        "assess", help="progress of every indicator and goal toward its target"
    )
    assess.add_argument("city", metavar="CITY", help=_CITY_HELP)
    assess.add_argument("--year", type=int, required=True, help="reporting year, e.g. 2023")
    assess.add_argument(
        "--method", choices=("ratio", "projection"), default="ratio", help="default: ratio"
    )
    assess.add_argument(
        "--window", type=int, help="rolling window of N years (default: from the first year)"
    )
    assess.add_argument(
        "--min-coverage",
        type=float,
        default=0.6,
        help="share of scored indicators a goal needs (default: 0.6)",
    )
    assess.add_argument(
        "--format", choices=("table", "csv", "json"), default="table", help="default: table"
    )
    assess.add_argument("--locale", default="pl_PL", help="locale of the table (default: pl_PL)")
    programs = commands.add_parser("programs", help="programmes run with and for cities (ZMP …)")
    actions = programs.add_subparsers(dest="action", required=True, metavar="ACTION")

    def catalogue_options(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--catalogue", default="zmp", help="programme catalogue (default: zmp)")
        sub.add_argument(
            "--format", choices=("table", "json"), default="table", help="default: table"
        )
        sub.add_argument("--locale", default="pl_PL", help="locale of the table (default: pl_PL)")

    listing = actions.add_parser("list", help="the programmes of a catalogue")
    listing.add_argument("--theme", help="only programmes with this theme (e.g. PPP)")
    listing.add_argument("--year", type=int, help="only programmes running in this year")
    catalogue_options(listing)
    show = actions.add_parser("show", help="one programme, with its figures and rate checks")
    show.add_argument("code", help="programme code, e.g. ZMP-PPP")
    catalogue_options(show)
    city = actions.add_parser("city", help="everything a city took part in")
    city.add_argument(
        "city",
        help="city name (any spelling: Gorzów Wlkp.), TERYT code or the path of a strategy folder",
    )
    catalogue_options(city)
    commands.add_parser("cities", help="list the cities shipped with citystrategy")
    init = commands.add_parser(
        "init",
        help="write a new strategy data folder to start from",
        description="Write a small, valid, commented strategy data folder (one goal, a few "
        "indicators and projects) to replace with your own data; it never overwrites.",
    )
    init.add_argument("folder", metavar="FOLDER", help="the folder to create, e.g. ./moje-miasto")
    init.add_argument(
        "--name", default="Przykładowo", help="the city's official name (default: Przykładowo)"
    )
    init.add_argument("--teryt", help="its TERYT (TERC) code, e.g. 2661011 (default: none)")
    init.add_argument(
        "--kind",
        choices=[kind.value for kind in TerritoryKind],
        default=TerritoryKind.GMINA.value,
        help="what kind of territory it is (default: gmina)",
    )
    return parser


def _print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _run(args: argparse.Namespace, out: TextIO) -> int:
    if args.command == "cities":
        for slug in list_cities():
            city = get_city(slug)
            out.write(f"{slug}\t{city.name}\t{city.teryt or '–'}\n")
        return EXIT_OK
    if args.command == "init":
        return _init(args, out)
    try:
        locale = get_locale(args.locale)
    except ValueError as error:
        raise _UsageError(str(error)) from None
    if args.command == "programs":
        return _programs(args, locale, out)
    city = open_city(args.city)
    strategy = city.load()
    years = [report.year for report in strategy.reports]
    if args.year is not None and args.year not in years:
        known = ", ".join(map(str, years)) or "none"
        msg = f"{strategy.territory.name} has no report on {args.year} (reports: {known})"
        raise _UsageError(msg)
    if args.command == "assess":
        return _assess(strategy, args, locale, out)
    if args.command == "summary":
        links = _linked_programs(strategy)
        if args.format == "json":
            data = summary_data(strategy, args.year)
            data["programs"] = [
                {
                    "program": link.program,
                    "catalogue": link.catalogue,
                    "goals": list(link.goal_codes),
                    "name": None if program is None else program.name,
                    "note": link.note,
                }
                for link, program in links
            ]
            _print_json(data, out)
        else:
            slug = shlex.quote(city.slug)
            text = format_summary(strategy, args.year, slug=slug, locale=locale)
            out.write(text + "\n")
            if links:
                names = _catalogue_names(strategy)
                text = format_program_links(links, catalogue_names=names, locale=locale)
                out.write("\n" + text + "\n")
        return EXIT_OK
    report = check(strategy, year=args.year)
    if args.format == "json":
        _print_json(findings_data(report), out)
    else:
        out.write(format_findings(report, title=strategy.title, locale=locale) + "\n")
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _assess(strategy: Strategy, args: argparse.Namespace, locale: LocaleLike, out: TextIO) -> int:
    if args.window is not None and args.window < 1:
        raise _UsageError(f"--window must be at least 1 (got {args.window})")
    if not 0 <= args.min_coverage <= 1:
        raise _UsageError(f"--min-coverage must lie in [0, 1] (got {args.min_coverage})")
    table = assess(strategy, year=args.year, method=args.method, window=args.window)
    goals = assess_goals(strategy, year=args.year, min_coverage=args.min_coverage, table=table)
    if args.format == "json":
        _print_json(assessment_data(table, goals), out)
    elif args.format == "csv":
        table.to_csv(out, index=False)
    else:
        text = format_assessment(
            table,
            goals,
            year=args.year,
            method=args.method,
            min_coverage=args.min_coverage,
            locale=locale,
        )
        out.write(text + "\n")
    return EXIT_OK


def _init(args: argparse.Namespace, out: TextIO) -> int:
    folder = init_folder(
        args.folder, name=args.name, teryt=args.teryt, kind=TerritoryKind(args.kind)
    )
    shown = shlex.quote(args.folder if is_folder_path(args.folder) else f"./{args.folder}")
    out.write(f"created {shown} with {', '.join(SKELETON_FILES)}\n")
    out.write(
        "It holds an example: replace it with your strategy's data "
        f"({folder / 'README.md'} explains every file), then run:\n"
        f"  citystrategy check {shown}\n"
        f"  citystrategy summary {shown} --year 2024\n"
    )
    return EXIT_OK


def _catalogue_names(strategy: Strategy) -> dict[str, str]:
    """The names of the catalogues the strategy's programme links name (``zmp``: ZMP's name)."""
    names = {}
    for code in {link.catalogue for link in strategy.program_links}:
        try:
            names[code] = get_program(code).load().name
        except KeyError:
            continue  # an unknown catalogue is shown by its code
    return names


def _linked_programs(strategy: Strategy) -> tuple[tuple[ProgramLink, Program | None], ...]:
    """The strategy's programme links with their programmes (``None`` if a catalogue lacks one)."""
    linked = []
    for link in strategy.program_links:
        try:
            program: Program | None = get_program(link.catalogue).load().program(link.program)
        except KeyError:
            program = None
        linked.append((link, program))
    return tuple(linked)


def _programs(args: argparse.Namespace, locale: LocaleLike, out: TextIO) -> int:
    catalogue = get_program(args.catalogue).load()
    if args.action == "list":
        found = catalogue.programs
        if args.theme:
            found = tuple(p for p in found if p in catalogue.by_theme(args.theme))
        if args.year is not None:
            found = tuple(p for p in found if p in catalogue.by_year(args.year))
        if args.format == "json":
            _print_json([program_data(p) for p in found], out)
        else:
            out.write(format_programs(found, locale=locale) + "\n")
        return EXIT_OK
    if args.action == "show":
        try:
            program = catalogue.program(args.code.upper())
        except KeyError:
            known = ", ".join(p.code for p in catalogue.programs)
            raise _UsageError(f"unknown programme {args.code!r}; known: {known}") from None
        if args.format == "json":
            _print_json(program_data(program), out)
        else:
            text = format_program(program, sources=catalogue.sources, locale=locale)
            out.write(text + "\n")
        return EXIT_OK
    query = args.city
    if is_folder_path(query):  # a strategy folder: the territory its strategy.toml names
        territory = open_city(query).load().territory
        query = territory.teryt or territory.name
    profile = catalogue.profile(query)
    if profile.territory is None:
        raise _UsageError(
            f"{args.city!r} is neither a member nor a participant of {catalogue.name}"
        )
    if args.format == "json":
        _print_json(profile_data(profile), out)
    else:
        out.write(format_city_profile(profile, catalogue.name, locale=locale) + "\n")
    return EXIT_OK


class _UsageError(Exception):
    """A user error found after argument parsing."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _run(args, sys.stdout)
    except UnknownCityError as error:
        from citystrategy._i18n import N_, gettext
        from citystrategy.reports.errors import describe_error  # in the language asked for

        locale = getattr(args, "locale", "pl_PL")
        hint = N_("{error}; or give the path of a strategy data folder, e.g. ./{slug}")
        text = gettext(hint, locale).format(
            error=describe_error(error, locale=locale), slug=error.slug
        )
        print(f"citystrategy: error: {text}", file=sys.stderr)
        return EXIT_USAGE
    except CityStrategyError as error:
        from citystrategy.reports.errors import describe_error  # in the language asked for

        text = describe_error(error, locale=getattr(args, "locale", "pl_PL"))
        print(f"citystrategy: error: {text}", file=sys.stderr)
        return EXIT_USAGE
    except _UsageError as error:
        print(f"citystrategy: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except OSError as error:  # e.g. a folder init may not write to
        print(f"citystrategy: error: {error}", file=sys.stderr)
        return EXIT_USAGE
