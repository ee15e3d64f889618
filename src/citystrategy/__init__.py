"""citystrategy: monitoring of city development strategies.

The main nouns, the errors, the unit registry and :func:`check` are importable from here;
subpackages (:mod:`citystrategy.model`, :mod:`citystrategy.io`, :mod:`citystrategy.cities`,
:mod:`citystrategy.costs`, :mod:`citystrategy.formatting`, :mod:`citystrategy.frames`) hold
the rest.

>>> from citystrategy.cities import kielce
>>> strategy = kielce.load()
>>> strategy.title
'Strategia Rozwoju Miasta Kielce 2030+ w kierunku Smart City'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names

if TYPE_CHECKING:
    from citystrategy.errors import ArgumentError as ArgumentError
    from citystrategy.errors import ArgumentTypeError as ArgumentTypeError
    from citystrategy.errors import CityStrategyError as CityStrategyError
    from citystrategy.errors import CityStrategyWarning as CityStrategyWarning
    from citystrategy.errors import CurrencyMismatchError as CurrencyMismatchError
    from citystrategy.errors import DataFileError as DataFileError
    from citystrategy.errors import FrameError as FrameError
    from citystrategy.errors import ModelError as ModelError
    from citystrategy.errors import ParseError as ParseError
    from citystrategy.errors import StrategyFolderError as StrategyFolderError
    from citystrategy.errors import UnitError as UnitError
    from citystrategy.errors import UnknownCityError as UnknownCityError
    from citystrategy.errors import UnknownCodeError as UnknownCodeError
    from citystrategy.errors import YearError as YearError
    from citystrategy.errors import ZeroAmountError as ZeroAmountError
    from citystrategy.model import ActionDirection as ActionDirection
    from citystrategy.model import Direction as Direction
    from citystrategy.model import Indicator as Indicator
    from citystrategy.model import Level as Level
    from citystrategy.model import Missing as Missing
    from citystrategy.model import Observation as Observation
    from citystrategy.model import OperationalGoal as OperationalGoal
    from citystrategy.model import Project as Project
    from citystrategy.model import StrategicGoal as StrategicGoal
    from citystrategy.model import Strategy as Strategy
    from citystrategy.model import Target as Target
    from citystrategy.model import TargetKind as TargetKind
    from citystrategy.model import Territory as Territory
    from citystrategy.money import ExchangeRate as ExchangeRate
    from citystrategy.money import Money as Money
    from citystrategy.units import Q_ as Q_
    from citystrategy.units import ureg as ureg
    from citystrategy.validation import Finding as Finding
    from citystrategy.validation import FindingKind as FindingKind
    from citystrategy.validation import ValidationReport as ValidationReport
    from citystrategy.validation import check as check

    __version__: str

#: Where each re-exported name lives: it is imported from there on first use (PEP 562), so that
#: ``import citystrategy.cli`` (and ``citystrategy --help``) loads neither pint nor pandas.
_EXPORTS: Final = {
    "ArgumentError": "citystrategy.errors",
    "ArgumentTypeError": "citystrategy.errors",
    "CityStrategyError": "citystrategy.errors",
    "CityStrategyWarning": "citystrategy.errors",
    "CurrencyMismatchError": "citystrategy.errors",
    "DataFileError": "citystrategy.errors",
    "FrameError": "citystrategy.errors",
    "ModelError": "citystrategy.errors",
    "ParseError": "citystrategy.errors",
    "StrategyFolderError": "citystrategy.errors",
    "UnitError": "citystrategy.errors",
    "UnknownCityError": "citystrategy.errors",
    "UnknownCodeError": "citystrategy.errors",
    "YearError": "citystrategy.errors",
    "ZeroAmountError": "citystrategy.errors",
    "ActionDirection": "citystrategy.model",
    "Direction": "citystrategy.model",
    "Indicator": "citystrategy.model",
    "Level": "citystrategy.model",
    "Missing": "citystrategy.model",
    "Observation": "citystrategy.model",
    "OperationalGoal": "citystrategy.model",
    "Project": "citystrategy.model",
    "StrategicGoal": "citystrategy.model",
    "Strategy": "citystrategy.model",
    "Target": "citystrategy.model",
    "TargetKind": "citystrategy.model",
    "Territory": "citystrategy.model",
    "ExchangeRate": "citystrategy.money",
    "Money": "citystrategy.money",
    "Q_": "citystrategy.units",
    "ureg": "citystrategy.units",
    "Finding": "citystrategy.validation",
    "FindingKind": "citystrategy.validation",
    "ValidationReport": "citystrategy.validation",
    "check": "citystrategy.validation",
}

if not TYPE_CHECKING:
    _getattr, __dir__ = lazy_names(__name__, globals(), _EXPORTS)

    def __getattr__(name: str) -> object:
        """A re-exported name (or ``__version__``), imported on first use and kept."""
        if name == "__version__":
            from importlib.metadata import version

            globals()[name] = version("citystrategy")
            return globals()[name]
        return _getattr(name)


__all__ = [
    "Q_",
    "ActionDirection",
    "ArgumentError",
    "ArgumentTypeError",
    "CityStrategyError",
    "CityStrategyWarning",
    "CurrencyMismatchError",
    "DataFileError",
    "Direction",
    "ExchangeRate",
    "Finding",
    "FindingKind",
    "FrameError",
    "Indicator",
    "Level",
    "Missing",
    "ModelError",
    "Money",
    "Observation",
    "OperationalGoal",
    "ParseError",
    "Project",
    "StrategicGoal",
    "Strategy",
    "StrategyFolderError",
    "Target",
    "TargetKind",
    "Territory",
    "UnitError",
    "UnknownCityError",
    "UnknownCodeError",
    "ValidationReport",
    "YearError",
    "ZeroAmountError",
    "__version__",
    "check",
    "ureg",
]
