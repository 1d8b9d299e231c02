"""Python names for the C table's element names."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def snake_case(element: str) -> str:
    """``BredeIntakeUrenTaalKNM`` -> ``brede_intake_uren_taal_knm``,
    ``PVTOndertekeningsdatum`` -> ``pvt_ondertekeningsdatum``."""
    return _BOUNDARY.sub("_", element).lower()

