"""Russian: data only (JSON tables in this folder)."""
