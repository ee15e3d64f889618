"""The domain model: frozen attrs classes, no I/O, no pandas, no babel.

Build objects with keyword arguments; change them with :func:`attrs.evolve`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from citystrategy._lazy import lazy_names

if TYPE_CHECKING:
    from citystrategy.model._links import ProgramLink as ProgramLink
    from citystrategy.model.indicator import Direction as Direction
    from citystrategy.model.indicator import Indicator as Indicator
    from citystrategy.model.indicator import Level as Level
    from citystrategy.model.indicator import Missing as Missing
    from citystrategy.model.indicator import Observation as Observation
    from citystrategy.model.indicator import Target as Target
    from citystrategy.model.indicator import TargetKind as TargetKind
    from citystrategy.model.indicator import ValueRange as ValueRange
    from citystrategy.model.program import Catalogue as Catalogue
    from citystrategy.model.program import CityProfile as CityProfile
    from citystrategy.model.program import Derivation as Derivation
    from citystrategy.model.program import Edition as Edition
    from citystrategy.model.program import Figure as Figure
    from citystrategy.model.program import FigureKind as FigureKind
    from citystrategy.model.program import Output as Output
    from citystrategy.model.program import Participant as Participant
    from citystrategy.model.program import ParticipantRole as ParticipantRole
    from citystrategy.model.program import Partner as Partner
    from citystrategy.model.program import PartnerRole as PartnerRole
    from citystrategy.model.program import Program as Program
    from citystrategy.model.program import ProgramEvent as ProgramEvent
    from citystrategy.model.program import ProgramNote as ProgramNote
    from citystrategy.model.program import Rate as Rate
    from citystrategy.model.program import RateKind as RateKind
    from citystrategy.model.program import Source as Source
    from citystrategy.model.project import GoalLink as GoalLink
    from citystrategy.model.project import Implementer as Implementer
    from citystrategy.model.project import ImplementerKind as ImplementerKind
    from citystrategy.model.project import Project as Project
    from citystrategy.model.strategy import ActionDirection as ActionDirection
    from citystrategy.model.strategy import AdoptedDocument as AdoptedDocument
    from citystrategy.model.strategy import AnnualReport as AnnualReport
    from citystrategy.model.strategy import DeclaredGoalFigures as DeclaredGoalFigures
    from citystrategy.model.strategy import DeclaredSummary as DeclaredSummary
    from citystrategy.model.strategy import DocumentGoal as DocumentGoal
    from citystrategy.model.strategy import MonitoringRules as MonitoringRules
    from citystrategy.model.strategy import OperationalGoal as OperationalGoal
    from citystrategy.model.strategy import ReportSection as ReportSection
    from citystrategy.model.strategy import StrategicGoal as StrategicGoal
    from citystrategy.model.strategy import Strategy as Strategy
    from citystrategy.model.territory import Membership as Membership
    from citystrategy.model.territory import MembershipStatus as MembershipStatus
    from citystrategy.model.territory import Territory as Territory
    from citystrategy.model.territory import TerritoryKind as TerritoryKind
    from citystrategy.model.territory import TerritoryRegister as TerritoryRegister
    from citystrategy.model.territory import TerytLevel as TerytLevel

#: Names imported on first use (PEP 562): a strategy loads without the programme catalogue's
#: classes, which take time to build.
_LAZY: Final = {
    "Direction": "citystrategy.model.indicator",
    "Indicator": "citystrategy.model.indicator",
    "Level": "citystrategy.model.indicator",
    "Missing": "citystrategy.model.indicator",
    "Observation": "citystrategy.model.indicator",
    "Target": "citystrategy.model.indicator",
    "TargetKind": "citystrategy.model.indicator",
    "ValueRange": "citystrategy.model.indicator",
    "Catalogue": "citystrategy.model.program",
    "CityProfile": "citystrategy.model.program",
    "Derivation": "citystrategy.model.program",
    "Edition": "citystrategy.model.program",
    "Figure": "citystrategy.model.program",
    "FigureKind": "citystrategy.model.program",
    "Output": "citystrategy.model.program",
    "Participant": "citystrategy.model.program",
    "ParticipantRole": "citystrategy.model.program",
    "Partner": "citystrategy.model.program",
    "PartnerRole": "citystrategy.model.program",
    "Program": "citystrategy.model.program",
    "ProgramEvent": "citystrategy.model.program",
    "ProgramLink": "citystrategy.model._links",
    "ProgramNote": "citystrategy.model.program",
    "Rate": "citystrategy.model.program",
    "RateKind": "citystrategy.model.program",
    "Source": "citystrategy.model.program",
    "GoalLink": "citystrategy.model.project",
    "Implementer": "citystrategy.model.project",
    "ImplementerKind": "citystrategy.model.project",
    "Project": "citystrategy.model.project",
    "ActionDirection": "citystrategy.model.strategy",
    "AdoptedDocument": "citystrategy.model.strategy",
    "AnnualReport": "citystrategy.model.strategy",
    "DeclaredGoalFigures": "citystrategy.model.strategy",
    "DeclaredSummary": "citystrategy.model.strategy",
    "DocumentGoal": "citystrategy.model.strategy",
    "MonitoringRules": "citystrategy.model.strategy",
    "OperationalGoal": "citystrategy.model.strategy",
    "ReportSection": "citystrategy.model.strategy",
    "StrategicGoal": "citystrategy.model.strategy",
    "Strategy": "citystrategy.model.strategy",
    "Membership": "citystrategy.model.territory",
    "MembershipStatus": "citystrategy.model.territory",
    "Territory": "citystrategy.model.territory",
    "TerritoryKind": "citystrategy.model.territory",
    "TerritoryRegister": "citystrategy.model.territory",
    "TerytLevel": "citystrategy.model.territory",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_names(__name__, globals(), _LAZY)

__all__ = [
    "ActionDirection",
    "AdoptedDocument",
    "AnnualReport",
    "Catalogue",
    "CityProfile",
    "DeclaredGoalFigures",
    "DeclaredSummary",
    "Derivation",
    "Direction",
    "DocumentGoal",
    "Edition",
    "Figure",
    "FigureKind",
    "GoalLink",
    "Implementer",
    "ImplementerKind",
    "Indicator",
    "Level",
    "Membership",
    "MembershipStatus",
    "Missing",
    "MonitoringRules",
    "Observation",
    "OperationalGoal",
    "Output",
    "Participant",
    "ParticipantRole",
    "Partner",
    "PartnerRole",
    "Program",
    "ProgramEvent",
    "ProgramLink",
    "ProgramNote",
    "Project",
    "Rate",
    "RateKind",
    "ReportSection",
    "Source",
    "StrategicGoal",
    "Strategy",
    "Target",
    "TargetKind",
    "Territory",
    "TerritoryKind",
    "TerritoryRegister",
    "TerytLevel",
    "ValueRange",
]
