import { MigrationInterface, QueryRunner } from 'typeorm';

/** Access tokens carry the account's token version; a reset, deactivation or role change bumps it. */
export class TokenVersion1763800000010 implements MigrationInterface {
  name = 'TokenVersion1763800000010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN token_version INT NOT NULL DEFAULT 0');
    // argon2id hashes are longer than bcrypt's 60 characters.
    await q.query('ALTER TABLE users MODIFY COLUMN password_hash VARCHAR(255) NOT NULL');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users DROP COLUMN token_version');
  }
}
