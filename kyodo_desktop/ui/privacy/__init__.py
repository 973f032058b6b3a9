"""The personal data register on screen: the 個人情報 tab of the roster page, the 提供先 question before a print or export with personal data, the 保存期間 and deletion dialog."""
