"""The 会議・総会 page: meetings of the year, their attendance, 議案 and results, and printing."""
