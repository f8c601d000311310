-- Which integration client (the api_key token's holder) submitted a request through Open311, so
-- its search answers only its own requests. A system's name, never a person of the public.
ALTER TABLE feedback ADD COLUMN api_client varchar(100);
CREATE INDEX feedback_api_client ON feedback (api_client, received_at DESC) WHERE api_client IS NOT NULL;
