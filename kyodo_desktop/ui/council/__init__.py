"""kyodo_desktop/ui/council: one area's modules."""
