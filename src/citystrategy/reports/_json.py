"""How the ``*_data`` functions type their values, so that every command's JSON reads alike.

* Exact decimals (money, values as printed) are strings in fixed-point form, never floats.
* Computed numbers are strings rounded as the text shows them (at most 16 significant digits).
* A missing value is ``None`` with its reason beside it, in the key named after it with the
  suffix :data:`MISSING_SUFFIX`: ``{"value": None, "value_missing": "missing_in_source"}``.
* A text that is not there is ``None`` with its reason too, never an empty string
  (:func:`no_blank_texts`).

The convention is written for users in the reference (``docs/reference.md``, "JSON data").
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal
from enum import StrEnum
from typing import Any, Final, TypeVar, cast

_T = TypeVar("_T")

#: Suffix of the key that says why the value of the key it extends is missing.
MISSING_SUFFIX: Final = "_missing"


class Why(StrEnum):
    """Why a value of the JSON data is missing (``null``)."""

    NOT_STATED = "not_stated"  #: the source does not give it
    MISSING_IN_SOURCE = "missing_in_source"  #: the source marks the value missing
    NO_VALUE = "no_value"  #: there is no value to compute it from
    NOT_ASSESSABLE = "not_assessable"  #: the method cannot score it
    NOT_A_SURVEY = "not_a_survey"  #: only survey indicators have sampling intervals
    NOT_CHECKABLE = "not_checkable"  #: a rate check could not be made (see its reason)
    SEVERAL_CURRENCIES = "several_currencies"  #: amounts in several currencies have no sum
    NOT_MONEY = "not_money"  #: a count or a share has no currency
    WHOLE_STRATEGY = "whole_strategy"  #: a row about the whole strategy, not one goal
    FOREIGN = "foreign"  #: a territory outside Poland has no TERYT code
    NOT_FOUND = "not_found"  #: nothing matched the query
    PARTIAL_LIST = "partial_list"  #: not on a member list that is known to be partial
    NOT_APPLICABLE = "not_applicable"  #: a kind of finding with no expected or found value
    NOT_COMPARABLE = "not_comparable"  #: a change across a break of the series (a caveat)


def put(record: dict[str, Any], key: str, value: object, why: Why) -> None:
    """Set ``record[key]`` to *value*; when it is ``None``, say *why* beside it."""
    record[key] = value
    if value is None:
        record[key + MISSING_SUFFIX] = why.value


def no_blank_texts(data: _T, why: Why) -> _T:
    """*data* with every empty text ``""`` of its records made ``None``, *why* beside it.

    >>> no_blank_texts({"note": "", "items": [{"raw": ""}], "name": "x"}, Why.NOT_STATED)
    {'note': None, 'items': [{'raw': None, 'raw_missing': 'not_stated'}], 'name': 'x', \
'note_missing': 'not_stated'}
    """
    if isinstance(data, list):
        return cast(_T, [no_blank_texts(item, why) for item in data])
    if not isinstance(data, dict):
        return data
    record: dict[str, Any] = {}
    for key, value in data.items():
        record[key] = no_blank_texts(value, why)
    for key, value in data.items():
        if value == "" and not key.endswith(MISSING_SUFFIX):
            record[key] = None
            record.setdefault(key + MISSING_SUFFIX, why.value)
    return cast(_T, record)


def exact(value: Decimal | None) -> str | None:
    """An exact decimal as a fixed-point string (``Decimal("1E+3")`` is ``"1000"``)."""
    return None if value is None else format(value, "f")


def _finite(value: object) -> Decimal | None:
    """*value* as a Decimal (a float through its shortest repr), ``None`` if missing."""
    if value is None or type(value).__name__ == "NAType":  # pandas.NA, without importing pandas
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) or math.isinf(number) else Decimal(repr(number))


def rounded(value: object, places: int) -> str | None:
    """*value* rounded half-up to *places* decimals, as the text shows it; ``None`` if missing."""
    number = _finite(value)
    if number is None:
        return None
    digits = max(28, number.adjusted() + places + 2)
    shown = number.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP, Context(prec=digits))
    return format(shown.copy_abs() if shown == 0 else shown, "f")  # "0.0", never "-0.0"


def significant(value: object, digits: int) -> str | None:
    """*value* to *digits* significant digits (a p-value), fixed-point; ``None`` if missing."""
    number = _finite(value)
    if number is None:
        return None
    if number == 0:
        return "0"
    return format(Context(prec=digits, rounding=ROUND_HALF_UP).plus(number), "f")
