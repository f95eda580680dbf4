import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { DeadlineKind, lateStepSql, noticeDue, resolvePolicy } from '@opvolging/deadlines';
import { Clock, dates, DeadlineUnit, group, ZONE } from '@opvolging/shared';
import { NotificationParams } from './notification.entity';
import { NotificationQueue } from './notification-queue';

/** How far ahead the sweep looks: the longest reminder offset (60 working days) in calendar days, with margin. */
const HORIZON_DAYS = 100;
const BATCH = 500;

export interface SweepResult {
  candidates: number;
  notices: number;
  notifications: number;
  mailsQueued: number;
  digestsQueued: number;
}

interface Candidate {
  kind: DeadlineKind;
  subject_id: string;
  investigation_id: string;
  organisation_id: string | null;
  owner_id: string | null;
  due_date: string;
  deadline_unit: DeadlineUnit;
  reminder_policy: Record<string, unknown>;
  lead_inspectorate_id: string;
  investigation_title: string;
  sent: string[] | null;
}

interface Recipient {
  id: string;
  organisation_id: string;
  role: string;
  notification_mode: 'IMMEDIATE' | 'DAILY_DIGEST';
}

/**
 * Finds what is due now among the open deadlines and records each notice once: PostgreSQL is the
 * source of truth (deadlines derived from the rows, notices unique per step), Redis only carries the
 * mail work. Run by any number of workers at once: the unique key decides who records a notice.
 * Also re-queues mail that Redis lost and schedules the daily digests.
 */
