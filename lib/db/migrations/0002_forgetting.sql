-- What the comments keep about their writers, and for how long (issue 10, items 8 and 11):
-- `idempotency_key` now holds a hash of the client, the post and the key the client sent, so one
-- client's key never matches another's, and it is cleared after 24 hours; `client_hash` is cleared
-- once it is older than every window that reads it. Keys stored before this migration were global:
-- they are dropped (a retry of a comment posted before the upgrade is then a duplicate, not a replay).
update comments set idempotency_key = null where idempotency_key is not null;

-- The two clean-ups run in every comment write's transaction, over the rows that still hold a value.
create index comments_idempotency_expiry_idx on comments (created_at) where idempotency_key is not null;
create index comments_client_hash_expiry_idx on comments (created_at) where client_hash is not null;
