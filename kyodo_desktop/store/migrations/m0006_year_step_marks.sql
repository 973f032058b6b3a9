-- kyodo-desktop schema, step 6: the steps of the year the records cannot show by themselves
-- (今年度の流れ, services/year_path): e.g. the day the 手引き was printed. One mark per
-- council, 年度 and step; the latest date wins.

CREATE TABLE year_step_marks (
    council_id INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
    step TEXT NOT NULL CHECK (step IN ('handbook')),
    done_on TEXT NOT NULL CHECK (done_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    PRIMARY KEY (council_id, fiscal_year, step)
) STRICT;
