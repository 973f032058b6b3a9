"""kyodo_desktop/demo: one area's modules."""
