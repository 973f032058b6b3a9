"""kyodo_desktop/services/roster: one area's modules."""
