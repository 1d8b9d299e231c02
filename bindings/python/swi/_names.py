"""Python names for the C table's element names."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake_case(element: str) -> str:
    """``BredeIntakeUrenTaalKNM`` -> ``brede_intake_uren_taal_knm``,
    ``PVTOndertekeningsdatum`` -> ``pvt_ondertekeningsdatum``."""
    return _BOUNDARY.sub("_", element).lower()


def constant_name(meaning: str, code: str) -> str:
    """An enum member name from a code's Dutch meaning:
    ``Gezinsmigrant/overige migrant`` -> ``GEZINSMIGRANT_OVERIGE_MIGRANT``."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", meaning).strip("_").upper()
    if not name:
        name = "CODE_" + code
    if name[0].isdigit():
        name = "_" + name
    return name
