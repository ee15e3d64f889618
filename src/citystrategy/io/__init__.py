"""Input: parsing Polish values and reading strategy data files."""

from __future__ import annotations

from citystrategy.io.parse import Amount as Amount
from citystrategy.io.parse import Bound as Bound
from citystrategy.io.parse import CostReference as CostReference
from citystrategy.io.parse import MissingValue as MissingValue
from citystrategy.io.parse import SameAsAbove as SameAsAbove
from citystrategy.io.parse import parse_decimal as parse_decimal
from citystrategy.io.parse import parse_money as parse_money
from citystrategy.io.parse import parse_percent as parse_percent
from citystrategy.io.parse import parse_quantity as parse_quantity
from citystrategy.io.parse import parse_value as parse_value
from citystrategy.io.strategy_writer import write_strategy as write_strategy

__all__ = [
    "Amount",
    "Bound",
    "CostReference",
    "MissingValue",
    "SameAsAbove",
    "parse_decimal",
    "parse_money",
    "parse_percent",
    "parse_quantity",
    "parse_value",
    "write_strategy",
]
