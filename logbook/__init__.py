"""logbook: a command-line logbook of community activities."""

__version__ = "0.3.0"
