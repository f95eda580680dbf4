import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Event notifications (a plan submitted, assessed, …) beside the deadline notices: recorded in the
 * transaction of the step itself, by the acting user, once per event and recipient; mailed after
 * commit by the worker like reminders. A user may turn off mail for event kinds.
 */
export class EventNotifications1764626000000 implements MigrationInterface {
  name = 'EventNotifications1764626000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN event_id uuid,
        ADD CONSTRAINT notifications_event_once UNIQUE (event_id, user_id),
        ADD CONSTRAINT notifications_notice_or_event CHECK (notice_id IS NULL OR event_id IS NULL),
        DROP CONSTRAINT notifications_email_status_check,
        ADD CONSTRAINT notifications_email_status_check CHECK (email_status IN ('PENDING','SENDING','SENT','IN_DIGEST','DIGEST_SENT','NOT_MAILED'))`);
    // The acting user records the event's notifications for others (no RETURNING: they stay unreadable to them).
    await q.query(`
      CREATE POLICY event_notifications ON notifications FOR INSERT
        WITH CHECK (notice_id IS NULL AND event_id IS NOT NULL AND params->>'actorId' = app_user_id()::text)`);
    await q.query(`ALTER TABLE users ADD COLUMN muted_event_kinds text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN muted_event_kinds`);
    await q.query(`DROP POLICY event_notifications ON notifications`);
    await q.query(`DELETE FROM notifications WHERE event_id IS NOT NULL OR email_status = 'NOT_MAILED'`);
    await q.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_email_status_check,
        ADD CONSTRAINT notifications_email_status_check CHECK (email_status IN ('PENDING','SENDING','SENT','IN_DIGEST','DIGEST_SENT')),
        DROP CONSTRAINT notifications_notice_or_event,
        DROP CONSTRAINT notifications_event_once,
        DROP COLUMN event_id`);
  }
}
