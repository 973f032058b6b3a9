"""kyodo_desktop/services/plan: one area's modules."""
