"""kyodo_desktop/ui/reports: one area's modules."""
