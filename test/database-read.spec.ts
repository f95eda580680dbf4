import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { Database, dataSourceOptions, PLAN_PER_CALL } from '@opvolging/database';
import { Actor, Role } from '@opvolging/shared';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

/**
 * `Database.read` sends each statement in one round trip together with the acting user's
 * settings (libs/database/src/acting-query.ts). On a pool of ONE connection, so every statement
 * here, of a read or not, runs on the same pooled connection: the settings and the role apply to
 * each statement of a read, are exactly those of `Database.transaction`, and are gone afterwards.
 */
describe('Database.read: one round trip per statement, as the acting user, nothing left behind', () => {
  let database: { name: string; url: string };
  let ds: DataSource;
  let db: Database;
  const actor: Actor = {
    userId: '3f1b4c1e-0000-4000-8000-000000000001',
    role: Role.ORGANISATION_MEMBER,
    organisationId: 'a0000000-0000-4000-8000-000000000002',
  };
  const WHO = `SELECT current_user AS "user", current_setting('app.user_id') AS "userId", current_setting('app.role') AS role,
    current_setting('app.organisation_id') AS "organisationId", current_setting('app.on_behalf_of') AS "onBehalfOf",
    current_setting('transaction_read_only') AS "readOnly"`;
  const bare = async () => (await ds.query(`${WHO.replace(/current_setting\('([^']+)'\)/g, "current_setting('$1', true)")}`))[0];

  beforeAll(async () => {
    database = await createTestDatabase();
    ds = await new DataSource({ ...dataSourceOptions(database.url), extra: { max: 1 } }).initialize();
    db = new Database(ds, { DB_APP_ROLE: 'opvolging_app' } as AppConfig);
  });
  afterAll(async () => {
    await ds?.destroy();
    if (database) await dropTestDatabase(database.name);
  });

  it('sets the same user, role and application role as a transaction on every statement, read-only', async () => {
    const inTransaction = await db.transaction(actor, ({ em }) => em.query(WHO));
    const [first, second] = await db.read(actor, async ({ em }) => [
      (await em.query(WHO))[0],
      (await em.query(`${WHO}, $1::int AS n`, [7]))[0],
    ]);
    const expected = {
      user: 'opvolging_app',
      userId: actor.userId,
      role: 'ORGANISATION_MEMBER',
      organisationId: actor.organisationId,
      onBehalfOf: '',
    };
    expect(inTransaction[0]).toEqual({ ...expected, readOnly: 'off' });
    expect(first).toEqual({ ...expected, readOnly: 'on' });
    expect(second).toEqual({ ...expected, readOnly: 'on', n: 7 });
    // The system itself (null actor) as in a transaction.
    const [system] = await db.read(null, ({ em }) => em.query(WHO), { onBehalfOf: 'retention' });
    expect(system).toMatchObject({ user: 'opvolging_app', userId: '', role: 'SYSTEM', organisationId: '', onBehalfOf: 'retention' });
  });

  it('leaves nothing on the pooled connection: not after a read, not after a failed read', async () => {
    await db.read(actor, ({ em }) => em.query(WHO));
    expect(await bare()).toMatchObject({ user: 'postgres', userId: '', role: '', readOnly: 'off' });
    await expect(db.read(actor, ({ em }) => em.query(`SELECT 1 / 0`))).rejects.toThrow('division by zero');
    expect(await bare()).toMatchObject({ user: 'postgres', userId: '', readOnly: 'off' });
    // And the pg client itself is pg's again (no read's query method left on it).
    const [{ n }] = await ds.query('SELECT $1::int AS n', [3]);
    expect(n).toBe(3);
    expect(
      await ds.query(
        `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
      ),
    ).toEqual([{ open: 0 }]);
  });

  it('refuses writes and locks (read-only) and transaction control (never sent)', async () => {
    await expect(db.read(actor, ({ em }) => em.query(`CREATE TEMP TABLE x (a int)`))).rejects.toThrow(/read-only transaction/);
    await expect(db.read(actor, ({ em }) => em.query(`SELECT id FROM organisations FOR UPDATE`))).rejects.toThrow(/read-only transaction/);
    for (const control of ['START TRANSACTION', 'begin', ' COMMIT', 'ROLLBACK', 'SAVEPOINT a']) {
      await expect(db.read(actor, ({ em }) => em.query(control))).rejects.toThrow(/single statements only/);
    }
    expect(await bare()).toMatchObject({ user: 'postgres', userId: '', readOnly: 'off' });
  });

  it('applies row-level security to each statement as the acting user', async () => {
    const active = `SELECT row_security_active('improvement_plans') AS plans, row_security_active('measures') AS measures`;
    // The login role here is a superuser, which row-level security would not hold.
    expect(await ds.query(active)).toEqual([{ plans: false, measures: false }]);
    const [first, second] = await db.read(actor, async ({ em }) => [(await em.query(active))[0], (await em.query(active))[0]]);
    expect([first, second]).toEqual([
      { plans: true, measures: true },
      { plans: true, measures: true },
    ]);
  });

  describe('prepared statements: each text parsed once per connection, only once PostgreSQL confirmed it', () => {
    const preparedTexts = async () =>
      (
        (await ds.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'opvolging\\_%' ORDER BY name`)) as Array<{
          statement: string;
        }>
      ).map((r) => r.statement);

    it('parses a statement and the settings once, then binds them for every later read, as whoever acts', async () => {
      const text = `${WHO}, $1::int AS probe`;
      const before = await preparedTexts();
      const other: Actor = { userId: '3f1b4c1e-0000-4000-8000-000000000009', role: Role.INSPECTOR, organisationId: actor.organisationId };
      const answers = [];
      for (const who of [actor, other, actor]) answers.push((await db.read(who, ({ em }) => em.query(text, [answers.length])))[0]);
      expect(answers.map((a) => [a.userId, a.role, a.probe])).toEqual([
        [actor.userId, 'ORGANISATION_MEMBER', 0],
        [other.userId, 'INSPECTOR', 1],
        [actor.userId, 'ORGANISATION_MEMBER', 2],
      ]);
      const added = (await preparedTexts()).filter((t) => !before.includes(t));
      expect(added.filter((t) => t === text)).toHaveLength(1);
      expect(added.filter((t) => t.startsWith("SELECT set_config('app.user_id'")).length).toBeLessThanOrEqual(1);
    });

    it('never prepares a statement marked to be planned per call', async () => {
      const text = `${PLAN_PER_CALL} SELECT $1::int AS per_call_probe`;
      for (const n of [1, 2, 3]) expect(await db.read(actor, ({ em }) => em.query(text, [n]))).toEqual([{ per_call_probe: n }]);
      expect((await preparedTexts()).filter((t) => t.includes('per_call_probe'))).toEqual([]);
    });

    it('after a failure, sends the statement again as it came: the same error, never a missing or duplicate statement', async () => {
      const broken = `SELECT FROM WHERE broken_probe`;
      for (let i = 0; i < 2; i++) await expect(db.read(actor, ({ em }) => em.query(broken))).rejects.toThrow(/syntax error/);
      const failing = `SELECT 1 / $1::int AS failing_probe`;
      for (let i = 0; i < 3; i++) await expect(db.read(actor, ({ em }) => em.query(failing, [0]))).rejects.toThrow('division by zero');
      expect(await db.read(actor, ({ em }) => em.query(failing, [1]))).toEqual([{ failing_probe: 1 }]);
      expect(await db.read(actor, ({ em }) => em.query(failing, [2]))).toEqual([{ failing_probe: 0 }]);
      // Failures do not use up names: the text holds one, prepared, whatever failed before.
      expect((await preparedTexts()).filter((t) => t === failing)).toHaveLength(1);
      expect((await preparedTexts()).filter((t) => t === broken)).toHaveLength(0);
      expect(await bare()).toMatchObject({ user: 'postgres', userId: '', readOnly: 'off' });
    });
  });

  describe('Database.transaction: START TRANSACTION and the settings travel with its first statement', () => {
    /** What this process sends to PostgreSQL, per round trip: pg's Client.query calls. */
    const sent = async <T>(work: () => Promise<T>): Promise<{ result: T; trips: string[] }> => {
      const spy = jest.spyOn(Client.prototype, 'query');
      try {
        const result = await work();
        const trips = spy.mock.calls.map(([q]) => {
          const query = q as string | { text: string; begin?: boolean; settings?: { text: string } };
          if (typeof query === 'string') return query;
          return [query.begin ? 'START TRANSACTION' : '', query.settings ? 'settings' : '', query.text].filter(Boolean).join('; ');
        });
        return { result, trips };
      } finally {
        spy.mockRestore();
      }
    };

    it('sends the transaction in one round trip per statement plus COMMIT, as the acting user throughout', async () => {
      const { result, trips } = await sent(() =>
        db.transaction(actor, async ({ em }) => [(await em.query(WHO))[0], (await em.query(`${WHO}, $1::int AS n`, [7]))[0]]),
      );
      expect(trips).toEqual([`START TRANSACTION; settings; ${WHO}`, `${WHO}, $1::int AS n`, 'COMMIT']);
      const expected = { user: 'opvolging_app', userId: actor.userId, role: 'ORGANISATION_MEMBER', readOnly: 'off' };
      expect(result).toEqual([expect.objectContaining(expected), expect.objectContaining({ ...expected, n: 7 })]);
      expect(await bare()).toMatchObject({ user: 'postgres', userId: '', role: '', readOnly: 'off' });
    });

    it('is one transaction: a later failure takes back what the first statement wrote', async () => {
      await ds.query(`CREATE TABLE IF NOT EXISTS tx_probe (a int)`);
      await ds.query(`GRANT INSERT, SELECT ON tx_probe TO opvolging_app`);
      await expect(
        db.transaction(actor, async ({ em }) => {
          await em.query(`INSERT INTO tx_probe VALUES (1)`);
          await em.query(`SELECT 1 / 0`);
        }),
      ).rejects.toThrow('division by zero');
      expect(await ds.query(`SELECT count(*)::int AS n FROM tx_probe`)).toEqual([{ n: 0 }]);
      await db.transaction(actor, ({ em }) => em.query(`INSERT INTO tx_probe VALUES (2)`));
      expect(await ds.query(`SELECT a FROM tx_probe`)).toEqual([{ a: 2 }]);
    });

    it('leaves nothing open when its first statement fails, or when it sends none', async () => {
      await expect(db.transaction(actor, ({ em }) => em.query(`SELECT 1 / 0`))).rejects.toThrow('division by zero');
      expect(await bare()).toMatchObject({ user: 'postgres', userId: '', readOnly: 'off' });
      const { result, trips } = await sent(() => db.transaction(actor, async () => 'nothing to do'));
      expect(result).toBe('nothing to do');
      expect(trips).toEqual(['START TRANSACTION; settings; COMMIT']);
      expect(
        await ds.query(
          `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
        ),
      ).toEqual([{ open: 0 }]);
    });
  });
});
