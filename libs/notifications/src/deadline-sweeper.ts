import { setImmediate } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { DeadlineKind, dueDatesWithNewSteps, noticeDue, NoticeRules, resolvePolicy } from '@opvolging/deadlines';
import { Clock, dates, DeadlineUnit, group, ZONE } from '@opvolging/shared';
import { NotificationParams } from './notification.entity';
import { NotificationQueue } from './notification-queue';
import { recipientsFor } from './recipients';
import { mapInSlices } from './slices';
import { sweepRepository as rows } from './sweep.repository';

/** How far ahead the sweep looks: the longest reminder offset (60 working days) in calendar days, with margin. */
const HORIZON_DAYS = 100;
const BATCH = 1000;
/** Candidates decided between two turns of the event loop (about 3 ms of work each). */
const DECIDE_SLICE = 2000;
/** Notices whose recipients and parameters are made between two turns of the event loop. */
const PLAN_SLICE = 250;
/** Due dates asked for a new step between two turns of the event loop. */
const STEP_DATES_SLICE = 200;
/** After a pause this long (days without a completed sweep), a sweep reads every open deadline again. */
const FULL_AFTER_DAYS = 60;
/** Due dates read in one part (one transaction) of a sweep: few enough that a catch-up holds little in memory at a time. */
const DATES_PER_READ = 8;
/** Batches recorded at the same time, each in a transaction of its own. */
const RECORD_LANES = 2;
/** Changed investigations read in one part of a sweep. */
const INVESTIGATIONS_PER_READ = 200;
const SWEEPING = { onBehalfOf: 'deadline-sweep' };

/** Runs `work`, adding its duration to `phases[phase]`. */
async function timed<T>(phases: SweepPhases, phase: keyof SweepPhases, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    phases[phase] += performance.now() - start;
  }
}

/** The rules in use: one per kind and distinct policy and unit of the investigations. */
function noticeRulesOf(policies: Array<{ deadline_unit: DeadlineUnit; reminder_policy: Record<string, unknown> | null }>): NoticeRules[] {
  const rules = new Map<string, NoticeRules>();
  for (const p of policies) {
    const resolved = resolvePolicy(p.reminder_policy);
    for (const kind of Object.values(DeadlineKind)) {
      const rule = { kind, unit: p.deadline_unit, policy: resolved[kind] };
      rules.set(JSON.stringify(rule), rule);
    }
  }
  return [...rules.values()];
}

/**
 * Where a sweep spent its time, in milliseconds: reading deadlines, recording notices, queueing mail
 * (with the top-up). Summed over the recording lanes, which overlap: recordMs can exceed the wall time.
 */
export interface SweepPhases {
  readMs: number;
  recordMs: number;
  queueMs: number;
}

export interface SweepResult {
  /** Whether every open deadline in the horizon was read (no completed sweep to start from). */
  full: boolean;
  candidates: number;
  notices: number;
  notifications: number;
  mailsQueued: number;
  digestsQueued: number;
  phases: SweepPhases;
}

/** An open deadline as the sweep reads it (few fields: a catch-up holds hundreds of thousands while it works). */
interface Candidate {
  kind: DeadlineKind;
  subject_id: string;
  investigation_id: string;
  organisation_id: string | null;
  owner_id: string | null;
  due_date: string;
}

/** What the sweep needs of a candidate's investigation, read once per investigation and part. */
interface Investigation {
  id: string;
  deadline_unit: DeadlineUnit;
  reminder_policy: Record<string, unknown> | null;
  lead_inspectorate_id: string;
  title: string;
  /** reminder_policy resolved over the defaults, once. */
  policy?: ReturnType<typeof resolvePolicy>;
}

/** A candidate with the notice that is due for it now. */
type Due = { c: Candidate; inv: Investigation; notice: NonNullable<ReturnType<typeof noticeDue>> };

/**
 * One part of the open deadlines as read: how many; those looked up whose notice due today is not
 * recorded yet (`due`); the others (`rest`), to be decided against `since`; their investigations.
 */
interface Part {
  read: number;
  due: Due[];
  rest: Candidate[];
  investigations: Map<string, Investigation>;
}

/**
 * The candidates that have a notice due on `day`, with it, as far as `keep` keeps them. In slices,
 * giving the event loop back in between: one pass over 160,000 candidates blocked the worker for
 * about 200 ms (lock renewals and other jobs wait meanwhile).
 */
