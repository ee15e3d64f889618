"""The GUS Local Data Bank (Bank Danych Lokalnych, BDL) API v1: a client that works offline.

:class:`Client` fetches variables, units and data, paged, paced within the published quotas,
retried, timed out and cached on disk; with ``offline=True`` it reads only its cache. Data come
back as the library's long frame (:mod:`citystrategy.frames`) with TERYT codes, a value's flag
(its BDL attribute) and NaN, never 0, for a value BDL marks missing. See
``docs/howto/fetch-bdl.md``.

Built on httpx (requests, timeouts) and tenacity (retries); both are dependencies.
"""

from __future__ import annotations

from citystrategy.io.bdl._client import DEFAULT_BASE_URL as DEFAULT_BASE_URL
from citystrategy.io.bdl._client import LEVELS as LEVELS
from citystrategy.io.bdl._client import PAGE_SIZE as PAGE_SIZE
from citystrategy.io.bdl._client import Client as Client
from citystrategy.io.bdl._client import Unit as Unit
from citystrategy.io.bdl._client import Variable as Variable
from citystrategy.io.bdl._http import ANONYMOUS_QUOTAS as ANONYMOUS_QUOTAS
from citystrategy.io.bdl._http import KEY_QUOTAS as KEY_QUOTAS
from citystrategy.io.bdl._http import RETRIED_STATUSES as RETRIED_STATUSES
from citystrategy.io.bdl._http import Quota as Quota
from citystrategy.io.bdl._values import ATTRIBUTES as ATTRIBUTES
from citystrategy.io.bdl._values import MISSING_ATTRIBUTES as MISSING_ATTRIBUTES
from citystrategy.io.bdl._values import UNIT_NAMES as UNIT_NAMES
from citystrategy.io.bdl._values import flag as flag
from citystrategy.io.bdl._values import registry_unit as registry_unit
from citystrategy.io.bdl._values import to_teryt as to_teryt

__all__ = [
    "ANONYMOUS_QUOTAS",
    "ATTRIBUTES",
    "DEFAULT_BASE_URL",
    "KEY_QUOTAS",
    "LEVELS",
    "MISSING_ATTRIBUTES",
    "PAGE_SIZE",
    "RETRIED_STATUSES",
    "UNIT_NAMES",
    "Client",
    "Quota",
    "Unit",
    "Variable",
    "flag",
    "registry_unit",
    "to_teryt",
]
