-- The institution a note belongs to: its author's, if the author has one. Delegates change only
-- their own institution's notes; notes of no institution are the secretariat's.
ALTER TABLE example_notes ADD COLUMN institution VARCHAR(100);
