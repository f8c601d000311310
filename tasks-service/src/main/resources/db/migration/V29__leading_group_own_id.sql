-- The leading group gets an id of its own, the subject of its LeadingGroupSet events. Until now they
-- used the inspection id, so one subject carried two version sequences (the inspection's and the
-- group's) and a consumer keeping the latest version per subject dropped one of them. An existing
-- group gets a fresh id: its earlier events and audit entries stay under the inspection id.
ALTER TABLE leading_group ADD COLUMN id uuid;
UPDATE leading_group SET id = gen_random_uuid();
ALTER TABLE leading_group ALTER COLUMN id SET NOT NULL;
ALTER TABLE leading_group ADD CONSTRAINT leading_group_id UNIQUE (id);
