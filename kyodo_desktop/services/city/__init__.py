"""From council to city: the sealed 年度報告ファイル (annual return) a council sends, and the city
data file that collects the returns of every council (issue 17)."""
