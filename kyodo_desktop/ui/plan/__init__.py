"""kyodo_desktop/ui/plan: one area's modules."""
