"""The command line: one module per command group (``main`` parses and dispatches)."""

from .entry import main

__all__ = ["main"]
