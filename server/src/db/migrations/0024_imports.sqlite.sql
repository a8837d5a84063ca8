-- Spreadsheet imports (issue 14, modules/imports owns these tables). A batch is one uploaded file
-- for one register; its rows remember the key of what they wrote, so the same row uploaded again
-- is recognised (unchanged, nothing created) and an undo knows exactly which records were its own.
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL,
  username TEXT NOT NULL,
  principal TEXT NOT NULL,           -- who ran it, as checked at upload (JSON): the background run acts as them
  unit_path TEXT NOT NULL,           -- the importer's area: one import at a time per area, queued in order
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  stored_name TEXT NOT NULL,         -- the upload under <attachments>/imports until the batch ends
  sheet TEXT,
  mapping TEXT NOT NULL,             -- JSON: sheet column → field
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'undone')),
  total_rows INTEGER NOT NULL DEFAULT 0,
  processed INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]', -- JSON: [{row, column, message}], the first 1,000
  failed_rows TEXT,                  -- JSON: {header, rows: [{row, cells, error}]}, for the failed-rows file
  message TEXT NOT NULL DEFAULT '',  -- why a batch failed as a whole
  undo_kept TEXT,                    -- JSON: records an undo left because they were edited since
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  undone_at TEXT
);
CREATE INDEX import_batches_status ON import_batches (status, id);
CREATE INDEX import_batches_register ON import_batches (register, id);

CREATE TABLE import_rows (
  batch_id INTEGER NOT NULL REFERENCES import_batches (id),
  row_number INTEGER NOT NULL,
  register TEXT NOT NULL,
  row_key TEXT NOT NULL,             -- SHA-256 of the register and the row's values as the API took them
  record_id INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('created', 'updated')),
  PRIMARY KEY (batch_id, row_number)
);
CREATE INDEX import_rows_key ON import_rows (register, row_key);
CREATE INDEX import_rows_record ON import_rows (register, record_id);

-- The column mapping a person confirmed, per register: their next file is read the same way.
CREATE TABLE import_mappings (
  username TEXT NOT NULL,
  register TEXT NOT NULL,
  mapping TEXT NOT NULL,             -- JSON: {folded header: field}
  updated_at TEXT NOT NULL,
  PRIMARY KEY (username, register)
);
