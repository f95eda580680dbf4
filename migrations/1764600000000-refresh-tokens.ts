import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions: rotating refresh tokens, grouped in families (one family per sign-in). Like
 * password_reset_tokens, only SHA-256 hashes of the secrets are stored, only the system itself
 * (no acting user) may touch the rows, and the table has no history trigger: its rows are
 * credentials, not case data, and are deleted by retention.
 */
export class RefreshTokens1764600000000 implements MigrationInterface {
  name = 'RefreshTokens1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        -- The account's token_version when the family started: a raised version ends the family.
        token_version integer NOT NULL,
        created_at timestamptz NOT NULL,
        -- The family's absolute end, the same on every token of the family.
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        -- The successor, encrypted with a key derived from this token (so only its holder can read
        -- it): handed out once more within the grace window when two tabs refresh at once.
        successor_sealed text,
        grace_used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('SIGNED_OUT', 'REUSED', 'ACCOUNT_CHANGED')),
        CONSTRAINT refresh_tokens_revoked_reason CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      );
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
      CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
      CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);

      ALTER TABLE refresh_tokens ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY system_only ON refresh_tokens USING (app_role() = 'SYSTEM') WITH CHECK (app_role() = 'SYSTEM');
      GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens TO opvolging_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
  }
}
