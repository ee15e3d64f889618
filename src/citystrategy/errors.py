"""Every exception and warning that citystrategy raises.

One base class, :class:`CityStrategyError`; each concrete error also subclasses the matching
builtin, so callers may catch either. Errors keep their inputs as attributes and word
themselves from an English message template marked for translation (:meth:`to_message`, a
:class:`Message`); ``str(error)`` is that message in English, for logs and tracebacks, and
:func:`citystrategy.reports.describe_error` words it in the user's language. Every argument goes
positionally to ``Exception.__init__`` so that they pickle.

A malformed data file is a :class:`DataFileError` holding every :class:`Problem` found in it:
a record of where (line, column or key), an English template and its values.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final, Protocol

import attrs

from citystrategy._i18n import N_, Nn_

__all__ = [
    "AmbiguousTerritoryError",
    "ArgumentError",
    "ArgumentTypeError",
    "AssessmentError",
    "BdlNotCachedError",
    "BdlRequestError",
    "ChartDataError",
    "CityStrategyError",
    "CityStrategyWarning",
    "CurrencyMismatchError",
    "DataFileError",
    "FormError",
    "FormProblem",
    "FrameError",
    "Message",
    "MissingExtraError",
    "ModelError",
    "OutputExistsError",
    "ParseError",
    "Problem",
    "Quoted",
    "StrategyFolderError",
    "TerytError",
    "UnitError",
    "UnitName",
    "UnknownCatalogueError",
    "UnknownCityError",
    "UnknownCodeError",
    "UnknownTerritoryError",
    "UnsupportedFormatError",
    "Words",
    "YearError",
    "ZeroAmountError",
]


class Words(Protocol):
    """The words and the figures of one language, for :meth:`Message.render`."""

    def gettext(self, message: str) -> str:
        """*message* in the language."""

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The form of *singular* / *plural* that agrees with *count*."""

    def number(self, value: Decimal) -> str:
        """*value* written as a figure of the language."""


