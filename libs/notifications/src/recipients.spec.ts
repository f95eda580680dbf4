import { DeadlineKind } from '@opvolging/deadlines';
import { Recipient, recipientsFor } from './recipients';

const user = (id: string, organisation: string, role: string): Recipient => ({
  id,
  organisation_id: organisation,
  role,
  notification_mode: 'IMMEDIATE',
});
const owner = user('owner', 'org', 'ORGANISATION_MEMBER');
const colleague = user('colleague', 'org', 'ORGANISATION_MEMBER');
const inspector = user('inspector', 'insp', 'INSPECTOR');
const people = {
  members: new Map([['org', [owner, colleague]]]),
  inspectors: new Map([['insp', [inspector]]]),
  byId: new Map([owner, colleague, inspector].map((u) => [u.id, u])),
};
const deadline = (kind: DeadlineKind, ownerId: string | null = null) => ({
  kind,
  organisation_id: kind === DeadlineKind.TRAJECTORY_END ? null : 'org',
  owner_id: ownerId,
  lead_inspectorate_id: 'insp',
});
const who = (map: ReturnType<typeof recipientsFor>) => [...map.values()].map((r) => `${r.user.id}${r.escalated ? '!' : ''}`);

describe('recipients of a notice', () => {
  it("send a measure's reminder to its owner only", () => {
    expect(
      who(recipientsFor(deadline(DeadlineKind.MEASURE_DUE, 'owner'), { type: 'REMINDER', audiences: ['RESPONSIBLE'] }, people)),
    ).toEqual(['owner']);
  });

  it("send a plan's notice to the organisation's members, and an escalation to the inspectors as escalated", () => {
    const notice = { type: 'OVERDUE' as const, audiences: ['RESPONSIBLE', 'ORGANISATION', 'INSPECTORS'] as const };
    expect(who(recipientsFor(deadline(DeadlineKind.PLAN_DUE), { ...notice, audiences: [...notice.audiences] }, people))).toEqual([
      'owner',
      'colleague',
      'inspector!',
    ]);
  });

  it("send the inspectorate's own deadlines to its inspectors, overdue ones as escalated", () => {
    expect(who(recipientsFor(deadline(DeadlineKind.ASSESSMENT_DUE), { type: 'REMINDER', audiences: ['RESPONSIBLE'] }, people))).toEqual([
      'inspector',
    ]);
    expect(who(recipientsFor(deadline(DeadlineKind.TRAJECTORY_END), { type: 'OVERDUE', audiences: ['RESPONSIBLE'] }, people))).toEqual([
      'inspector!',
    ]);
  });

  it('fall back to the members when the owner of a measure is no longer active', () => {
    expect(
      who(recipientsFor(deadline(DeadlineKind.MEASURE_DUE, 'gone'), { type: 'REMINDER', audiences: ['RESPONSIBLE'] }, people)),
    ).toEqual(['owner', 'colleague']);
  });
});
