import { EntityManager } from 'typeorm';
import { PLAN_PER_CALL } from '@opvolging/database';
import { OPEN_DEADLINE_SOURCES } from '@opvolging/deadlines';
import { DeadlineUnit } from '@opvolging/shared';
import { Recipient } from './recipients';
import { jsonInSlices } from './slices';

/** An open deadline as the sweep reads it; its investigation's policy, unit and lead inspectorate are read once per investigation. */
const DEADLINES = `
  SELECT d.kind, d.subject_id, d.investigation_id, d.organisation_id, d.owner_id, d.due_date::text AS due_date FROM open_deadlines d`;

/*
 * The sweep's reads are planned per call, never prepared (PLAN_PER_CALL): how many due dates,
 * investigations or deadlines they are given differs by orders of magnitude between a quiet sweep
 * and a catch-up, and planning is nothing beside their execution.
 */

/** The open deadlines due on one of $1. */
const DEADLINES_ON_SQL = `${DEADLINES} WHERE d.due_date = ANY($1::date[])`;

/** The open deadlines of the investigations $1 due up to $2, but for those due on one of $3 (read already). */
const DEADLINES_OF_SQL = `${DEADLINES}
   WHERE d.investigation_id = ANY($1::uuid[]) AND d.due_date <= $2::date AND NOT (d.due_date = ANY($3::date[]))`;

/** Rows of a sweep's read of deadlines fetched per round trip (see `fetched`). */
const FETCH_ROWS = 5000;

/**
 * The rows of `select` (planned per call), fetched FETCH_ROWS at a time through a cursor of the
 * transaction. pg parses a result's rows in JavaScript as they arrive, as many as arrived at once:
 * the tens of thousands of deadlines of a part of a catch-up held the event loop for 25–40 ms per
 * burst. The cursor is planned for all its rows (`cursor_tuple_fraction` = 1), as the statement
 * alone would be, not for the first tenth.
 */
async function fetched<T>(em: EntityManager, select: string, params: unknown[]): Promise<T[]> {
  await em.query(`SET LOCAL cursor_tuple_fraction = 1`);
  await em.query(`${PLAN_PER_CALL}DECLARE sweep_read NO SCROLL CURSOR FOR ${select}`, params);
  const rows: T[] = [];
  for (;;) {
    const chunk: T[] = await em.query(`${PLAN_PER_CALL}FETCH ${FETCH_ROWS} FROM sweep_read`);
    for (const row of chunk) rows.push(row);
    if (chunk.length < FETCH_ROWS) break;
  }
  await em.query(`${PLAN_PER_CALL}CLOSE sweep_read`);
  return rows;
}

/**
 * Whether each step in $1 (a JSON array of {kind, subject_id, due_date, step}) is recorded: one
 * character per step, in their order, '1' when it is. One JSON document in, because pg escapes
 * every element of an array parameter in JavaScript; one text out, because a catch-up asks about
 * tens of thousands of steps per part, and pg parses a row (and an array in it, slower still) per
 * step in JavaScript in bursts of what arrived at once: array_agg of the steps held the event loop
 * for 50–150 ms at a time.
 */
const RECORDED_SQL = `${PLAN_PER_CALL}
  SELECT string_agg(CASE WHEN n.id IS NULL THEN '0' ELSE '1' END, '' ORDER BY c.i) AS recorded
    FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (kind text, subject_id uuid, due_date date, step text))
         WITH ORDINALITY AS c(kind, subject_id, due_date, step, i)
    LEFT JOIN deadline_notices n ON n.kind = c.kind AND n.subject_id = c.subject_id AND n.due_date = c.due_date AND n.step = c.step`;

/** Items of a JSON parameter made between two turns of the event loop (about 2 ms of work each; `jsonInSlices`). */
const JSON_SLICE = { steps: 5000, notices: 1000, notifications: 250 };

/** The earliest due date among the open deadlines, from each source's own index (a lower bound: plan statuses are not asked). */
const EARLIEST_OPEN_DUE_SQL = `SELECT min(due)::text AS due FROM (${Object.values(OPEN_DEADLINE_SOURCES)
  .map((s) => `SELECT min(${s.column}) AS due FROM ${s.table} WHERE ${s.openSql}`)
  .join(' UNION ALL ')}) AS sources`;

