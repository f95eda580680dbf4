import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, Page, PageArgs, paginate, SortSpec, Tx, updateVersioned, batchRead } from '@opvolging/database';
import { DeadlineKind, KindPolicy, validatePolicyOverrides } from '@opvolging/deadlines';
import { OrganisationKind } from '@opvolging/organisations';
import {
  Actor,
  Clock,
  DeadlineUnit,
  DomainError,
  DomainEvents,
  FieldProblem,
  publicationDateProblem,
  publicationWindow,
  Role,
  requireRole,
  unique,
} from '@opvolging/shared';
import { Investigation, InvestigationStatus } from './investigation.entity';
import { INVESTIGATION_PUBLISHED, InvestigationPublished } from './investigation.events';
import { investigationStateMachine } from './investigation.state-machine';
import { InvestigationFilter, investigationRepository as rows } from './investigation.repository';
import { publicationDeadlines } from './publication-deadlines';

export type { InvestigationFilter } from './investigation.repository';
export { overdueInInvestigationSql } from './investigation.repository';

export interface DeadlinePolicyData {
  unit?: DeadlineUnit;
  /** Per deadline kind: reminder offsets and escalation days (absent kinds keep their defaults). */
  reminders?: Array<{ kind: DeadlineKind } & Partial<KindPolicy>>;
  planDueDays?: number;
  assessmentDueDays?: number;
  revisionDueDays?: number;
  auditDueMonths?: number;
  trajectoryMonths?: number;
}

/** What publishing a draft on a date would create (`InvestigationsService.preview`). */
export interface PublicationPreview {
  investigationId: string;
  publicationDate: string;
  /** The publication dates accepted today (`publicationWindow`), for the form's hint. */
  earliestPublicationDate: string;
  latestPublicationDate: string;
  trajectoryEndDate: string;
  /** One plan per addressed organisation, ordered by the organisation's name. */
  plans: Array<{ organisationId: string; dueDate: string }>;
}

export interface CreateInvestigationData {
  title: string;
  summary?: string;
  municipalityId: string;
  participatingInspectorateIds?: string[];
  involvedOrganisationIds: string[];
  policy?: DeadlinePolicyData;
}

export interface UpdateInvestigationData extends Partial<Omit<CreateInvestigationData, 'policy'>> {
  id: string;
  expectedVersion: number;
  policy?: DeadlinePolicyData;
}

export enum InvestigationSort {
  PUBLICATION_DATE = 'PUBLICATION_DATE',
  CREATED_AT = 'CREATED_AT',
  TITLE = 'TITLE',
}

const sorts: Record<InvestigationSort, Omit<SortSpec, 'direction'>> = {
  [InvestigationSort.PUBLICATION_DATE]: { expression: "coalesce(i.publication_date, DATE '9999-12-31')", type: 'date' },
  [InvestigationSort.CREATED_AT]: { expression: 'i.created_at', type: 'timestamptz' },
  [InvestigationSort.TITLE]: { expression: 'lower(i.title)', type: 'text' },
};

