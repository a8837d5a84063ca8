-- Tips sent to one unit past its hourly threshold (a flood) are kept, not refused, and held for
-- review: an officer screens them, and any handling releases one. Nobody is silenced by a flood.
ALTER TABLE tips ADD COLUMN held_for_review INTEGER NOT NULL DEFAULT 0;
