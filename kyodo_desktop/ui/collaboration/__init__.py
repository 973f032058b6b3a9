"""協働 of a 事業: the dialog of forms, partners with 役割分担, and the 振り返り."""
