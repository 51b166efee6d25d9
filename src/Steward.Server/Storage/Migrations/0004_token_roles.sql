-- Named administrator tokens with roles (decision 0013). Every token has a role (viewer, operator,
-- admin), may expire, and is revoked rather than deleted, so that the audit log's names keep meaning one
-- token: a name is never reused. A database made before roles keeps its one token as an admin token.
ALTER TABLE admin_tokens ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';
ALTER TABLE admin_tokens ADD COLUMN expires_at BIGINT NULL;
ALTER TABLE admin_tokens ADD COLUMN revoked_at BIGINT NULL;
ALTER TABLE admin_tokens ADD COLUMN last_used_at BIGINT NULL;
CREATE UNIQUE INDEX admin_tokens_name ON admin_tokens (name);
