"""今年度の流れ: the council's yearly steps in order, each with its state (services/year_path)."""
