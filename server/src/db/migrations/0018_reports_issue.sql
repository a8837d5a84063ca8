-- Issuing a report (a numbered official document) is the steering committee's act, not every
-- reader's: its own permission, held by steering and administrators.
INSERT INTO role_permissions (role, permission) VALUES ('steering', 'reports.issue'), ('admin', 'reports.issue');
