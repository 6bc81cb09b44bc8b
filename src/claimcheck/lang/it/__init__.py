"""Italian: its word tables are the JSON files beside this module."""
