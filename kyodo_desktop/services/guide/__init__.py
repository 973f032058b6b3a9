"""使い方ガイド (the user guide): its pages, read from ``resources/guide/``."""
