"""kyodo_desktop/ui/backup: one area's modules."""