@Injectable()
export class DeadlineSweeper {
  private readonly logger = new Logger(DeadlineSweeper.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly queue: NotificationQueue,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<SweepResult> {
    const today = this.clock.today();
    const candidates: Candidate[] = await this.db.transaction(null, ({ em }) => em.query(CANDIDATES_SQL, [today, dates.addDays(today, HORIZON_DAYS)]), { onBehalfOf: 'deadline-sweep' });
    const due = candidates
      .map((c) => ({ c, notice: noticeDue(c.kind, c.due_date, today, c.deadline_unit, resolvePolicy(c.reminder_policy)[c.kind]) }))
      .filter((x): x is { c: Candidate; notice: NonNullable<typeof x.notice> } => x.notice !== null && !(x.c.sent ?? []).includes(x.notice.step));
    const result: SweepResult = { candidates: candidates.length, notices: 0, notifications: 0, mailsQueued: 0, digestsQueued: 0 };
    for (let i = 0; i < due.length; i += BATCH) {
      const batch = due.slice(i, i + BATCH);
      const mails = await this.db.transaction(null, async ({ em }) => this.record(em, batch, result), { onBehalfOf: 'deadline-sweep' });
      await this.queue.mails(mails);
      result.mailsQueued += mails.length;
    }
    result.mailsQueued += await this.requeueLostMail();
    result.digestsQueued += await this.scheduleDigests(today);
    if (result.notices) this.logger.log(`sweep ${today}: ${result.notices} notices, ${result.notifications} notifications`);
    return result;
  }

  /** Inserts the notices (once each) and their notifications; returns the notifications to mail now. */
  private async record(em: EntityManager, batch: Array<{ c: Candidate; notice: NonNullable<ReturnType<typeof noticeDue>> }>, result: SweepResult): Promise<string[]> {
    const orgIds = [...new Set(batch.map((x) => x.c.organisation_id).filter((id): id is string => !!id))];
    const inspectorateIds = [...new Set(batch.map((x) => x.c.lead_inspectorate_id))];
    const ownerIds = [...new Set(batch.map((x) => x.c.owner_id).filter((id): id is string => !!id))];
    const measureIds = batch.filter((x) => x.c.kind === DeadlineKind.MEASURE_DUE).map((x) => x.c.subject_id);
    const users: Recipient[] = await em.query(
      `SELECT id, organisation_id, role, notification_mode FROM users
        WHERE active AND ((role = 'ORGANISATION_MEMBER' AND organisation_id = ANY($1)) OR (role = 'INSPECTOR' AND organisation_id = ANY($2)) OR id = ANY($3))`,
      [orgIds, inspectorateIds, ownerIds],
    );
    const members = group(users.filter((u) => u.role === 'ORGANISATION_MEMBER'), (u) => u.organisation_id, (u) => u);
    const inspectors = group(users.filter((u) => u.role === 'INSPECTOR'), (u) => u.organisation_id, (u) => u);
    const byId = new Map(users.map((u) => [u.id, u]));
    const names = new Map<string, string>((await em.query(`SELECT id, name FROM organisations WHERE id = ANY($1)`, [orgIds])).map((r: { id: string; name: string }) => [r.id, r.name]));
    const labels = new Map<string, string>((await em.query(`SELECT id, description FROM measures WHERE id = ANY($1)`, [measureIds])).map((r: { id: string; description: string }) => [r.id, r.description]));

    const planned = batch.map(({ c, notice }) => {
      const recipients = new Map<string, { user: Recipient; escalated: boolean }>();
      const add = (list: Recipient[] | undefined, escalated: boolean) => list?.forEach((u) => recipients.has(u.id) || recipients.set(u.id, { user: u, escalated }));
      const inspectorOwned = c.kind === DeadlineKind.ASSESSMENT_DUE || c.kind === DeadlineKind.TRAJECTORY_END;
      if (inspectorOwned) add(inspectors.get(c.lead_inspectorate_id), notice.type === 'OVERDUE');
      else if (c.kind === DeadlineKind.MEASURE_DUE && c.owner_id && byId.has(c.owner_id)) add([byId.get(c.owner_id)!], false);
      else add(members.get(c.organisation_id!), false);
      if (notice.audiences.includes('ORGANISATION')) add(members.get(c.organisation_id!), false);
      if (notice.audiences.includes('INSPECTORS')) add(inspectors.get(c.lead_inspectorate_id), true);
      const params = (escalated: boolean): NotificationParams => ({
        kind: c.kind,
        type: notice.type,
        days: notice.days,
        dueDate: c.due_date,
        investigationId: c.investigation_id,
        investigationTitle: c.investigation_title,
        organisationName: c.organisation_id ? names.get(c.organisation_id) ?? null : null,
        subjectId: c.subject_id,
        subjectLabel: labels.get(c.subject_id) ?? null,
        escalated,
      });
      return { c, notice, recipients: [...recipients.values()].map((r) => ({ ...r, params: params(r.escalated) })) };
    });

    const inserted: Array<{ id: string; idx: number }> = await em.query(
      `INSERT INTO deadline_notices (kind, subject_id, due_date, step, investigation_id, recipients)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::date[], $4::text[], $5::uuid[], $6::int[])
       ON CONFLICT ON CONSTRAINT deadline_notices_once DO NOTHING
       RETURNING id, (SELECT array_position($2::uuid[], subject_id)) - 1 AS idx`,
      [
        planned.map((p) => p.c.kind),
        planned.map((p) => p.c.subject_id),
        planned.map((p) => p.c.due_date),
        planned.map((p) => p.notice.step),
        planned.map((p) => p.c.investigation_id),
        planned.map((p) => p.recipients.length),
      ],
    );
    result.notices += inserted.length;
    const rows = inserted.flatMap(({ id, idx }) =>
      planned[idx].recipients.map((r) => ({ noticeId: id, userId: r.user.id, kind: planned[idx].c.kind, params: r.params, status: r.user.notification_mode === 'DAILY_DIGEST' ? 'IN_DIGEST' : 'PENDING' })),
    );
    if (!rows.length) return [];
    const created: Array<{ id: string; email_status: string }> = await em.query(
      `INSERT INTO notifications (notice_id, user_id, kind, params, email_status)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[])
       RETURNING id, email_status`,
      [rows.map((r) => r.noticeId), rows.map((r) => r.userId), rows.map((r) => r.kind), rows.map((r) => JSON.stringify(r.params)), rows.map((r) => r.status)],
    );
    result.notifications += created.length;
    return created.filter((n) => n.email_status === 'PENDING').map((n) => n.id);
  }

  /** Mail whose job Redis lost (flushed, or a worker died mid-send) is queued again from the database. */
  private async requeueLostMail(): Promise<number> {
    const ids: string[] = await this.db.transaction(null, async ({ em }) => {
      await em.query(
        `UPDATE notifications SET email_status = 'PENDING', email_claimed_at = NULL WHERE email_status = 'SENDING' AND email_claimed_at < now() - make_interval(secs => $1)`,
        [this.config.MAIL_RECOVERY_SECONDS],
      );
      const rows = await em.query(
        `SELECT id FROM notifications WHERE email_status = 'PENDING' AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 5000`,
        [this.config.MAIL_REQUEUE_SECONDS],
      );
      return rows.map((r: { id: string }) => r.id);
    });
    await this.queue.mails(ids);
    return ids.length;
  }

  /** From DIGEST_HOUR on, one digest a day for every user with notifications waiting for it. */
  private async scheduleDigests(today: string): Promise<number> {
    if (DateTime.fromJSDate(this.clock.now(), { zone: ZONE }).hour < this.config.DIGEST_HOUR) return 0;
    const pending: Array<{ user_id: string; digest_date: string }> = await this.db.transaction(null, async ({ em }) => {
      await em.query(
        `INSERT INTO digests (user_id, digest_date)
         SELECT DISTINCT n.user_id, $1::date FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.email_status = 'IN_DIGEST' AND u.active
         ON CONFLICT DO NOTHING`,
        [today],
      );
      return em.query(`SELECT user_id, digest_date::text AS digest_date FROM digests WHERE status = 'PENDING'`);
    });
    await this.queue.digests(pending.map((d) => ({ userId: d.user_id, digestDate: d.digest_date })));
    return pending.length;
  }
}

/**
 * What may need a notice today, in two parts:
 * - late deadlines whose current back-off step (calendar days, computed here) has no notice yet:
 *   one probe of the notices' unique index each, so the thousands already noticed stay in the database;
 * - deadlines due within the horizon, with the reminder steps already sent (reminder offsets may be
 *   working days, which the Dutch calendar in TypeScript decides).
 */
export const CANDIDATES_SQL = `
  SELECT d.kind, d.subject_id, d.investigation_id, d.organisation_id, d.owner_id, d.due_date::text AS due_date,
         i.deadline_unit, i.reminder_policy, i.lead_inspectorate_id, i.title AS investigation_title, NULL::text[] AS sent
    FROM open_deadlines d JOIN investigations i ON i.id = d.investigation_id
   WHERE d.due_date < $1::date
     AND NOT EXISTS (SELECT 1 FROM deadline_notices n
                      WHERE n.kind = d.kind AND n.subject_id = d.subject_id AND n.due_date = d.due_date
                        AND n.step = ${lateStepSql('($1::date - d.due_date)', 'd', 'i.reminder_policy')})
  UNION ALL
  SELECT d.kind, d.subject_id, d.investigation_id, d.organisation_id, d.owner_id, d.due_date::text,
         i.deadline_unit, i.reminder_policy, i.lead_inspectorate_id, i.title,
         (SELECT array_agg(n.step) FROM deadline_notices n WHERE n.kind = d.kind AND n.subject_id = d.subject_id AND n.due_date = d.due_date)
    FROM open_deadlines d JOIN investigations i ON i.id = d.investigation_id
   WHERE d.due_date >= $1::date AND d.due_date <= $2::date`;
