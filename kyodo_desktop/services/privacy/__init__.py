"""The personal data register (個人情報の取扱い): per person the 利用目的 agreed to and when,
the 避難行動要支援者 mark, people who left (退会・死亡・転出) and their 保存期間, and the 提供記録
of every print or export that hands personal data to someone (個人情報保護法 第27条: 第三者提供
needs consent; 第29条: a record of each provision; 災害対策基本法 第49条の11: the
避難行動要支援者名簿 goes to 避難支援等関係者 only with the person's consent)."""
