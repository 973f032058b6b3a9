"""kyodo_desktop/ui/settings: one area's modules."""
