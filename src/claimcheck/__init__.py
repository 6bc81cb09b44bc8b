"""claimcheck: cross-check numeric claims between news sources."""