@Injectable()
export class InvestigationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: DomainEvents<Tx>,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  list(
    actor: Actor,
    filter: InvestigationFilter,
    sort: { field: InvestigationSort; direction: 'ASC' | 'DESC' },
    page: PageArgs,
  ): Promise<Page<Investigation>> {
    return paginate(
      this.db,
      actor,
      (em) => rows.filtered(em, actor, filter, this.clock.today()),
      'i.id',
      { ...sorts[sort.field], direction: sort.direction },
      page,
    );
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<Investigation[]> {
    return this.db.read(actor, ({ em }) => rows.byIds(em, actor, ids));
  }

  async get(actor: Actor, id: string): Promise<Investigation> {
    const [found] = await this.byIds(actor, [id]);
    if (!found) throw DomainError.notFound('Investigation', id);
    return found;
  }

  /** Participating inspectorate ids (the lead excluded) per investigation. */
  async inspectorateIds(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, string[]>> {
    return batchRead(this.db, actor, investigationIds, rows.inspectorateIds());
  }

  async involvedOrganisationIds(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, string[]>> {
    return batchRead(this.db, actor, investigationIds, rows.involvedOrganisationIds());
  }

  // ---- writes ------------------------------------------------------------------------------

  create(actor: Actor, data: CreateInvestigationData): Promise<Investigation> {
    requireRole(actor, [Role.INSPECTOR], 'open investigations');
    return this.db.transaction(actor, async ({ em }) => {
      const participating = unique(data.participatingInspectorateIds ?? []).filter((id) => id !== actor.organisationId);
      await this.checkParties(em, data.municipalityId, participating, unique(data.involvedOrganisationIds));
      const saved = await rows.insert(em, {
        title: data.title.trim(),
        summary: data.summary?.trim() ?? '',
        municipalityId: data.municipalityId,
        leadInspectorateId: actor.organisationId,
        status: InvestigationStatus.DRAFT,
        createdBy: actor.userId,
        version: 1,
        ...policyColumns(data.policy),
      });
      await rows.replaceParties(em, saved.id, participating, unique(data.involvedOrganisationIds));
      return rows.reread(em, saved.id);
    });
  }

  update(actor: Actor, data: UpdateInvestigationData): Promise<Investigation> {
    requireRole(actor, [Role.INSPECTOR], 'edit investigations');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await this.loadForWrite(em, actor, data.id, { leadOnly: true });
      investigationStateMachine.next(current.status, 'edit');
      const municipalityId = data.municipalityId ?? current.municipalityId;
      if (
        data.municipalityId !== undefined ||
        data.participatingInspectorateIds !== undefined ||
        data.involvedOrganisationIds !== undefined
      ) {
        const existingParticipating = await rows.participatingIds(em, current.id);
        const existingInvolved = await rows.involvedIds(em, current.id);
        const participating = unique(data.participatingInspectorateIds ?? existingParticipating).filter(
          (id) => id !== current.leadInspectorateId,
        );
        const involved = unique(data.involvedOrganisationIds ?? existingInvolved);
        await this.checkParties(em, municipalityId, participating, involved);
        const stillAddressed = await rows.addressedOutside(em, current.id, involved);
        if (stillAddressed.length) {
          throw DomainError.badInput('Organisations that improvement points are addressed to must stay involved.', [
            {
              path: 'input.involvedOrganisationIds',
              message: `still addressed: ${stillAddressed.join(', ')}`,
            },
          ]);
        }
        await rows.replaceParties(em, current.id, participating, involved);
      }
      return updateVersioned(em, Investigation, 'Investigation', data.id, data.expectedVersion, {
        ...(data.title !== undefined ? { title: data.title.trim() } : {}),
        ...(data.summary !== undefined ? { summary: data.summary.trim() } : {}),
        municipalityId,
        ...policyColumns(data.policy, current),
      });
    });
  }

  /**
   * What publishing this draft on `publicationDate` would create, without publishing: the plan due
   * date of each addressed organisation and the trajectory end. Same caller rules as `publish` (lead
   * inspectorate's inspectors, a DRAFT), the same publication-date window and the same functions.
   */
  preview(actor: Actor, data: { id: string; publicationDate: string }): Promise<PublicationPreview> {
    requireRole(actor, [Role.INSPECTOR], 'publish investigations');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await this.loadForWrite(em, actor, data.id, { leadOnly: true, lock: false });
      investigationStateMachine.next(current.status, 'publish');
      const today = this.clock.today();
      const dateProblem = publicationDateProblem('publicationDate', data.publicationDate, today);
      if (dateProblem) throw DomainError.badInput('The publication date is outside the allowed window.', [dateProblem]);
      const { planDueDate, trajectoryEndDate } = publicationDeadlines(current, data.publicationDate);
      const organisationIds = await rows.addresseeIds(em, current.id);
      const window = publicationWindow(today);
      return {
        investigationId: current.id,
        publicationDate: data.publicationDate,
        earliestPublicationDate: window.earliest,
        latestPublicationDate: window.latest,
        trajectoryEndDate,
        plans: organisationIds.map((organisationId) => ({ organisationId, dueDate: planDueDate })),
      };
    });
  }

  /** Publishes the report: addressed organisations now see their points and get a plan each. */
  publish(actor: Actor, data: { id: string; expectedVersion: number; publicationDate: string }): Promise<Investigation> {
    requireRole(actor, [Role.INSPECTOR], 'publish investigations');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const current = await this.loadForWrite(em, actor, data.id, { leadOnly: true });
      const status = investigationStateMachine.next(current.status, 'publish');
      const problems: FieldProblem[] = [];
      const { findings, points, unaddressed } = await rows.contentCounts(em, current.id);
      if (findings === 0) problems.push({ path: 'input.id', message: 'the report has no findings yet' });
      if (points === 0) problems.push({ path: 'input.id', message: 'the report has no improvement points yet' });
      if (unaddressed > 0)
        problems.push({ path: 'input.id', message: `${unaddressed} improvement point(s) are addressed to no organisation` });
      const dateProblem = publicationDateProblem('input.publicationDate', data.publicationDate, this.clock.today());
      if (dateProblem) problems.push(dateProblem);
      if (problems.length) throw DomainError.badInput('The investigation cannot be published yet.', problems);
      const published = await updateVersioned(em, Investigation, 'Investigation', data.id, data.expectedVersion, {
        status,
        publicationDate: data.publicationDate,
        trajectoryEndDate: publicationDeadlines(current, data.publicationDate).trajectoryEndDate,
      });
      const payload: InvestigationPublished = { investigation: published, addresseeIds: await rows.addresseeIds(em, current.id) };
      await this.events.emit(tx, { type: INVESTIGATION_PUBLISHED, payload });
      return published;
    });
  }

  /** Ends the trajectory; only when every plan was closed by a verification. */
  close(actor: Actor, data: { id: string; expectedVersion: number; reason: string }): Promise<Investigation> {
    requireRole(actor, [Role.INSPECTOR], 'close investigations');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await this.loadForWrite(em, actor, data.id, { leadOnly: true });
      const status = investigationStateMachine.next(current.status, 'close');
      const open = await rows.openPlans(em, current.id);
      if (open.length) {
        throw DomainError.badInput(
          `The investigation cannot be closed while plans are not verified: ${open.map((p) => `${p.name} (${p.status})`).join(', ')}.`,
          [{ path: 'input.id', message: 'plans still open' }],
          { openPlanIds: open.map((p) => p.id) },
        );
      }
      return updateVersioned(em, Investigation, 'Investigation', data.id, data.expectedVersion, {
        status,
        closureReason: data.reason.trim(),
        closedAt: this.clock.now(),
      });
    });
  }

  /**
   * The investigation row, locked for the rest of the transaction (unless `lock: false`, for the
   * publication preview), if the inspector may write it: out of scope reads as NOT_FOUND;
   * publishing and closing are for the lead inspectorate.
   */
  async loadForWrite(
    em: EntityManager,
    actor: Actor,
    id: string,
    options: { leadOnly?: boolean; lock?: boolean } = {},
  ): Promise<Investigation> {
    const found = await rows.inScope(em, actor, id, options.lock !== false);
    if (!found || actor.role !== Role.INSPECTOR) throw DomainError.notFound('Investigation', id);
    if (options.leadOnly && found.leadInspectorateId !== actor.organisationId) {
      throw DomainError.forbidden('Only inspectors of the lead inspectorate may do this for this investigation.');
    }
    return found;
  }

  private async checkParties(em: EntityManager, municipalityId: string, participating: string[], involved: string[]) {
    const ids = unique([municipalityId, ...participating, ...involved]);
    const found = new Map((await rows.organisations(em, ids)).map((o) => [o.id, o]));
    const problems: FieldProblem[] = [];
    if (found.get(municipalityId)?.kind !== OrganisationKind.MUNICIPALITY)
      problems.push({ path: 'input.municipalityId', message: 'not a municipality' });
    participating.forEach((id, index) => {
      if (found.get(id)?.kind !== OrganisationKind.INSPECTORATE)
        problems.push({ path: `input.participatingInspectorateIds.${index}`, message: 'not an inspectorate' });
    });
    involved.forEach((id, index) => {
      const org = found.get(id);
      if (!org) problems.push({ path: `input.involvedOrganisationIds.${index}`, message: 'unknown organisation' });
      else if (org.kind === OrganisationKind.INSPECTORATE)
        problems.push({ path: `input.involvedOrganisationIds.${index}`, message: 'an inspectorate is not an involved organisation' });
    });
    if (problems.length) throw DomainError.badInput('Some organisations of the investigation are not valid.', problems);
  }
}

function policyColumns(policy: DeadlinePolicyData | undefined, current?: Investigation) {
  return {
    planDueDays: policy?.planDueDays ?? current?.planDueDays ?? 42,
    assessmentDueDays: policy?.assessmentDueDays ?? current?.assessmentDueDays ?? 28,
    revisionDueDays: policy?.revisionDueDays ?? current?.revisionDueDays ?? 28,
    auditDueMonths: policy?.auditDueMonths ?? current?.auditDueMonths ?? 6,
    trajectoryMonths: policy?.trajectoryMonths ?? current?.trajectoryMonths ?? 12,
    deadlineUnit: policy?.unit ?? current?.deadlineUnit ?? DeadlineUnit.CALENDAR_DAYS,
    reminderPolicy: { ...(current?.reminderPolicy ?? {}), ...(policy?.reminders ? validatePolicyOverrides(policy.reminders) : {}) },
  };
}
