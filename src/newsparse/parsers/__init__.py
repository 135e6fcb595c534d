"""The parsers of the default pipeline."""
