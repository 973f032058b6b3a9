"""今年度の流れ: the home page of the year's steps (ui/year_path)."""
