"""提出前の点検 (submission review): every rule a city reviewer applies to a council-year's
printed set, one module per rule group (dates, attachments, totals, indicators, books); the
runner is :mod:`kyodo_desktop.services.review.run`. Source: issue 13."""
