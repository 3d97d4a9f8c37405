"""briefing: a terminal browser for structured briefs written in TOML."""

__version__ = "0.1.0"
