-- An upgrade attempt remembers the sites its upgrade drops as unable to manage the new version (R3 step 3),
-- comma-separated. Until the agent reports success the server keeps the client's version and sites as they
-- were after the boundary check; the success report then applies the new version and these drops.
ALTER TABLE attempts ADD COLUMN drops TEXT NOT NULL DEFAULT '';
