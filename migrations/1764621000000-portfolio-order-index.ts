import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portfolio's keyset index was added to 1764400000000 after that migration had been applied,
 * so databases migrated before the edit lack it. This creates it where it is missing, with the
 * same definition; released migrations are checked against migrations/checksums.json from now on.
 */
export class PortfolioOrderIndex1764621000000 implements MigrationInterface {
  name = 'PortfolioOrderIndex1764621000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS investigations_portfolio_order_idx ON investigations ((coalesce(publication_date, DATE '9999-12-31')) DESC, id DESC)`,
    );
  }

  async down(): Promise<void> {
    // Nothing: 1764400000000 owns the index (its down drops it); this only repaired databases that lacked it.
  }
}
