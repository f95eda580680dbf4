import { DeadlineKind, DueNotice, isOrganisationKind } from '@opvolging/deadlines';

export interface Recipient {
  id: string;
  organisation_id: string;
  role: string;
  notification_mode: 'IMMEDIATE' | 'DAILY_DIGEST';
}

/** The active users who may hear of a batch of deadlines, as the sweep loaded them. */
export interface People {
  /** Organisation members by organisation. */
  members: Map<string, Recipient[]>;
  /** Inspectors by inspectorate. */
  inspectors: Map<string, Recipient[]>;
  byId: Map<string, Recipient>;
}

/**
 * Who hears of one notice, each once, and whether as an escalation. The inspectorate's deadlines
 * go to the lead inspectorate's inspectors (an overdue one as an escalation); a measure goes to its
 * owner, else to the organisation's members; the notice's audiences widen that circle.
 */
export function recipientsFor(
  deadline: { kind: DeadlineKind; organisation_id: string | null; owner_id: string | null; lead_inspectorate_id: string },
  notice: Pick<DueNotice, 'type' | 'audiences'>,
  people: People,
): Map<string, { user: Recipient; escalated: boolean }> {
  const recipients = new Map<string, { user: Recipient; escalated: boolean }>();
  const add = (list: Recipient[] | undefined, escalated: boolean) =>
    list?.forEach((u) => recipients.has(u.id) || recipients.set(u.id, { user: u, escalated }));
  const { members, inspectors, byId } = people;
  const c = deadline;
  if (!isOrganisationKind(c.kind)) add(inspectors.get(c.lead_inspectorate_id), notice.type === 'OVERDUE');
  else if (c.kind === DeadlineKind.MEASURE_DUE && c.owner_id && byId.has(c.owner_id)) add([byId.get(c.owner_id)!], false);
  else add(members.get(c.organisation_id!), false);
  if (notice.audiences.includes('ORGANISATION')) add(members.get(c.organisation_id!), false);
  if (notice.audiences.includes('INSPECTORS')) add(inspectors.get(c.lead_inspectorate_id), true);
  return recipients;
}