/** The SQL of the deadline sweep: what is due, who hears of it, and the notices and notifications it records. */
export const sweepRepository = {
  /**
   * The open deadlines due on one of `dueDates`. The planner is told not to use nested loops for
   * this one statement: row-level security's predicates (`current_setting`) make it guess that 1.5%
   * of the plans are visible to the sweep, where all are, and it then probes the measures once per
   * plan (1.5 s for 31,000 deadlines among a million) instead of reading them from their due-date
   * index and hashing the plans (0.2 s). The policies apply exactly as before; only the join method is chosen.
   */
  async deadlinesOn<T>(em: EntityManager, dueDates: string[]): Promise<T[]> {
    if (!dueDates.length) return [];
    await em.query(`SET LOCAL enable_nestloop = off`);
    try {
      return await fetched<T>(em, DEADLINES_ON_SQL, [dueDates]);
    } finally {
      await em.query(`SET LOCAL enable_nestloop TO DEFAULT`);
    }
  },

  /** The open deadlines of the investigations `ids` due up to `horizonEnd`, but for those due on one of `readAlready`. */
  deadlinesOf<T>(em: EntityManager, ids: string[], horizonEnd: string, readAlready: string[]): Promise<T[]> {
    return ids.length ? fetched<T>(em, DEADLINES_OF_SQL, [ids, horizonEnd, readAlready]) : Promise.resolve([]);
  },

  /** What the sweep needs of the investigations `ids`: their reminder policy and unit, lead inspectorate and title. */
  investigations<T>(em: EntityManager, ids: string[]): Promise<T[]> {
    return em.query(
      `SELECT id, deadline_unit, reminder_policy, lead_inspectorate_id, title FROM investigations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  },

  /** Whether each of `steps` is recorded (a unique notice of it exists): `recorded(i)` for the i-th. */
  async recorded(
    em: EntityManager,
    steps: Array<{ kind: string; subject_id: string; due_date: string; step: string }>,
  ): Promise<(i: number) => boolean> {
    if (!steps.length) return () => false;
    const [{ recorded }]: Array<{ recorded: string }> = await em.query(RECORDED_SQL, [await jsonInSlices(steps, JSON_SLICE.steps)]);
    return (i) => recorded.charCodeAt(i) === 49; // '1'
  },

  /** The last day for which a sweep completed, if any. */
  async sweptThrough(em: EntityManager): Promise<string | null> {
    const rows: Array<{ day: string }> = await em.query(`SELECT swept_through::text AS day FROM deadline_sweep_state`);
    return rows[0]?.day ?? null;
  },

  /** A completed sweep of `day`: never moves back (a slower worker finishing an older day). */
  async markSwept(em: EntityManager, day: string): Promise<void> {
    await em.query(
      `INSERT INTO deadline_sweep_state (swept_through) VALUES ($1::date) ON CONFLICT (singleton) DO UPDATE
          SET swept_through = GREATEST(deadline_sweep_state.swept_through, EXCLUDED.swept_through), swept_at = now()`,
      [day],
    );
  },

  /** The marks of changed rows (`deadline_changes`, written by triggers) and their investigations. */
  async changes(em: EntityManager): Promise<{ ids: string[]; investigationIds: string[] }> {
    const rows: Array<{ ids: string[] | null; investigations: string[] | null }> = await em.query(
      `SELECT array_agg(id::text) AS ids, array_agg(DISTINCT investigation_id) AS investigations FROM deadline_changes`,
    );
    return { ids: rows[0]?.ids ?? [], investigationIds: rows[0]?.investigations ?? [] };
  },

  /** Deletes exactly the marks a completed sweep read; marks written since stay for the next one. */
  async clearChanges(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await em.query(`DELETE FROM deadline_changes WHERE id = ANY($1::bigint[])`, [ids]);
  },

  /** The earliest due date of an open deadline, or null when none is open. */
  async earliestOpenDue(em: EntityManager): Promise<string | null> {
    const rows: Array<{ due: string | null }> = await em.query(EARLIEST_OPEN_DUE_SQL);
    return rows[0]?.due ?? null;
  },

  /** Every policy in use: the investigations' distinct reminder policies and units. */
  policies(em: EntityManager): Promise<Array<{ deadline_unit: DeadlineUnit; reminder_policy: Record<string, unknown> | null }>> {
    return em.query(`SELECT DISTINCT deadline_unit, reminder_policy FROM investigations`);
  },

  /** The active members of the organisations, inspectors of the inspectorates, and the named owners. */
  recipients(em: EntityManager, orgIds: string[], inspectorateIds: string[], ownerIds: string[]): Promise<Recipient[]> {
    return em.query(
      `SELECT id, organisation_id, role, notification_mode FROM users
        WHERE active AND ((role = 'ORGANISATION_MEMBER' AND organisation_id = ANY($1)) OR (role = 'INSPECTOR' AND organisation_id =
        ANY($2)) OR id = ANY($3))`,
      [orgIds, inspectorateIds, ownerIds],
    );
  },

  async organisationNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await em.query(`SELECT id, name FROM organisations WHERE id = ANY($1)`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async measureLabels(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; description: string }> = await em.query(`SELECT id, description FROM measures WHERE id = ANY($1)`, [
      ids,
    ]);
    return new Map(rows.map((r) => [r.id, r.description]));
  },

  /**
   * Records the notices, once each (`deadline_notices_once`); returns those inserted now, with their
   * index in `notices` (found by kind and subject in a map: a search of the arrays in SQL for each
   * row cost time quadratic in the batch).
   */
  async insertNotices(
    em: EntityManager,
    notices: Array<{ kind: string; subjectId: string; dueDate: string; step: string; investigationId: string; recipients: number }>,
  ): Promise<Array<{ id: string; idx: number }>> {
    const inserted: Array<{ id: string; kind: string; subject_id: string }> = await em.query(
      `INSERT INTO deadline_notices (kind, subject_id, due_date, step, investigation_id, recipients)
       SELECT kind, subject_id, due_date, step, investigation_id, recipients
         FROM jsonb_to_recordset($1::jsonb)
           AS x(kind text, subject_id uuid, due_date date, step text, investigation_id uuid, recipients int)
       ON CONFLICT ON CONSTRAINT deadline_notices_once DO NOTHING
       RETURNING id, kind, subject_id`,
      [
        await jsonInSlices(
          notices.map((n) => ({
            kind: n.kind,
            subject_id: n.subjectId,
            due_date: n.dueDate,
            step: n.step,
            investigation_id: n.investigationId,
            recipients: n.recipients,
          })),
          JSON_SLICE.notices,
        ),
      ],
    );
    // One open deadline per kind and subject, so one notice of it per batch.
    const index = new Map(notices.map((n, idx) => [`${n.kind} ${n.subjectId}`, idx]));
    return inserted.map((r) => ({ id: r.id, idx: index.get(`${r.kind} ${r.subject_id}`)! }));
  },

  /** The notifications, as one JSON document (see NOTICED_SQL: params are JSON, which pg's array escaping handled slowest). */
  async insertNotifications(
    em: EntityManager,
    rows: Array<{ noticeId: string; userId: string; kind: string; params: unknown; status: string }>,
  ): Promise<Array<{ id: string; email_status: string }>> {
    return em.query(
      `INSERT INTO notifications (notice_id, user_id, kind, params, email_status)
       SELECT notice_id, user_id, kind, params, email_status
         FROM jsonb_to_recordset($1::jsonb) AS x(notice_id uuid, user_id uuid, kind text, params jsonb, email_status text)
       RETURNING id, email_status`,
      [
        await jsonInSlices(
          rows.map((r) => ({ notice_id: r.noticeId, user_id: r.userId, kind: r.kind, params: r.params, email_status: r.status })),
          JSON_SLICE.notifications,
        ),
      ],
    );
  },

  /**
   * Mail claimed longer than `recoverySeconds` ago goes back to PENDING; returns mail PENDING for
   * `requeueSeconds`, oldest first, at most `limit`.
   */
  async lostMail(em: EntityManager, recoverySeconds: number, requeueSeconds: number, limit: number): Promise<string[]> {
    await em.query(
      `UPDATE notifications SET email_status = 'PENDING', email_claimed_at = NULL WHERE email_status = 'SENDING' AND ` +
        `email_claimed_at < now() - make_interval(secs => $1)`,
      [recoverySeconds],
    );
    const rows = await em.query(
      `SELECT id FROM notifications WHERE email_status = 'PENDING' AND created_at < now() - make_interval(secs => $1) ORDER BY ` +
        `created_at LIMIT $2`,
      [requeueSeconds, Math.max(0, limit)],
    );
    return rows.map((r: { id: string }) => r.id);
  },

  /** A digest of `today` for every active user with notifications waiting for one; returns every digest still to send. */
  async digestsToSend(em: EntityManager, today: string): Promise<Array<{ user_id: string; digest_date: string }>> {
    await em.query(
      `INSERT INTO digests (user_id, digest_date)
       SELECT DISTINCT n.user_id, $1::date FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.email_status = 'IN_DIGEST' AND u.active
       ON CONFLICT DO NOTHING`,
      [today],
    );
    return em.query(`SELECT user_id, digest_date::text AS digest_date FROM digests WHERE status = 'PENDING'`);
  },
};
