import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { Tx } from '@opvolging/database';
import { DomainEvents, EventKind, PROCESS_EVENT, ProcessEvent } from '@opvolging/shared';
import { EventParams } from './notification.entity';
import { NotificationQueue } from './notification-queue';
import { notificationRepository as rows } from './notifications.repository';
import { WEB_PATHS } from './web-links';

/**
 * Records who is told about a step of the process, in the step's own transaction: the
 * notifications exist exactly when the step does, once per event and recipient
 * (`notifications_event_once`). Mail follows after commit through the same queue, claim and
 * recovery as reminders; an account that turned mail off for the kind gets the in-app notice only.
 */
@Injectable()
export class EventNotifier implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents<Tx>,
    private readonly queue: NotificationQueue,
  ) {}

  onModuleInit(): void {
    this.events.on<ProcessEvent>(PROCESS_EVENT, (tx, event) => this.record(tx, event.payload));
  }

  async record(tx: Tx, event: ProcessEvent): Promise<void> {
    const actorId = tx.actor?.userId ?? null;
    const context = await rows.eventContext(tx.em, event.investigationId, event.organisationId);
    const recipients = await rows.eventRecipients(
      tx.em,
      { ...event, organisationId: event.organisationId, municipalityId: context.municipality_id, userIds: event.userIds ?? [] },
      actorId,
    );
    if (!recipients.length) return;
    const params: EventParams = {
      type: 'EVENT',
      kind: event.kind,
      actorId: actorId ?? '',
      investigationId: event.investigationId,
      investigationTitle: context.title,
      organisationName: context.organisation_name ?? null,
      subjectId: event.subjectId,
      planId: event.planId,
      link: linkOf(event),
      details: event.details,
    };
    const eventId = randomUUID();
    const notifications = recipients.map((u) => ({
      id: randomUUID(),
      userId: u.id,
      status: u.muted_event_kinds.includes(event.kind) ? 'NOT_MAILED' : u.notification_mode === 'DAILY_DIGEST' ? 'IN_DIGEST' : 'PENDING',
    }));
    await rows.insertEventNotifications(tx.em, eventId, event.kind, params, notifications);
    const mail = notifications.filter((r) => r.status === 'PENDING').map((r) => r.id);
    // After commit: a worker never gets a job for a row it cannot see; a lost job is re-queued by the sweep.
    if (mail.length) tx.afterCommit(() => this.queue.mails(mail));
  }
}

function linkOf(event: ProcessEvent): string {
  switch (event.kind) {
    case EventKind.AUDIT_SUBMITTED:
    case EventKind.AUDIT_JUDGED:
      return WEB_PATHS.audit(event.planId!);
    case EventKind.PLAN_VERIFIED:
      return WEB_PATHS.verification(event.planId!);
    case EventKind.EXTENSION_REQUESTED:
    case EventKind.EXTENSION_DECIDED:
      return WEB_PATHS.extensionRequest(event.subjectId);
    case EventKind.ENFORCEMENT_STEP:
      return WEB_PATHS.enforcement(event.subjectId);
    case EventKind.COMMENT_ADDED:
    case EventKind.COMMENT_MENTIONED:
      return WEB_PATHS.comment(event.details.subjectType ?? 'PLAN', event.details.threadId ?? '', event.planId, event.subjectId);
    default:
      return event.planId ? WEB_PATHS.plan(event.planId) : WEB_PATHS.investigation(event.investigationId);
  }
}
