"""kyodo_desktop/services/council: one area's modules."""