class _English:
    """The messages as written in the code: English, figures as Python writes them."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def number(self, value: Decimal) -> str:
        return str(value)

    def unit(self, name: str) -> str:
        from citystrategy.formatting._labels import unit_name

        return unit_name(name, "en")


_ENGLISH: Words = _English()


def _value_mapping(values: Mapping[str, object]) -> dict[str, object]:
    return dict(values)


@attrs.frozen
class Message:
    """An English message template and the values it shows; worded in a language on demand.

    The template is python-format with placeholders by name (``"unknown goal {code!r}"``),
    marked with ``N_`` so that the catalogues translate it. A value is shown as it is (text,
    whole numbers and years), a ``Decimal`` as a figure of the language, a tuple as a list
    (``'a', 'b'``; "none" when empty), and a nested :class:`Message` in the same language.

    >>> str(Message("unknown goal {code!r}", {"code": "9.9"}))
    "unknown goal '9.9'"
    >>> str(Message("{count} problem", {"count": 2}, plural="{count} problems"))
    '2 problems'

    Attributes:
        template: The English template (the singular, when *plural* is given).
        values: The values of its placeholders, by name.
        plural: The English plural template; the form is chosen by ``values["count"]``.
    """

    template: str
    values: Mapping[str, object] = attrs.field(factory=dict, converter=_value_mapping)
    plural: str | None = None

    def render(self, words: Words = _ENGLISH) -> str:
        """The message in the language of *words* (English by default)."""
        if self.plural is None:
            text = words.gettext(self.template)
        else:
            count = self.values["count"]
            assert isinstance(count, int)
            text = words.ngettext(self.template, self.plural, count)
        if not self.values:
            return text  # a message without placeholders may hold braces of its own
        values = {key: _show(value, words) for key, value in self.values.items()}
        return _format_quoted(text, values, words)

    def __str__(self) -> str:
        return self.render()


class UnitName(str):
    """A unit of the registry in a message, shown by its label in the reader's language.

    ``UnitName("day")`` reads ``'dni'`` in Polish and ``'days'`` in English, ``"percent"``
    ``'%'``; a unit without a label is shown as it is written.
    """

    __slots__ = ()


#: How a language quotes a text shown with ``!r`` (Polish: „…”). Translators: keep {text}.
_QUOTE: Final = N_("'{text}'")


class _Quoting(string.Formatter):
    """``str.format`` that quotes a text shown with ``!r`` as the language quotes it."""

    def __init__(self, words: Words) -> None:
        self._words = words

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion == "r" and isinstance(value, str):
            return _quoted(value, self._words)
        return super().convert_field(value, conversion)


#: Spaces shown as they are: a Polish figure or date holds them (``2024\xa0r.``).
_SPACES: Final = "\u00a0\u202f"


def _quoted(text: str, words: Words) -> str:
    """*text* in the quotes of the language of *words*; a character that cannot be seen (a tab,
    a line break) is written as Python escapes it, so that the offending text shows whole, but
    the no-break spaces of a Polish figure or date are shown as they are."""
    quote = words.gettext(_QUOTE)
    if quote == _QUOTE:
        return repr(text)
    shown = "".join(c if c.isprintable() or c in _SPACES else repr(c)[1:-1] for c in text)
    return quote.replace("{text}", shown)


def _format_quoted(template: str, values: Mapping[str, object], words: Words = _ENGLISH) -> str:
    """*template* filled with *values* as ``str.format`` fills it, but a text shown with ``!r``
    is quoted as the language of *words* quotes it (``'a'`` in English, ``„a”`` in Polish).

    >>> _format_quoted("unknown goal {code!r}", {"code": "9.9"})
    "unknown goal '9.9'"
    """
    return _Quoting(words).vformat(template, (), values)


class Quoted(str):
    """A text in a message, shown in the quotes of the reader's language: ``'a'`` in English,
    ``„a”`` in Polish (as a template's ``{value!r}`` shows a text)."""

    __slots__ = ()


def _shown(value: object) -> object:
    """*value* as a message shows a value given by its caller: a text quoted in the reader's
    language, anything else as Python writes it."""
    return Quoted(value) if isinstance(value, str) else repr(value)


def _show(value: object, words: Words) -> object:
    if isinstance(value, Quoted):
        return _quoted(str(value), words)
    if isinstance(value, UnitName):
        label = getattr(words, "unit", None)
        return str(value) if label is None else label(str(value))
    if isinstance(value, (Message, Problem, FormProblem)):
        return value.render(words)
    if isinstance(value, Decimal):
        return words.number(value)
    if isinstance(value, tuple):
        if not value:
            return words.gettext(N_("none"))
        return ", ".join(
            _quoted(str(_show(item, words)), words)
            if isinstance(item, str) and not isinstance(item, Quoted)  # Quoted: quoted by _show
            else str(_show(item, words))
            for item in value
        )
    return value


def _text(text: str) -> Message:
    """Text written in English by the caller, translated if a catalogue knows it as a message."""
    return Message(text)


class CityStrategyError(Exception):
    """Base class of every citystrategy error.

    ``str(error)`` is :meth:`to_message` in English.
    """

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        if type(self).__str__ is CityStrategyError.__str__:
            return Message(Exception.__str__(self))
        return Message(str(self))

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if "to_message" in cls.__dict__ and "__str__" not in cls.__dict__:
            # before a builtin's own __str__ (KeyError's quotes its argument)
            cls.__str__ = CityStrategyError.__str__  # type: ignore[method-assign]

    def __str__(self) -> str:
        return self.to_message().render()


class CityStrategyWarning(UserWarning):
    """Base class of every citystrategy warning."""


#: The words of the fields the parsers are given (``field=``), for :class:`ParseError`.
_PARSE_FIELDS: Final = {
    "value": N_("value"),
    "amount": N_("amount"),
    "cost": N_("cost"),
    "total_cost": N_("total cost"),
    "target": N_("target"),
    "range": N_("plausible range"),
    "count": N_("count"),
    "share": N_("share"),
    "rate": N_("rate"),
    "percent": N_("percentage"),
}
_VALUE_OF_YEAR: Final = re.compile(r"value_(?P<year>[0-9]{4})")


def _field_name(field: str) -> object:
    """*field* as a message names it: its words in ``_PARSE_FIELDS``, ``value_<year>`` by
    its year, any other field as given (a caller's own words)."""
    if field in _PARSE_FIELDS:
        return Message(_PARSE_FIELDS[field])
    match = _VALUE_OF_YEAR.fullmatch(field)
    if match is not None:
        return Message(N_("value for {year}"), {"year": match["year"]})
    return field


class ParseError(ValueError, CityStrategyError):
    """A raw value from a source document could not be parsed.

    Attributes:
        raw: The offending text, exactly as found.
        field: What the text was meant to be (e.g. ``"cost"``, ``"value_2023"``).
        reason: Why it was rejected, in English (given as text, or as a :class:`Message` to
            word in any language).
        location: Where it was found (file, row, cell), if known.
    """

    def __init__(
        self, raw: str, field: str, reason: str | Message, location: str | None = None
    ) -> None:
        super().__init__(raw, field, reason, location)
        self.raw = raw
        self.field = field
        self.reason = str(reason)
        self._reason = reason if isinstance(reason, Message) else _text(reason)
        self.location = location

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language.

        The field is named in words of the catalogue (``value_2024`` reads "value for 2024",
        "wartość za 2024 r."); a field the catalogue does not name is shown as given.
        """
        values = {"field": _field_name(self.field), "raw": self.raw, "reason": self._reason}
        if self.location:
            template = N_("cannot parse {field} {raw!r}: {reason} ({location})")
            return Message(template, {**values, "location": self.location})
        return Message(N_("cannot parse {field} {raw!r}: {reason}"), values)


class UnitError(ValueError, CityStrategyError):
    """A unit is unknown or does not fit where it is used.

    Attributes:
        unit: The unit, as given.
        expected: What would fit, in English (given as text, or as a :class:`Message` to word in
            any language).
        location: Where it was found, if known.
    """

    def __init__(self, unit: str, expected: str | Message, location: str | None = None) -> None:
        super().__init__(unit, expected, location)
        self.unit = unit
        self.expected = str(expected)
        self._expected = expected if isinstance(expected, Message) else _text(expected)
        self.location = location

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values = {"unit": self.unit, "expected": self._expected}
        if self.location:
            template = N_("unit {unit!r} does not fit: expected {expected} ({location})")
            return Message(template, {**values, "location": self.location})
        return Message(N_("unit {unit!r} does not fit: expected {expected}"), values)


class CurrencyMismatchError(TypeError, CityStrategyError):
    """Two amounts in different currencies were combined without an exchange rate."""

    def __init__(self, left: str, right: str) -> None:
        super().__init__(left, right)
        self.left = left
        self.right = right

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_(
            "cannot combine {left!r} and {right!r} amounts: "
            "convert one with an explicit, dated exchange rate first"
        )
        return Message(template, {"left": self.left, "right": self.right})


class ModelError(ValueError, CityStrategyError):
    """A domain object was built with values that break one of its invariants.

    Attributes:
        entity: What was being built, with its code, in English (e.g. ``"indicator
            'KIE-1-01'"``); given as text, or as a :class:`Message` to word in any language.
        problem: What is wrong, in English (given as text, or as a :class:`Message` to word in
            any language).
    """

    def __init__(self, entity: str | Message, problem: str | Message) -> None:
        super().__init__(entity, problem)
        self.entity = str(entity)
        self._entity = entity if isinstance(entity, Message) else _text(entity)
        self.problem = str(problem)
        self._problem = problem if isinstance(problem, Message) else _text(problem)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        return Message("{entity}: {problem}", {"entity": self._entity, "problem": self._problem})


#: How many problems of one file the text of a DataFileError lists before "and N more".
_LISTED = 20


@attrs.frozen(kw_only=True)
class Problem:
    """One problem of a data file: where it is, and what is wrong there.

    The place is a line (with its column, or the header), a key of a TOML file
    (``strategic_goals[2].name``), or the whole file; a problem given as text only (by code
    written before problems were records) names its place in its text.

    >>> str(Problem(line=4, column="goal", message=Message("unknown goal {code!r}", {"code": "9"})))
    "line 4, column 'goal': unknown goal '9'"

    Attributes:
        message: What is wrong, with the offending text and what was expected.
        line: The line of a text file (1 is a table's header).
        column: The column of a table.
        key: The path of a key in a TOML file.
        header: Whether the line is a table's header.
        whole_file: Whether the problem is of the whole file (missing, empty, unreadable).
    """

    message: Message
    line: int | None = None
    column: str | None = None
    key: str | None = None
    header: bool = False
    whole_file: bool = False

    def where(self) -> Message | None:
        """Where the problem is, as a message (``None`` for a problem given as text only)."""
        if self.line is None:
            if self.whole_file:
                return Message(N_("file"))
            if self.key is None:
                return None
            return Message("{key}", {"key": self.key})
        values: dict[str, object] = {"line": self.line}
        if self.column is not None:
            values["column"] = self.column
            if self.header:
                return Message(N_("line {line} (header), column {column!r}"), values)
            return Message(N_("line {line}, column {column!r}"), values)
        if self.header:
            return Message(N_("line {line} (header)"), values)
        return Message(N_("line {line}"), values)

    def render(self, words: Words = _ENGLISH) -> str:
        """The problem in the language of *words* (English by default)."""
        where = self.where()
        text = self.message.render(words)
        return text if where is None else f"{where.render(words)}: {text}"

    def __str__(self) -> str:
        return self.render()


def _problem(problem: Problem | str) -> Problem:
    return problem if isinstance(problem, Problem) else Problem(message=Message(problem))


class DataFileError(ValueError, CityStrategyError):
    """A data file is malformed: every problem found in it, at once.

    Its text lists the first 20 problems and then says how many more there are; ``records``
    keeps them all.

    Attributes:
        path: The file.
        records: Every problem, as a :class:`Problem` (a problem given as text is kept as a
            message without a place).
        problems: The same problems in English, one text each, naming its row or key and the
            offending text.
    """

    def __init__(self, path: str, problems: Sequence[Problem | str]) -> None:
        records = tuple(_problem(problem) for problem in problems)
        super().__init__(path, records)
        self.path = path
        self.records = records
        self.problems = tuple(str(record) for record in records)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        count = len(self.records)
        singular, plural = Nn_("{path}: {count} problem", "{path}: {count} problems")
        head = Message(singular, {"path": self.path, "count": count}, plural=plural)
        lines: dict[str, object] = {"head": head}
        template = "{head}"
        for number, record in enumerate(self.records[:_LISTED]):
            lines[f"p{number}"] = record
            template += f"\n  {{p{number}}}"
        if count > _LISTED:
            lines["more"] = Message(N_("and {count} more"), {"count": count - _LISTED})
            template += "\n  {more}"
        return Message(template, lines)


class FrameError(ValueError, CityStrategyError):
    """A long frame breaks the frame contract; ``problems`` lists every breach.

    Attributes:
        problems: Every breach, in English (each given as text, or as a :class:`Message` to
            word in any language).
    """

    def __init__(self, problems: Sequence[str | Message]) -> None:
        super().__init__(tuple(problems))
        self.problems = tuple(str(problem) for problem in problems)
        self._problems = tuple(p if isinstance(p, Message) else _text(p) for p in problems)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values: dict[str, object] = {"head": Message(N_("invalid long frame:"))}
        template = "{head}"
        for number, problem in enumerate(self._problems):
            values[f"p{number}"] = problem
            template += f"\n  {{p{number}}}"
        return Message(template, values)


class UnknownCityError(KeyError, CityStrategyError):
    """No city adapter is registered under the given slug."""

    def __init__(self, slug: str, known: Sequence[str]) -> None:
        super().__init__(slug, tuple(known))
        self.slug = slug
        self.known = tuple(known)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_("unknown city {slug!r}; known cities: {known}")
        return Message(template, {"slug": self.slug, "known": ", ".join(self.known)})


class UnknownCatalogueError(KeyError, CityStrategyError):
    """No programme catalogue is registered under the given slug."""

    def __init__(self, slug: str, known: Sequence[str]) -> None:
        super().__init__(slug, tuple(known))
        self.slug = slug
        self.known = tuple(known)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_("unknown programme catalogue {slug!r}; known catalogues: {known}")
        return Message(template, {"slug": self.slug, "known": ", ".join(self.known)})


class AssessmentError(ValueError, CityStrategyError):
    """Values cannot be assessed as given: a repeated year, an unreadable period, a text value.

    Options of the wrong value or type are :class:`ArgumentError` and :class:`ArgumentTypeError`.

    Attributes:
        problem: What is wrong, in English (given as text, or as a :class:`Message` to word in
            any language).
        series: The series (an indicator's code) it was found in, or ``""``.
    """

    def __init__(self, problem: str | Message, series: str = "") -> None:
        super().__init__(problem, series)
        self.problem = str(problem)
        self._problem = problem if isinstance(problem, Message) else _text(problem)
        self.series = series

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        if self.series:
            template = N_("{problem} (series {series})")
            return Message(template, {"problem": self._problem, "series": self.series})
        return Message("{problem}", {"problem": self._problem})


#: How many known codes an :class:`UnknownCodeError` lists before "and N more".
_SHOWN: int = 8


def _either(shown: Sequence[object]) -> Message:
    """``'a' or 'b' or 'c'``: each of *shown* (already written out), joined by "or"."""
    if len(shown) == 1:
        return Message("{first}", {"first": shown[0]})
    return Message(N_("{first} or {rest}"), {"first": shown[0], "rest": _either(shown[1:])})


def _listed(values: Sequence[object], limit: int = _SHOWN) -> Message:
    shown = tuple(values[:limit])
    more = len(values) - limit
    if more > 0:
        return Message(N_("{shown} and {count} more"), {"shown": shown, "count": more})
    return Message("{shown}", {"shown": shown})


#: What an UnknownCodeError looks up, in the words of the catalogue (a noun of a count, or a name).
_KINDS: dict[str, tuple[str, str] | str] = {
    "goal": Nn_("goal", "goals"),
    "indicator": Nn_("indicator", "indicators"),
    "project": Nn_("project", "projects"),
    "annual report": N_("annual report"),
    "programme": N_("programme"),
    "noun": N_("noun"),
}


def _kind(kind: str) -> Message:
    forms = _KINDS.get(kind, kind)
    if isinstance(forms, tuple):
        return Message(forms[0], {"count": 1}, plural=forms[1])
    return _text(forms)


class UnknownCodeError(KeyError, CityStrategyError):
    """A look-up by a code (or a year) that is not there: a goal, an indicator, a programme.

    Also a ``KeyError``, so ``except KeyError`` keeps working.

    Attributes:
        kind: What was looked up (``"indicator"``, ``"annual report"`` …).
        code: The code asked for, as given.
        known: Every code that exists, in their order.
    """

    def __init__(self, kind: str, code: object, known: Sequence[object]) -> None:
        super().__init__(kind, code, tuple(known))
        self.kind = kind
        self.code = code
        self.known = tuple(known)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values: dict[str, object] = {"kind": _kind(self.kind), "code": _shown(self.code)}
        if not self.known:
            return Message(N_("unknown {kind} {code}; there is none"), values)
        by_text = {str(code): code for code in self.known}
        close = difflib.get_close_matches(str(self.code), list(by_text), n=3, cutoff=0.6)
        values["known"] = _listed(self.known)
        if close:
            values["close"] = _either([_shown(by_text[match]) for match in close])
            template = N_("unknown {kind} {code} (did you mean {close}?); known: {known}")
            return Message(template, values)
        return Message(N_("unknown {kind} {code}; known: {known}"), values)


class _BadArgument(CityStrategyError):
    """An argument a public function refuses: its name, the value given and what was expected.

    Attributes:
        argument: The parameter's name.
        value: The value given.
        expected: What would be accepted, in English words (``"an int"``, ``"one of 'ratio',
            'projection'"``); given as text, or as a :class:`Message` to word in any language.
    """

    def __init__(self, argument: str, value: object, expected: str | Message) -> None:
        super().__init__(argument, value, expected)
        self.argument = argument
        self.value = value
        self.expected = str(expected)
        self._expected = expected if isinstance(expected, Message) else _text(expected)


class ArgumentError(_BadArgument, ValueError):
    """An argument has a value the function does not accept (an unknown option, a bad range)."""

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values = {
            "argument": self.argument,
            "expected": getattr(self, "_expected", None) or _text(self.expected),
            "value": _shown(self.value),
        }
        return Message(N_("{argument!r} must be {expected} (got {value})"), values)


class ArgumentTypeError(_BadArgument, TypeError):
    """An argument is of the wrong type: a string where a number or a date is expected."""

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values = {
            "argument": self.argument,
            "expected": getattr(self, "_expected", None) or _text(self.expected),
            "value": _shown(self.value),
            "type": type(self.value).__name__,
        }
        return Message(N_("{argument!r} must be {expected} (got {value} of type {type})"), values)


class YearError(ArgumentError, KeyError):
    """A year with no data to work on: no annual report, no observations, outside the period.

    An :class:`ArgumentError` (a ``ValueError``) and also a ``KeyError``, so that callers which
    caught the failed look-up of a report keep working (numpy's ``AxisError`` is likewise both a
    ``ValueError`` and an ``IndexError``).

    Attributes:
        argument: The parameter's name (``"year"``, ``"base_year"``).
        value: The year given.
        years: The years that have data, sorted.
        what: What the years are, a message marked for translation (``N_("years with annual
            reports")``).
    """

    def __init__(self, argument: str, value: int, years: Sequence[int], what: str) -> None:
        listed = ", ".join(map(str, sorted(years))) or "none"
        Exception.__init__(self, argument, value, tuple(years), what)
        self.argument = argument
        self.value = value
        self.years = tuple(sorted(years))
        self.what = what
        self.expected = f"one of the {what} ({listed})"

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values = {
            "argument": self.argument,
            "value": _shown(self.value),
            "what": _text(self.what),
            "years": self.years,
        }
        return Message(N_("no data for {value} ({argument!r}); the {what}: {years}"), values)


class ZeroAmountError(ZeroDivisionError, CityStrategyError):
    """An amount was divided by a zero amount (a rate of a zero total, a share of nothing).

    Attributes:
        dividend: The amount divided, as text (``"1 PLN"``).
        divisor: What it was divided by, as text.
    """

    def __init__(self, dividend: str, divisor: str) -> None:
        super().__init__(dividend, divisor)
        self.dividend = dividend
        self.divisor = divisor

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_("cannot divide {dividend} by {divisor}: it is zero")
        return Message(template, {"dividend": self.dividend, "divisor": self.divisor})


#: The templates of :class:`ChartDataError`, by its problem (``*`` marks a variant with a detail).
_CHART_TEMPLATES: dict[str, str] = {
    "no_rows": N_("chart {chart!r} has no rows to draw"),
    "no_numbers": N_("chart {chart!r}: the column {detail!r} has no number to draw"),
    "missing": N_(
        "pie chart {chart!r}: {detail!r} has no value, so the shares of the whole are unknown"
    ),
    "negative": N_("pie chart {chart!r}: the value of {detail!r} is negative, not a share"),
    "zero_total": N_("pie chart {chart!r}: its values add up to 0, so it has no shares to draw"),
    "no_values": N_("no observation of the indicator {chart!r} has a value to draw"),
    "no_values*": N_("no observation of the indicator {chart!r} in {detail!r} has a value to draw"),
}


class ChartDataError(ValueError, CityStrategyError):
    """A chart has nothing true to draw, so none is drawn rather than an empty or false picture.

    Attributes:
        chart: The chart's title, or the indicator's code.
        problem: What is wrong: ``"no_rows"`` (an empty table), ``"no_numbers"`` (a series
            without a single number), ``"missing"``, ``"negative"`` or ``"zero_total"`` (a pie
            cannot show a whole), ``"no_values"`` (an indicator without an observed value).
        detail: The column, category or territory concerned; ``""`` when none.
    """

    def __init__(self, chart: str, problem: str, detail: str = "") -> None:
        super().__init__(chart, problem, detail)
        self.chart = chart
        self.problem = problem
        self.detail = detail

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        key = f"{self.problem}*" if self.detail and f"{self.problem}*" in _CHART_TEMPLATES else ""
        template = _CHART_TEMPLATES.get(key or self.problem)
        if template is None:
            return Message(N_("chart {chart!r} cannot be drawn: {detail}"), self._values())
        return Message(template, self._values())

    def _values(self) -> dict[str, object]:
        return {"chart": self.chart, "detail": self.detail or self.problem}


class StrategyFolderError(ValueError, CityStrategyError):
    """A path given as a strategy data folder cannot be one: missing, a file, incomplete, or taken.

    Attributes:
        path: The path as given.
        problem: What is wrong with it, and what was expected: English text, or a
            :class:`Message` to word in any language.
    """

    def __init__(self, path: str, problem: str | Message) -> None:
        super().__init__(path, problem)
        self.path = path
        self.problem = problem

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_("strategy data folder {path!r}: {problem}")
        problem = self.problem if isinstance(self.problem, Message) else _text(self.problem)
        return Message(template, {"path": self.path, "problem": problem})


class TerytError(ValueError, CityStrategyError):
    """A text given as a TERYT (TERC) code is not one.

    Attributes:
        code: The text, as given.
        reason: Why it is not a code (``"expected 2, 4 or 7 digits"``), in English (given as
            text, or as a :class:`Message` to word in any language).
        location: Where it was found, if known.
    """

    def __init__(self, code: str, reason: str | Message, location: str | None = None) -> None:
        super().__init__(code, reason, location)
        self.code = code
        self.reason = str(reason)
        self._reason = reason if isinstance(reason, Message) else _text(reason)
        self.location = location

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        values = {"code": self.code, "reason": self._reason}
        if self.location:
            template = N_("{code!r} is not a TERYT code: {reason} ({location})")
            return Message(template, {**values, "location": self.location})
        return Message(N_("{code!r} is not a TERYT code: {reason}"), values)


class UnknownTerritoryError(KeyError, CityStrategyError):
    """No territory of the register has the name or code asked for.

    Attributes:
        query: The name or code, as given.
        close: The closest territories, as shown (``"Radom (1463011)"``).
    """

    def __init__(self, query: str, close: Sequence[str]) -> None:
        super().__init__(query, tuple(close))
        self.query = query
        self.close = tuple(close)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        if self.close:
            template = N_(
                "no territory {query!r} in the territory register (did you mean {close}?)"
            )
            return Message(template, {"query": self.query, "close": self.close})
        return Message(
            N_("no territory {query!r} in the territory register"), {"query": self.query}
        )


class AmbiguousTerritoryError(KeyError, CityStrategyError):
    """A name names several territories of the register; a TERYT code tells them apart.

    Attributes:
        query: The name, as given.
        matches: Every territory it names, as shown (``"Radom (1463011)"``).
    """

    def __init__(self, query: str, matches: Sequence[str]) -> None:
        super().__init__(query, tuple(matches))
        self.query = query
        self.matches = tuple(matches)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_("{query!r} names {count} territories: {matches}; give its TERYT code")
        values = {
            "query": self.query,
            "count": len(self.matches),
            "matches": self.matches,
        }
        return Message(template, values)


class OutputExistsError(FileExistsError, CityStrategyError):
    """A file to write exists already, and replacing it was not asked for.

    Writers never overwrite a file unless called with ``force=True`` (``--force`` on the command
    line); the existing file is left as it was.

    Attributes:
        path: The file.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_(
            "{path} exists already and was left as it is (--force, or force=True, replaces it)"
        )
        return Message(template, {"path": self.path})


class UnsupportedFormatError(ValueError, CityStrategyError):
    """A file name's extension names no format the writer knows.

    Attributes:
        path: The file name as given.
        suffix: Its extension (``""`` when it has none).
        supported: The extensions that are supported, with their dot.
    """

    def __init__(self, path: str, suffix: str, supported: Sequence[str]) -> None:
        super().__init__(path, suffix, tuple(supported))
        self.path = path
        self.suffix = suffix
        self.supported = tuple(supported)

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        supported = ", ".join(self.supported)
        if not self.suffix:
            template = N_(
                "{path} has no extension to choose the format by; the formats are {supported}"
            )
            return Message(template, {"path": self.path, "supported": supported})
        values = {"path": self.path, "suffix": self.suffix, "supported": supported}
        template = N_(
            "{path}: no report format has the extension {suffix}; the formats are {supported}"
        )
        return Message(template, values)


#: The templates of :class:`BdlRequestError`, by its kind (``*`` marks a variant with a detail).
_BDL_TEMPLATES: dict[str, str | tuple[str, str]] = {
    "status": Nn_(
        "GUS BDL answered {url} with HTTP status {status} after {count} try",
        "GUS BDL answered {url} with HTTP status {status} after {count} tries",
    ),
    "timeout": Nn_(
        "GUS BDL did not answer {url} within the timeout, {count} try",
        "GUS BDL did not answer {url} within the timeout, {count} tries",
    ),
    "unreachable": Nn_(
        "cannot reach GUS BDL at {url} ({count} try); check the network connection, or work "
        "offline from the cache",
        "cannot reach GUS BDL at {url} ({count} tries); check the network connection, or work "
        "offline from the cache",
    ),
    "refused": N_("GUS BDL refused {url} with HTTP status {status}"),
    "refused*": N_("GUS BDL refused {url} with HTTP status {status}: {detail}"),
    "malformed": Nn_(
        "GUS BDL sent {url} a body that is not the JSON expected, {count} try (it begins {detail})",
        "GUS BDL sent {url} a body that is not the JSON expected, {count} tries (it begins "
        "{detail})",
    ),
    "repeated": N_("GUS BDL sent the same page twice while paging {url}"),
    "total": N_("GUS BDL paging of {url} does not add up: records announced and received {detail}"),
}


class BdlRequestError(RuntimeError, CityStrategyError):
    """A request to GUS's Local Data Bank (BDL) failed, or its answer cannot be used.

    The URL never holds the API key (it travels in a header), so the error may be shown and
    logged as it is.

    Attributes:
        url: The request, without the key.
        kind: What went wrong: ``"status"`` (a 429 or 5xx status on every try), ``"timeout"``,
            ``"unreachable"`` (no connection), ``"refused"`` (a status that is not retried, such as
            404 or 403), ``"malformed"`` (a body that is not the JSON expected), ``"repeated"``
            (paging sent a page twice), ``"total"`` (the records received are not the total
            announced).
        detail: The server's reason (``errorReason``) as sent, the start of a malformed body, or
            the records announced and received; ``""`` if none.
        status: The last HTTP status, if an answer came.
        tries: How many tries were made.
    """

    def __init__(
        self, url: str, kind: str, detail: str = "", status: int | None = None, tries: int = 1
    ) -> None:
        super().__init__(url, kind, detail, status, tries)
        self.url = url
        self.kind = kind
        self.detail = detail
        self.status = status
        self.tries = tries

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        key = self.kind + "*" if self.kind == "refused" and self.detail else self.kind
        template = _BDL_TEMPLATES.get(key, _BDL_TEMPLATES["status"])
        values = {
            "url": self.url,
            "status": "–" if self.status is None else str(self.status),
            "detail": self.detail,
            "count": self.tries,
        }
        if isinstance(template, tuple):
            return Message(template[0], values, plural=template[1])
        return Message(template, values)


class BdlNotCachedError(LookupError, CityStrategyError):
    """Working offline, a GUS BDL request was asked for that the cache does not hold.

    Attributes:
        url: The request, without the key.
        cache_dir: The cache folder that was searched.
    """

    def __init__(self, url: str, cache_dir: str) -> None:
        super().__init__(url, cache_dir)
        self.url = url
        self.cache_dir = cache_dir

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_(
            "offline, and the GUS BDL cache {cache_dir} does not hold {url}: run it once online "
            "to fill the cache"
        )
        return Message(template, {"url": self.url, "cache_dir": self.cache_dir})


class MissingExtraError(ImportError, CityStrategyError):
    """A format needs an optional part of citystrategy (an extra) that cannot be loaded.

    Attributes:
        suffix: The format's file extension (``".pdf"``).
        extra: The extra that installs it (``"pdf"``: ``pip install 'citystrategy[pdf]'``).
        module: The Python package that could not be imported (``"weasyprint"``).
        libraries: The system libraries it needs, as Debian or Ubuntu installs them.
        reason: Why it could not be loaded (the import's own error, as Python gives it).
    """

    def __init__(self, suffix: str, extra: str, module: str, libraries: str, reason: str) -> None:
        super().__init__(suffix, extra, module, libraries, reason)
        self.suffix = suffix
        self.extra = extra
        self.module = module
        self.libraries = libraries
        self.reason = reason

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        template = N_(
            "writing {suffix} files needs the Python package {module!r}, which cannot be loaded "
            "({reason}); install it with pip install 'citystrategy[{extra}]' and its system "
            "libraries (on Debian or Ubuntu: {libraries})"
        )
        values = {
            "suffix": self.suffix,
            "module": self.module,
            "reason": self.reason,
            "extra": self.extra,
            "libraries": self.libraries,
        }
        return Message(template, values)


@attrs.frozen(kw_only=True)
class FormProblem:
    """One problem of a filled data-entry form: the file, the sheet, the cell, the text there.

    >>> problem = FormProblem(
    ...     path="cel-1.xlsx",
    ...     sheet="Wskaźniki",
    ...     cell="J5",
    ...     text="12.5",
    ...     message=Message("a dot is not a decimal separator"),
    ... )
    >>> str(problem)
    "cel-1.xlsx, sheet 'Wskaźniki', cell J5: a dot is not a decimal separator (found '12.5')"

    Attributes:
        message: What is wrong, and what was expected.
        path: The form's file.
        sheet: The sheet, if the problem is in one.
        cell: The cell in A1 notation (``"J5"``), if the problem is in one.
        text: The cell's content as typed (a formula with its ``=``), if any.
    """

    message: Message
    path: str
    sheet: str | None = None
    cell: str | None = None
    text: str | None = None

    def where(self) -> Message:
        """Where the problem is: the file, and the sheet and cell if known."""
        values: dict[str, object] = {"path": self.path}
        if self.sheet is None:
            return Message("{path}", values)
        values["sheet"] = self.sheet
        if self.cell is None:
            return Message(N_("{path}, sheet {sheet!r}"), values)
        values["cell"] = self.cell
        return Message(N_("{path}, sheet {sheet!r}, cell {cell}"), values)

    def what(self) -> Message:
        """What is wrong, with the text found if any: the problem without its place."""
        if not self.text:
            return self.message
        found = Message(N_("found {text!r}"), {"text": self.text})
        return Message("{message} ({found})", {"message": self.message, "found": found})

    def render(self, words: Words = _ENGLISH) -> str:
        """The problem in the language of *words* (English by default)."""
        return f"{self.where().render(words)}: {self.what().render(words)}"

    def __str__(self) -> str:
        return self.render()


def _same_cell(one: FormProblem, other: FormProblem) -> bool:
    return one.cell is not None and (one.path, one.sheet, one.cell) == (
        other.path,
        other.sheet,
        other.cell,
    )


class FormError(ValueError, CityStrategyError):
    """Filled forms cannot be read or merged: every problem found in them, at once.

    Its text lists the first *shown* problems (20 by default; the command lists them all) and
    then says how many more there are; ``problems`` keeps them all, each naming its file, sheet
    and cell.

    Attributes:
        problems: Every problem, as a :class:`FormProblem`.
        shown: How many of them its text lists.
    """

    def __init__(self, problems: Sequence[FormProblem], shown: int = _LISTED) -> None:
        records = tuple(problems)
        super().__init__(records, shown)
        self.problems = records
        self.shown = shown

    def to_message(self) -> Message:
        """The error's message: an English template and its values, to word in any language."""
        count = len(self.problems)
        singular, plural = Nn_("{count} problem in the forms:", "{count} problems in the forms:")
        lines: dict[str, object] = {"head": Message(singular, {"count": count}, plural=plural)}
        template = "{head}"
        shown = self.problems[: self.shown]
        for number, record in enumerate(shown):
            # the problems of one cell (a value out of range, beyond the change and outside the
            # history) under its place, said once
            first, last = number == 0, number == len(shown) - 1
            same_before = not first and _same_cell(shown[number - 1], record)
            same_after = not last and _same_cell(record, shown[number + 1])
            if same_before or same_after:
                if not same_before:
                    lines[f"w{number}"] = record.where()
                    template += f"\n  {{w{number}}}:"
                lines[f"p{number}"] = record.what()
                template += f"\n    {{p{number}}}"
            else:
                lines[f"p{number}"] = record
                template += f"\n  {{p{number}}}"
        if count > self.shown:
            lines["more"] = Message(N_("and {count} more"), {"count": count - self.shown})
            template += "\n  {more}"
        return Message(template, lines)
