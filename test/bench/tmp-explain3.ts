import { Client } from 'pg';
const today = '2026-03-02';
const add = (d: string, n: number) => new Date(Date.parse(d + 'T00:00:00Z') + n * 864e5).toISOString().slice(0, 10);
async function main() {
  const c = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/opvolging_bench' });
  await c.connect();
  const late = [1, 3, 7, 14, 28, 30, ...Array.from({ length: 13 }, (_, k) => 56 + 28 * k)];
  const dueDates = process.argv[2] === 'on' ? [...late.map((l) => add(today, -l)), ...[1, 3, 7, 14, 30].map((r) => add(today, r))] : Array.from({ length: 31 }, (_, k) => add(today, -200 + k));
  await c.query('BEGIN');
  await c.query('SET LOCAL jit = off');
  for (const s of (process.env.SETS ?? '').split(';').filter(Boolean)) await c.query(`SET LOCAL ${s}`);
  await c.query(`SELECT set_config('app.user_id', '', true), set_config('app.role', 'SYSTEM', true), set_config('app.organisation_id', '', true), set_config('app.on_behalf_of', 'system', true), set_config('role', 'opvolging_app', true)`);
  const q = process.env.Q ?? `SELECT d.kind, d.subject_id, d.investigation_id, d.organisation_id, d.owner_id, d.due_date::text AS due_date,
         i.deadline_unit, i.reminder_policy, i.lead_inspectorate_id, i.title AS investigation_title
    FROM open_deadlines d JOIN investigations i ON i.id = d.investigation_id WHERE d.due_date = ANY($1::date[])`;
  const t = Date.now();
  const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, [dueDates]);
  console.log(Date.now() - t, 'ms');
  console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  await c.query('ROLLBACK');
  await c.end();
}
main();
