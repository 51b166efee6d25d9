-- Signing-key rotation (decision 0015). Keys are numbered; the one key of an existing database becomes
-- key 1, active. `state` is `active` (the one that signs new enrollments and packages), `endorsed` (an
-- older key some clients still pin: their offers are signed with it, and it endorses the active key to
-- them) or `retired` (no client pins it; its private key is erased). Each client records the key it
-- pins, and each package the key that signed its stored manifest.
ALTER TABLE signing_keys ADD COLUMN number BIGINT NOT NULL DEFAULT 1;
ALTER TABLE signing_keys ADD COLUMN state TEXT NOT NULL DEFAULT 'active';
ALTER TABLE signing_keys ADD COLUMN retired_at BIGINT NULL;
CREATE UNIQUE INDEX signing_keys_number ON signing_keys (number);

ALTER TABLE clients ADD COLUMN pinned_key BIGINT NOT NULL DEFAULT 1;
CREATE INDEX clients_pinned_key ON clients (pinned_key);

ALTER TABLE packages ADD COLUMN signed_by BIGINT NOT NULL DEFAULT 1;
