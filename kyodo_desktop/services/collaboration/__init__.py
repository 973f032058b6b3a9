"""協働 on every 事業: the partner register, the forms of collaboration, 役割分担 and the
振り返り scoring each principle (seeds 000, 002, 003, 004; issue 17)."""
