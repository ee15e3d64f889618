from __future__ import annotations

from citystrategy.cli import main

raise SystemExit(main())
