-- The first schema, for both engines ({identity} is each engine's auto-numbered key). Times are Unix
-- milliseconds (UTC); versions and codes are canonical text.
CREATE TABLE sites (
    code        TEXT PRIMARY KEY,
    name        TEXT NULL,
    version     TEXT NOT NULL,
    boundaries  TEXT NOT NULL,           -- canonical boundaries, one per line
    revision    BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE logon_points (
    name        TEXT PRIMARY KEY,
    senior      TEXT NULL REFERENCES sites(code),
    secret_hash TEXT NOT NULL,
    revision    BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE logon_point_sites (
    logon_point TEXT NOT NULL REFERENCES logon_points(name) ON DELETE CASCADE,
    site        TEXT NOT NULL REFERENCES sites(code),
    PRIMARY KEY (logon_point, site)
);
CREATE INDEX logon_point_sites_site ON logon_point_sites(site);

CREATE TABLE packages (
    version      TEXT PRIMARY KEY,
    sha256       TEXT NOT NULL UNIQUE,
    size         BIGINT NOT NULL,
    entry_point  TEXT NOT NULL,
    files        BIGINT NOT NULL,
    manifest     TEXT NOT NULL,          -- the signed manifest bytes, base64
    signature    TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL
);

CREATE TABLE clients (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    secret_hash       TEXT NOT NULL,
    installed         TEXT NULL,
    sites             TEXT NOT NULL,     -- assigned site codes, sorted, comma-separated
    addresses         TEXT NOT NULL,     -- canonical addresses, comma-separated
    travel            BIGINT NOT NULL,
    last_outcome      TEXT NULL,
    last_decision     BIGINT NULL,
    last_decision_key TEXT NULL,
    last_seen         BIGINT NULL,
    enrolled_at       BIGINT NOT NULL,
    upgrade_version   TEXT NULL,
    upgrade_succeeded BIGINT NULL,
    upgrade_message   TEXT NULL,
    upgrade_at        BIGINT NULL,
    revision          BIGINT NOT NULL
);
CREATE INDEX clients_installed ON clients(installed);
CREATE INDEX clients_last_outcome ON clients(last_outcome);
CREATE INDEX clients_last_seen ON clients(last_seen);

CREATE TABLE client_sites (
    client TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    site   TEXT NOT NULL,
    PRIMARY KEY (client, site)
);
CREATE INDEX client_sites_site ON client_sites(site, client);

CREATE TABLE decisions (
    id             {identity},
    client         TEXT NULL,            -- null: a computer that got nothing and was not enrolled
    computer       TEXT NOT NULL,
    at             BIGINT NOT NULL,
    last_at        BIGINT NOT NULL,
    repeats        BIGINT NOT NULL,
    cause          TEXT NOT NULL,        -- logon, install, maintenance
    via            TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    kind           TEXT NULL,
    version_before TEXT NULL,
    version_after  TEXT NULL,
    sites_before   TEXT NOT NULL,
    sites_after    TEXT NOT NULL,
    reason         TEXT NOT NULL
);
CREATE INDEX decisions_client ON decisions(client, id);

CREATE TABLE audit (
    id      {identity},
    at      BIGINT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT NOT NULL,
    details TEXT NOT NULL
);

CREATE TABLE admin_tokens (
    hash       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE signing_keys (
    id          TEXT PRIMARY KEY,
    private_key TEXT NOT NULL,           -- PKCS#8, base64
    public_key  TEXT NOT NULL,           -- SubjectPublicKeyInfo, base64
    created_at  BIGINT NOT NULL
);
