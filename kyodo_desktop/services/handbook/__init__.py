"""kyodo_desktop/services/handbook: one area's modules."""
