"""Build hook: compile the gettext catalogues (``.po``, the source) into the ``.mo`` files that
the wheel carries, so that a plain ``pip install .`` ships working translations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogues(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``locale/*/LC_MESSAGES/*.po`` of the package beside itself."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write each ``.mo`` and add it to the build's artifacts (``.mo`` are git-ignored)."""
        from babel.messages import mofile, pofile

        root = Path(self.root)
        for po in sorted((root / "src" / "citystrategy" / "locale").glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as source:
                catalog = pofile.read_po(source, abort_invalid=True)
            errors = [(message.id, error) for message, error in catalog.check() if error]
            if errors:
                raise RuntimeError(f"{po}: invalid messages: {errors}")
            mo = po.with_suffix(".mo")
            with mo.open("wb") as target:
                mofile.write_mo(target, catalog)
            build_data["artifacts"].append(str(mo.relative_to(root)))
