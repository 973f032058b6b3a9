"""The 市 page: the city file's table of all councils and a council's read-only detail."""
