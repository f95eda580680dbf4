import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { DeadlinesService } from '@opvolging/deadlines';
import { userRepository } from '@opvolging/identity';
import { Actor, DomainError } from '@opvolging/shared';
import { render } from './messages';
import { NotificationParams } from './notification.entity';
import { notificationRepository } from './notifications.repository';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A personal iCalendar feed of the deadlines a user answers for, behind a secret URL. Only the
 * secret's hash is stored; a new feed or a revocation makes every earlier URL stop working.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly db: Database,
    private readonly deadlines: DeadlinesService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.transaction(actor, ({ em }) => userRepository.update(em, actor.userId, { calendarTokenHash: hash(token) }));
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/calendar/${token}.ics`;
  }

  async revoke(actor: Actor): Promise<boolean> {
    const result = await this.db.transaction(actor, ({ em }) => userRepository.update(em, actor.userId, { calendarTokenHash: null }));
    return (result.affected ?? 0) > 0;
  }

  /** The feed for a secret; NOT_FOUND for an unknown or revoked one (and for disabled accounts). */
  async render(token: string): Promise<string> {
    const user = await this.db.transaction(null, ({ em }) => userRepository.byCalendarTokenHash(em, hash(token)));
    if (!user) throw DomainError.notFound('Calendar feed');
    const actor: Actor = { userId: user.id, role: user.role, organisationId: user.organisationId };
    const deadlines = await this.deadlines.responsibleFor(actor);
    const context = deadlines.length
      ? await this.db.transaction(actor, ({ em }) =>
          notificationRepository.calendarContext(
            em,
            deadlines.map((d) => d.id),
          ),
        )
      : [];
    const byId = new Map(context.map((c) => [c.id, c]));
    const calendar = ical({
      name: 'Opvolging',
      method: ICalCalendarMethod.PUBLISH,
      timezone: 'Europe/Amsterdam',
      prodId: { company: 'Opvolging', product: 'deadlines', language: user.locale.toUpperCase() },
    });
    for (const d of deadlines) {
      const c = byId.get(d.id);
      const params: NotificationParams = {
        kind: d.kind,
        type: 'REMINDER',
        days: 0,
        dueDate: d.dueDate,
        investigationId: d.investigationId,
        investigationTitle: c?.title ?? '',
        organisationName: c?.org ?? null,
        subjectId: d.id,
        subjectLabel: c?.label ?? null,
        escalated: false,
      };
      const text = render(params, user.locale);
      calendar.createEvent({
        id: `${d.kind}-${d.id}@opvolging`,
        start: new Date(`${d.dueDate}T00:00:00Z`),
        allDay: true,
        summary: text.body,
        description:
          d.originalDueDate !== d.dueDate
            ? `${text.body} (${user.locale === 'nl' ? 'oorspronkelijk' : 'originally'} ${d.originalDueDate})`
            : text.body,
        url: this.config.PUBLIC_URL,
      });
    }
    return calendar.toString();
  }
}
