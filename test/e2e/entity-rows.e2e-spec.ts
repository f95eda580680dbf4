import { DataSource, EntityMetadata } from 'typeorm';
import { entityRows, rawAndEntities } from '@opvolging/database';
import { loadDemoData } from '@opvolging/demo';
import { TestApp } from '../support/test-app';

/**
 * Pages and loader batches build their entities with `EntityRows` (from raw rows, of a query
 * builder or of `selectFrom`'s fixed text), and a page of points its nested measures from JSON,
 * instead of TypeORM's result transformer. Both must give exactly what TypeORM gives: for every
 * entity of the product, on the demo data, the same objects (class, property names, Date,
 * 'YYYY-MM-DD', strings for bigint, nulls, arrays, JSON).
 */
describe('EntityRows hydrates what TypeORM hydrates', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    ds = t.get(DataSource);
  });
  afterAll(async () => t?.stop());

  /** By the primary key; a view without one (open_deadlines) by every column. */
  const order = (m: EntityMetadata, alias: string) =>
    (m.primaryColumns.length ? m.primaryColumns : m.columns).map((c) => `${alias}.${c.databaseName}`).join(', ');

  it('for every entity, from raw rows and from JSON', async () => {
    const compared: Record<string, number> = {};
    for (const metadata of ds.entityMetadatas) {
      const query = () => ds.createQueryBuilder(metadata.target, 'x').orderBy(order(metadata, 'x')).limit(200);
      const expected = await query().getMany();
      const { entities } = await rawAndEntities(ds.manager, query());
      expect({ entity: metadata.name, rows: entities }).toStrictEqual({ entity: metadata.name, rows: expected });

      // The same rows through the fixed text of selectFrom (the token check, the organisations by id).
      const fixed = await ds.query(`${entityRows(ds, metadata.target).selectFrom('x')} ORDER BY ${order(metadata, '"x"')} LIMIT 200`);
      expect({ entity: metadata.name, rows: entityRows(ds, metadata.target).fromRaw(fixed, 'x') }).toStrictEqual({
        entity: metadata.name,
        rows: expected,
      });

      const rows = entityRows(ds, metadata.target);
      const sql =
        `SELECT coalesce(json_agg(${rows.jsonObject('x')} ORDER BY ${order(metadata, 'x')}), '[]'::json) AS json ` +
        `FROM (SELECT * FROM ${metadata.tablePath} x ORDER BY ${order(metadata, 'x')} LIMIT 200) x`;
      const [{ json }] = await ds.query(sql).catch((error: Error) => {
        throw new Error(`${metadata.name}: ${error.message} in ${sql}`);
      });
      expect({ entity: metadata.name, rows: rows.fromJson(json) }).toStrictEqual({ entity: metadata.name, rows: expected });
      compared[metadata.name] = expected.length;
    }
    // The demo data fills most tables: the comparison is not vacuous.
    const filled = Object.entries(compared).filter(([, n]) => n > 0);
    console.log(`compared ${JSON.stringify(compared)}`);
    expect(filled.length).toBeGreaterThanOrEqual(20);
    expect(compared.Measure).toBeGreaterThan(10);
  });
});
