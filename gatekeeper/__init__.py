"""GateKeeper: the entry checkpoint of a worksite gate."""

__version__ = "0.1.0"
