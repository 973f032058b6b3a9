"""kyodo_desktop/services/forms: one area's modules."""
