-- A reporter may ask to be told by e-mail when the police answer or decide (issue 18, item 17).
-- The address is personal data like the reporter's identity: sealed with the data key (purpose
-- tip-notify-email) and never stored in clear, with a keyed hash so that one address can be found
-- (and erased) without opening every row. One address per tip; asking again replaces it.
CREATE TABLE tip_notify_subscriptions (
  tip_id BIGINT PRIMARY KEY REFERENCES tips (id),
  email_sealed TEXT NOT NULL,
  email_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX tip_notify_subscriptions_email ON tip_notify_subscriptions (email_hash);

-- The one-click unsubscribe links: each e-mail carries its own random token, stored only as a
-- keyed hash. Ending a subscription deletes its tokens, so an old link cannot end a new one.
CREATE TABLE tip_notify_tokens (
  token_hash TEXT PRIMARY KEY,
  tip_id BIGINT NOT NULL REFERENCES tips (id),
  created_at TEXT NOT NULL
);
CREATE INDEX tip_notify_tokens_tip ON tip_notify_tokens (tip_id);
