-- A reader may edit or delete their own comment for a while after posting it (issue 12): the POST's
-- answer carries a random secret, of which only the SHA-256 (hex) is kept here. `edited_at` marks an
-- edited comment ("edited" on the page); `edit_count` caps how often one comment is rewritten (every
-- edit rebuilds the post's cached page). Comments stored before this migration have no secret and
-- cannot be edited.
alter table comments add column edit_secret_hash text;
alter table comments add column edited_at timestamptz;
alter table comments add column edit_count integer not null default 0;

-- The author's feed of new comments (/comments.xml): the latest published comments of the site.
create index comments_published_recent_idx on comments (created_at desc, id desc) where status = 'published';