async function noticesDue(
  candidates: Candidate[],
  investigations: Map<string, Investigation>,
  day: string,
  keep: (due: Due) => boolean = () => true,
): Promise<Due[]> {
  const decided = await mapInSlices(candidates, DECIDE_SLICE, (c): Due | null => {
    const inv = investigations.get(c.investigation_id)!;
    const notice = noticeDue(c.kind, c.due_date, day, inv.deadline_unit, (inv.policy ??= resolvePolicy(inv.reminder_policy))[c.kind]);
    return notice !== null && keep({ c, inv, notice }) ? { c, inv, notice } : null;
  });
  return decided.filter((d): d is Due => d !== null);
}

/** How a part is read, and which of its deadlines need their recorded steps looked up (see `sweep`). */
interface PartToRead {
  read: (em: EntityManager) => Promise<Candidate[]>;
  lookUp: (c: Candidate) => boolean;
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
    const horizonEnd = dates.addDays(today, HORIZON_DAYS);
    const phases: SweepPhases = { readMs: 0, recordMs: 0, queueMs: 0 };
    const work = await timed(phases, 'readMs', () =>
      this.db.transaction(null, ({ em }) => this.whatToRead(em, today, horizonEnd), SWEEPING),
    );
    const result: SweepResult = { full: work.full, candidates: 0, notices: 0, notifications: 0, mailsQueued: 0, digestsQueued: 0, phases };
    // Redis holds at most MAIL_QUEUE_LIMIT mail jobs: what does not fit waits in PostgreSQL (PENDING) for topUpMail.
    const room = { mails: await this.queue.mailRoom(this.config.MAIL_QUEUE_LIMIT) };
    const changed = new Set(work.investigationIds);
    // A deadline on a date of a new step whose rows did not change had, on `since`, the step it had
    // then, and that sweep recorded it: its step today is new exactly when it differs. Otherwise
    // (a full reading, a changed investigation) the steps already noticed are looked up.
    const lookUp = (c: Candidate) => work.since === null || changed.has(c.investigation_id);
    // In bounded parts (a week of due dates, a few hundred investigations): memory and each
    // transaction stay small whatever the backlog, and the event loop turns between them. The next
    // part is read while this one is recorded (parts never share a deadline), so at most two are held.
    const parts: PartToRead[] = [];
    for (let i = 0; i < work.dueDates.length; i += DATES_PER_READ) {
      const part = work.dueDates.slice(i, i + DATES_PER_READ);
      parts.push({ read: (em) => rows.deadlinesOn<Candidate>(em, part), lookUp });
    }
    for (let i = 0; i < work.investigationIds.length; i += INVESTIGATIONS_PER_READ) {
      const part = work.investigationIds.slice(i, i + INVESTIGATIONS_PER_READ);
      parts.push({ read: (em) => rows.deadlinesOf<Candidate>(em, part, horizonEnd, work.dueDates), lookUp: () => true });
    }
    const readPart = (part: PartToRead) => timed(phases, 'readMs', () => this.readPart(part, today));
    let reading = parts.length ? readPart(parts[0]) : null;
    for (let i = 0; i < parts.length; i++) {
      const read = await reading!;
      reading = i + 1 < parts.length ? readPart(parts[i + 1]) : null;
      // A failed read ahead fails the sweep when it is awaited; until then it must not count as unhandled.
      reading?.catch(() => undefined);
      await this.recordPart(today, work.since, result, room, read);
    }
    // Every notice of `today` is recorded: the next sweep starts from here. (A sweep that fails
    // before this leaves the marks and the last day as they were, so the next one does its work again.)
    await timed(phases, 'recordMs', () =>
      this.db.transaction(
        null,
        async ({ em }) => {
          await rows.clearChanges(em, work.marks);
          await rows.markSwept(em, today);
        },
        SWEEPING,
      ),
    );
    result.mailsQueued += await timed(phases, 'queueMs', () => this.topUpMail());
    result.digestsQueued += await this.scheduleDigests(today);
    if (result.notices)
      this.logger.log(
        `sweep ${today}: ${result.notices} notices, ${result.notifications} notifications; ${result.candidates} deadlines read ` +
          `(${Math.round(phases.readMs)} ms), recorded in ${Math.round(phases.recordMs)} ms, ` +
          `mail queued in ${Math.round(phases.queueMs)} ms`,
      );
    return result;
  }

  /**
   * Mail waiting in PostgreSQL is queued as far as the queue has room (MAIL_QUEUE_LIMIT): mail the
   * sweep held back, and mail whose job Redis lost (flushed, or a worker died mid-send). Run by
   * every sweep and every minute by each worker; the deterministic job ids make overlaps no-ops.
   */
  async topUpMail(): Promise<number> {
    const room = await this.queue.mailRoom(this.config.MAIL_QUEUE_LIMIT);
    const ids = await this.db.transaction(null, ({ em }) =>
      rows.lostMail(em, this.config.MAIL_RECOVERY_SECONDS, this.config.MAIL_REQUEUE_SECONDS, room),
    );
    await this.queue.mails(ids);
    return ids.length;
  }

  /**
   * What may need a notice today. After a sweep that completed on an earlier day (`since`), only
   * two kinds of open deadline can: those on a due date to which the days since bring a new step
   * (dueDatesWithNewSteps, from the rules themselves), and those of investigations whose rows
   * changed (`deadline_changes`, marked in the change's own transaction). Every other deadline
   * has the step it had then, and that step was recorded then. Without such a sweep (the first
   * ever, the clock set back, or a pause longer than FULL_AFTER_DAYS) every due date from the
   * earliest open deadline to the horizon is read. The marks are read first, so every change they
   * name is visible to the reads after.
   */
  private async whatToRead(
    em: EntityManager,
    today: string,
    horizonEnd: string,
  ): Promise<{ since: string | null; dueDates: string[]; investigationIds: string[]; marks: string[]; full: boolean }> {
    const changes = await rows.changes(em);
    const last = await rows.sweptThrough(em);
    const earliest = (await rows.earliestOpenDue(em)) ?? today;
    const span = last === today ? [] : dates.span(earliest < today ? earliest : today, horizonEnd);
    if (last === null || last > today || dates.daysBetween(last, today) > FULL_AFTER_DAYS) {
      return { since: null, dueDates: span, investigationIds: [], marks: changes.ids, full: true };
    }
    const rules = noticeRulesOf(await rows.policies(em));
    const dueDates: string[] = [];
    for (let i = 0; i < span.length; i += STEP_DATES_SLICE) {
      if (i > 0) await setImmediate();
      dueDates.push(...dueDatesWithNewSteps(span.slice(i, i + STEP_DATES_SLICE), last, today, rules));
    }
    return { since: last, dueDates, investigationIds: changes.investigationIds, marks: changes.ids, full: false };
  }

  /**
   * Reads one part of the open deadlines. For those that `lookUp` names, it decides which notice
   * each is due today and looks up whether that step is recorded (one statement for the part):
   * those not recorded yet are the part's `due`.
   */
  private readPart(part: PartToRead, today: string): Promise<Part> {
    return this.db.transaction(
      null,
      async ({ em }) => {
        const candidates = await part.read(em);
        const ids = [...new Set(candidates.map((c) => c.investigation_id))];
        const investigations = new Map((await rows.investigations<Investigation>(em, ids)).map((i) => [i.id, i]));
        const unsure = await noticesDue(candidates.filter(part.lookUp), investigations, today);
        const recorded = await rows.recorded(
          em,
          unsure.map(({ c, notice }) => ({ kind: c.kind, subject_id: c.subject_id, due_date: c.due_date, step: notice.step })),
        );
        const due = unsure.filter((_, i) => !recorded(i));
        return { read: candidates.length, due, rest: candidates.filter((c) => !part.lookUp(c)), investigations };
      },
      SWEEPING,
    );
  }

  /**
   * Records the notices of a part that are due and not recorded yet, and queues their mail as far as
   * there is room. Of a deadline not looked up, the step due on `since` was recorded then: the step
   * due today is new exactly when it differs.
   */
  private async recordPart(today: string, since: string | null, result: SweepResult, room: { mails: number }, part: Part): Promise<void> {
    result.candidates += part.read;
    const due = part.due.concat(
      await noticesDue(
        part.rest,
        part.investigations,
        today,
        ({ c, inv, notice }) => noticeDue(c.kind, c.due_date, since!, inv.deadline_unit, inv.policy![c.kind])?.step !== notice.step,
      ),
    );
    // RECORD_LANES batches at a time, each in its own transaction: PostgreSQL inserts on as many cores.
    let next = 0;
    const lane = async () => {
      while (next < due.length) {
        const batch = due.slice(next, (next += BATCH));
        const mails = await timed(result.phases, 'recordMs', () =>
          this.db.transaction(null, async ({ em }) => this.record(em, batch, result), SWEEPING),
        );
        const now = mails.slice(0, Math.max(0, room.mails));
        room.mails -= now.length;
        await timed(result.phases, 'queueMs', () => this.queue.mails(now));
        result.mailsQueued += now.length;
      }
    };
    await Promise.all(Array.from({ length: RECORD_LANES }, lane));
  }

  /** Inserts the notices (once each) and their notifications; returns the notifications to mail now. */
  private async record(em: EntityManager, batch: Due[], result: SweepResult): Promise<string[]> {
    const orgIds = [...new Set(batch.map((x) => x.c.organisation_id).filter((id): id is string => !!id))];
    const inspectorateIds = [...new Set(batch.map((x) => x.inv.lead_inspectorate_id))];
    const ownerIds = [...new Set(batch.map((x) => x.c.owner_id).filter((id): id is string => !!id))];
    const measureIds = batch.filter((x) => x.c.kind === DeadlineKind.MEASURE_DUE).map((x) => x.c.subject_id);
    const users = await rows.recipients(em, orgIds, inspectorateIds, ownerIds);
    const members = group(
      users.filter((u) => u.role === 'ORGANISATION_MEMBER'),
      (u) => u.organisation_id,
      (u) => u,
    );
    const inspectors = group(
      users.filter((u) => u.role === 'INSPECTOR'),
      (u) => u.organisation_id,
      (u) => u,
    );
    const byId = new Map(users.map((u) => [u.id, u]));
    const names = await rows.organisationNames(em, orgIds);
    const labels = await rows.measureLabels(em, measureIds);

    const planned = await mapInSlices(batch, PLAN_SLICE, ({ c, inv, notice }) => {
      const recipients = recipientsFor({ ...c, lead_inspectorate_id: inv.lead_inspectorate_id }, notice, { members, inspectors, byId });
      const params = (escalated: boolean): NotificationParams => ({
        kind: c.kind,
        type: notice.type,
        days: notice.days,
        dueDate: c.due_date,
        investigationId: c.investigation_id,
        investigationTitle: inv.title,
        organisationName: c.organisation_id ? (names.get(c.organisation_id) ?? null) : null,
        subjectId: c.subject_id,
        subjectLabel: labels.get(c.subject_id) ?? null,
        escalated,
      });
      return { c, notice, recipients: [...recipients.values()].map((r) => ({ ...r, params: params(r.escalated) })) };
    });

    const inserted = await rows.insertNotices(
      em,
      planned.map((p) => ({
        kind: p.c.kind,
        subjectId: p.c.subject_id,
        dueDate: p.c.due_date,
        step: p.notice.step,
        investigationId: p.c.investigation_id,
        recipients: p.recipients.length,
      })),
    );
    result.notices += inserted.length;
    const notifications = inserted.flatMap(({ id, idx }) =>
      planned[idx].recipients.map((r) => ({
        noticeId: id,
        userId: r.user.id,
        kind: planned[idx].c.kind,
        params: r.params,
        status: r.user.notification_mode === 'DAILY_DIGEST' ? 'IN_DIGEST' : 'PENDING',
      })),
    );
    if (!notifications.length) return [];
    const created = await rows.insertNotifications(em, notifications);
    result.notifications += created.length;
    return created.filter((n) => n.email_status === 'PENDING').map((n) => n.id);
  }

  /** From DIGEST_HOUR on, one digest a day for every user with notifications waiting for it. */
  private async scheduleDigests(today: string): Promise<number> {
    if (DateTime.fromJSDate(this.clock.now(), { zone: ZONE }).hour < this.config.DIGEST_HOUR) return 0;
    const pending = await this.db.transaction(null, ({ em }) => rows.digestsToSend(em, today), SWEEPING);
    await this.queue.digests(pending.map((d) => ({ userId: d.user_id, digestDate: d.digest_date })));
    return pending.length;
  }
}
