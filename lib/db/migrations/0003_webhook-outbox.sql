-- The webhook outbox (issue 11, item 1): a delivery is written in the comment's own transaction, so
-- a stored comment always has its notification, and one that a crash, a restart or a receiver
-- outage interrupted is delivered later (lib/comments/webhook-outbox.ts). `payload` is the JSON sent,
-- fixed when the comment was stored; the URL is the one configured when it is sent.
create table webhook_deliveries (
  id integer generated always as identity primary key,
  comment_id integer not null references comments (id) on delete cascade,
  payload jsonb not null,
  created_at timestamptz not null default now(),
  -- Attempts started so far; an attempt claims the row until `next_attempt_at`, which is also when
  -- the next attempt may start (the backoff), so two processes never send the same delivery at once.
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  delivered_at timestamptz,
  last_error text
);

-- The deliveries still to make, oldest first.
create index webhook_deliveries_pending_idx on webhook_deliveries (id) where delivered_at is null;
