"""kyodo_desktop/ui/shell: one area's modules."""
