import { TestApp } from './test-app';

/** Steps of a case through the API, for tests that need a case at a given stage. */
export function caseFlow(t: TestApp) {
  const plan = async (token: string, planId: string) =>
    (
      await t.ok(
        token,
        `query($id: ID!) { improvementPlan(id: $id) { id version status measures { id version status } internalAudit { id version status ` +
          `} } }`,
        { id: planId },
      )
    ).improvementPlan;

  return {
    plan,
    async addMeasure(token: string, planId: string, ownerId: string, pointIds: string[], dueDate = '2026-09-01') {
      return (
        await t.ok(token, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id version } }`, {
          input: { planId, description: `Maatregel ${pointIds.length}`, successIndicator: 'Vastgesteld', ownerId, dueDate, pointIds },
        })
      ).addMeasure as { id: string; version: number };
    },
    async submit(token: string, planId: string) {
      const p = await plan(token, planId);
      await t.ok(token, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`, {
        input: { planId, expectedVersion: p.version },
      });
    },
    async assess(inspector: string, planId: string, accept = true) {
      const p = await plan(inspector, planId);
      const answer = { judgement: 'SUFFICIENT', rationale: 'Voldoende.' };
      await t.ok(inspector, `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }`, {
        input: {
          planId,
          expectedVersion: p.version,
          aimedAtShortcomings: answer,
          chanceOfSuccess: answer,
          pace: accept ? answer : { judgement: 'INSUFFICIENT', rationale: 'Te traag.' },
        },
      });
    },
    async complete(token: string, measure: { id: string }, planId: string) {
      const m = (await plan(token, planId)).measures.find((x: { id: string }) => x.id === measure.id);
      await t.ok(token, `mutation($input: CompleteMeasureInput!) { completeMeasure(input: $input) { status } }`, {
        input: { id: m.id, expectedVersion: m.version, evidence: 'Gedaan.' },
      });
    },
    async cancel(token: string, measure: { id: string }, planId: string) {
      const m = (await plan(token, planId)).measures.find((x: { id: string }) => x.id === measure.id);
      await t.ok(token, `mutation($input: CancelMeasureInput!) { cancelMeasure(input: $input) { status } }`, {
        input: { id: m.id, expectedVersion: m.version, reason: 'Niet meer nodig.' },
      });
    },
    /** Saves results for every measure not cancelled and submits the audit. */
    async submitAudit(token: string, planId: string) {
      const p = await plan(token, planId);
      const saved = await t.ok(token, `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }`, {
        input: {
          id: p.internalAudit.id,
          expectedVersion: p.internalAudit.version,
          conclusion: 'Ingevoerd.',
          results: p.measures
            .filter((m: { status: string }) => m.status !== 'CANCELLED')
            .map((m: { id: string }) => ({ measureId: m.id, implementation: 'IMPLEMENTED', evidence: 'Steekproef.' })),
        },
      });
      await t.ok(token, `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { version } }`, {
        input: { id: p.internalAudit.id, expectedVersion: saved.saveInternalAudit.version },
      });
    },
    async judgeAudit(inspector: string, planId: string, quality: 'SUFFICIENT' | 'INSUFFICIENT') {
      const p = await plan(inspector, planId);
      await t.ok(inspector, `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) { status } }`, {
        input: {
          id: p.internalAudit.id,
          expectedVersion: p.internalAudit.version,
          quality,
          rationale: 'Beoordeeld.',
          // An insufficient audit needs the inspector's choice of follow-up: here a revised audit.
          ...(quality === 'INSUFFICIENT' ? { followUp: 'REVISED_AUDIT', revisedDueDate: '2026-10-01' } : {}),
        },
      });
    },
    verifyInput: async (inspector: string, planId: string, pointIds: string[], verifiedOn: string) => ({
      planId,
      expectedPlanVersion: (await plan(inspector, planId)).version,
      method: 'DESK_REVIEW',
      verifiedOn,
      summary: 'Stukken beoordeeld.',
      grades: pointIds.map((pointId) => ({ pointId, grade: 'FULLY' })),
    }),
    async closeInvestigation(inspector: string, id: string) {
      const inv = await t.ok(inspector, `query($id: ID!) { investigation(id: $id) { version } }`, { id });
      await t.ok(inspector, `mutation($input: CloseInvestigationInput!) { closeInvestigation(input: $input) { status } }`, {
        input: { id, expectedVersion: inv.investigation.version, reason: 'Alle plannen getoetst.' },
      });
    },
  };
}

export const VERIFY = `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { status } }`;
