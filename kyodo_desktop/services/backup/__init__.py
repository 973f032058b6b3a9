"""kyodo_desktop/services/backup: one area's modules."""
