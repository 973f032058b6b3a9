"""The council's meetings and papers: 総会・理事会・役員会・部会・実行委員会 with attendance,
議案 and results (:mod:`.records`, :mod:`.agenda`), the 規約 and its 定足数 rules
(:mod:`.rules`), the printed 議事録 (:mod:`.minutes`) and the 総会議案書 (:mod:`.assembly`)."""
