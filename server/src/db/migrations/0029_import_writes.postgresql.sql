-- No statement reads import_rows by (register, record_id) (undo finds a batch's rows by batch_id):
-- the index only cost every imported row a write (issue 14).
DROP INDEX import_rows_record;
