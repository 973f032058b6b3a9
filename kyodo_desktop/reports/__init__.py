"""Printed forms and booklets (reportlab): plain domain objects in, PDF bytes out. No Qt, no SQL."""
