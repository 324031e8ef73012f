"""spaCy-based extraction. No spaCy object leaves this package: it returns `records` dataclasses."""
