"""Matching Polish place names as people write them: diacritics, abbreviations, prefixes."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

#: Abbreviations of Polish place names, expanded (to adjective stems) before comparing.
_ABBREVIATIONS: Final = {
    "wlkp": "wielkopolsk",
    "maz": "mazowieck",
    "gd": "gdansk",
    "sl": "slask",
    "sw": "swiet",
    "n": "nad",
}
#: Adjective endings of place names (Gorzów Wielkopolski, Rawa Mazowiecka, Ruda Śląska …).
_ADJECTIVE_RE: Final = re.compile(r"(?<=[sc]k)(i|a|ie)$")
_PREFIXES: Final = (
    "miasto na prawach powiatu ",
    "miasto ",
    "gmina miejska ",
    "gmina ",
    "m. ",
    "m.st. ",
)


def normalise_name(name: str) -> str:
    """A comparable form of a place name: ``"Gorzów Wlkp."`` and ``"gorzow wielkopolski"`` agree.

    >>> normalise_name("Gorzów Wlkp.") == normalise_name("GORZÓW WIELKOPOLSKI")
    True
    >>> normalise_name("Gąbin (k/Płocka)")
    'gabin'
    >>> normalise_name("Rawa Maz.") == normalise_name("Rawa Mazowiecka")
    True
    """
    text = name.replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"\(.*?\)", " ", text)  # "(k/Płocka)"
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    words = re.split(r"[\s\-–.]+", text)
    words = [_ABBREVIATIONS.get(word, _ADJECTIVE_RE.sub("", word)) for word in words if word]
    return " ".join(words)
