"""The user guide window (F1): the pages of services/guide with a table of contents."""
