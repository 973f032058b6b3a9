"""kyodo_desktop/ui/handbook: one area's modules."""
