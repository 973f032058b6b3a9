"""Excel/CSV import and export (openpyxl, csv). No Qt."""
