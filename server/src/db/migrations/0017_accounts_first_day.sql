-- A password an administrator gave (a new account, a reset) is temporary: its owner must choose
-- their own at first login before doing anything else.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
