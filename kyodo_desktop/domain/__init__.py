"""Pure Python rules: money (int yen), 和暦 and 年度, text normalisation, grant arithmetic. No I/O."""
