"""kyodo_desktop/ui/accounts: one area's modules."""
