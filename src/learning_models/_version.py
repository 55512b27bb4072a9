"""The library's version, recorded in every evaluation's provenance."""

__version__ = "0.1.0"
