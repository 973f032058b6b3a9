"""kyodo_desktop/ui/roster: one area's modules."""
