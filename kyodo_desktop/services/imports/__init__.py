"""What was imported from files: the re-import guard (issue 12)."""
