-- Channel groups a post goes to (issue 15): the Zalo and Facebook groups of the groups register.
-- A group may carry its id on the platform (channel_ref); where a connector for the platform is
-- configured the post is sent there, otherwise the broadcast is recorded with the group's reach
-- for the officer who posts it by hand. No foreign key to the group: a register record may be
-- deleted, the record of what was sent stays.
ALTER TABLE movement_groups ADD COLUMN channel_ref TEXT;

CREATE TABLE news_post_channels (
  post_id BIGINT NOT NULL REFERENCES news_posts (id),
  group_id BIGINT NOT NULL,
  PRIMARY KEY (post_id, group_id)
);
