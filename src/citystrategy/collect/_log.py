"""A merge's log and the README of its folder, for people, in the language they choose.

:func:`~citystrategy.collect.log_frame` is the log for programs (stable keys, exact values);
:func:`log_table` words the same rows for people (titles, kinds and missing-value reasons in the
locale's language), and :func:`~citystrategy.collect.write_merge` writes it as the CSV file
beside the merged folder, with a README.md in the folder that says what it holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from citystrategy._arguments import instance
from citystrategy._i18n import N_, gettext, ngettext, pgettext
from citystrategy.collect._groups import MISSING_REASONS
from citystrategy.collect.merge import MergeResult, log_frame
from citystrategy.formatting import format_date, get_language, get_locale
from citystrategy.formatting._labels import unit_name
from citystrategy.reports.document import Column, ColumnKind, Table

__all__ = ["log_table"]

#: A cost to the grosz (or the cent).
_GROSZ = Decimal("0.01")
#: The keys of the reason's column for a project marked completed without a cost: the data's
#: cost stands, or the data has none either (the words of the warning ``no_cost``).
_COST_KEPT = "cost:kept"
_NO_COST = "cost:none"


def log_table(result: MergeResult, *, locale: str = "pl_PL") -> Table:
    r"""The log of a merge as a table for people: one row per merged value or completed project.

    Its columns, titled in the language of *locale*: the kind (indicator or project, in
    words), the code, the year (of the value; of a project, the year it was completed in), the
    value or the project's cost (an exact number, left empty when the value is missing or no cost
    is given; a cost to the grosz, ``5200000,00``, ungrouped as every number of a CSV file), the
    reason a value is missing (the words of the form's list; of a project marked completed
    without a cost, that the data's cost stands or that there is none), the work done on a
    project, its unit of measure (a cost's currency), the file, sheet and cell the value came
    from, the unit responsible for it and the comment. It is what
    :func:`~citystrategy.collect.write_merge` writes as the log's CSV file;
    :func:`~citystrategy.collect.log_frame` is the same log for programs (stable keys, the
    missing-value sign, the currency of a cost).

    Args:
        result: The merge.
        locale: The language of the titles and the words.

    Raises:
        ArgumentTypeError: If *result* is not a :class:`~citystrategy.collect.MergeResult`.
        ArgumentError: If *locale* is not one citystrategy supports.

    >>> from citystrategy.cities import kielce
    >>> from citystrategy.collect import merge_forms
    >>> table = log_table(merge_forms(kielce.load(), 2024, []), locale="en_GB")
    >>> [column.title for column in table.columns][:5]
    ['Kind', 'Code', 'Year', 'Value or cost', 'Unit of measure']
    """
    instance(result, "result", MergeResult, "a MergeResult")
    language = str(get_locale(locale))
    frame = log_frame(result)
    # the unit of measure of each value (a cost's currency), as the form's column names it
    units = {indicator.code: indicator.unit for indicator in result.strategy.indicators}
    words = get_language(language)
    measures = zip(frame["kind"], frame["code"], frame["currency"], strict=True)
    frame["measure"] = [
        unit_name(units[code] if kind == "indicator" else currency, words)
        if (units.get(code) if kind == "indicator" else currency)
        else ""
        for kind, code, currency in measures
    ]

    # every cost as money is written, to the grosz (5200000,00 beside 104550,00), ungrouped as
    # every number of the log so that a spreadsheet reads it as a number; a project marked
    # completed without a cost says in the reason's column which cost stands
    costs = {p.code: p.cost for p in result.strategy.projects}
    rows = zip(frame["kind"], frame["code"], frame["value"], strict=True)
    frame["value"] = [
        value.quantize(_GROSZ) if kind == "project" and value is not None else value
        for kind, code, value in rows
    ]
    no_cost = [kind == "project" and value is None for kind, value in zip(frame["kind"], frame["value"], strict=True)]  # fmt: skip
    frame["marker"] = [
        (_COST_KEPT if costs.get(code) is not None else _NO_COST) if missing else marker
        for missing, code, marker in zip(no_cost, frame["code"], frame["marker"], strict=True)
    ]

    kinds = {
        "indicator": pgettext("merge log", "indicator", language),
        "project": pgettext("merge log", "project", language),
    }
    reasons = {marker: gettext(words, language) for marker, words in MISSING_REASONS.items()}
    reasons[_COST_KEPT] = pgettext(
        "merge log", "no cost in the form: the cost the data has stands", language
    )
    reasons[_NO_COST] = pgettext(
        "merge log", "no cost in the form, and the data has none", language
    )
    columns = (
        Column("kind", pgettext("merge log", "Kind", language), ColumnKind.TEXT, labels=kinds),
        Column("code", pgettext("merge log", "Code", language)),
        Column("year", pgettext("merge log", "Year", language), ColumnKind.INTEGER),
        Column("value", pgettext("merge log", "Value or cost", language), ColumnKind.NUMBER),
        Column("measure", pgettext("merge log", "Unit of measure", language)),
        Column(
            "marker",
            pgettext("merge log", "Reason for a missing value", language),
            ColumnKind.TEXT,
            labels=reasons,
        ),
        Column("description", pgettext("merge log", "Work done", language)),
        Column("file", pgettext("merge log", "File", language)),
        Column("sheet", pgettext("merge log", "Sheet", language)),
        Column("cell", pgettext("merge log", "Cell", language)),
        Column("unit", pgettext("merge log", "Responsible unit", language)),
        Column("comment", pgettext("merge log", "Comment", language)),
    )
    return Table(frame, columns, title=pgettext("merge log", "Log of the merge", language))


def _source(result: MergeResult, like: object, language: str) -> str:
    """What the merged folder was made from, as the README's sentence names it."""
    import citystrategy

    package = Path(citystrategy.__file__).parent.resolve()
    shipped = like is not None and not isinstance(like, str)  # package data, not a folder
    if isinstance(like, str):
        folder = Path(like).resolve()
        shipped = folder == package or package in folder.parents
        if not shipped:
            template = N_("the data of the folder {folder}")
            return gettext(template, language).format(folder=like)
    name = result.strategy.title
    if shipped:  # a city's data shipped in the package
        template = N_('the data of the strategy "{strategy}" shipped with citystrategy')
        return gettext(template, language).format(strategy=name)
    return gettext(N_('the data of the strategy "{strategy}"'), language).format(strategy=name)


def _source_example(result: MergeResult, forms: Sequence[str], language: str) -> str:
    """The ``source_<year>`` cell of a value from the first form, as the merge writes it."""
    observed = [
        o.source for o in result.strategy.observations if o.year == result.year and o.source
    ]
    if observed:
        return observed[0]
    template = gettext("Data-entry form for {year}: {unit} ({file})", language)
    name = Path(forms[0]).name if forms else "…"
    return template.format(year=result.year, unit="…", file=name)


def readme(
    result: MergeResult,
    log: Path,
    like: object,
    earlier: str | None,
    locale: str,
    today: dt.date,
) -> str:
    """The README.md of a merged folder: what it holds, from which forms, merged when, where
    its log is; then the *earlier* folder's README (copied with it), if it had one."""
    language = str(get_locale(locale))
    forms: Sequence[str] = result.forms
    heading = gettext(N_("Data of {year} merged from the forms"), language)
    text = ngettext(
        "This folder holds {source}, with the values of the indicators for {year} and the "
        "projects completed in {year} from {count} form, merged on {date} by `citystrategy "
        "collect merge`. The file `{log}` beside the folder says where each new value came "
        "from: the form's file, sheet and cell, the unit and its comment.",
        "This folder holds {source}, with the values of the indicators for {year} and the "
        "projects completed in {year} from {count} forms, merged on {date} by `citystrategy "
        "collect merge`. The file `{log}` beside the folder says where each new value came "
        "from: the form's file, sheet and cell, the unit and its comment.",
        len(forms),
        language,
    )
    lines = [
        "# " + heading.format(year=result.year),
        "",
        text.format(
            source=_source(result, like, language),
            year=result.year,
            count=len(forms),
            date=format_date(today, style="long", locale=language),
            log=log.name,
        ),
        "",
        gettext(
            N_(
                "In `indicators.tsv`, the column `value_{year}` holds the values of {year} and "
                "the column `source_{year}` where each came from: the form, its unit and its "
                "file (`{example}`). An empty cell there, and a year without such a column, "
                "means the indicator's own source."
            ),
            language,
        ).format(year=result.year, example=_source_example(result, forms, language)),
        "",
        gettext(N_("The forms merged:"), language),
        "",
        *(f"- `{Path(form).name}`" for form in forms),
        "",
    ]
    if earlier is not None:
        rest = N_(
            "What follows is the description of the folder the data came from: its files and "
            "columns hold here too, but what it says of the years is the data before {year}."
        )
        lines += [gettext(rest, language).format(year=result.year), "", "---", "", earlier]
    return "\n".join(lines).rstrip("\n") + "\n"
