import { Injectable } from '@nestjs/common';
import { Brackets, EntityManager, In } from 'typeorm';
import { Database, Page, PageArgs, paginate, SortSpec, Tx, updateVersioned } from '@opvolging/database';
import { DeadlineKind, KindPolicy, validatePolicyOverrides } from '@opvolging/deadlines';
import { investigationScope } from '@opvolging/identity';
import { Organisation, OrganisationKind } from '@opvolging/organisations';
import { Actor, addMonths, Clock, DeadlineUnit, DomainError, DomainEvents, FieldProblem, group, likeTerm, overdueSql, Role, requireRole, Theme, unique } from '@opvolging/shared';
import {
  Investigation,
  InvestigationInspectorate,
  InvestigationOrganisation,
  InvestigationStatus,
} from './investigation.entity';
import { INVESTIGATION_PUBLISHED, InvestigationPublished } from './investigation.events';
import { investigationStateMachine } from './investigation.state-machine';

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

export interface InvestigationFilter {
  status?: InvestigationStatus;
  municipalityId?: string;
  organisationId?: string;
  theme?: Theme;
  search?: string;
  /** Investigations with at least one late plan, measure or audit (visible to the actor). */
  overdue?: boolean;
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

/**
 * SQL for "something in this investigation is late", shared by the filter and the overviews.
 * `ownOrganisationOnly`: count only the plans of :scopeOrgId (an organisation must not learn of others' lateness).
 */
export const overdueInInvestigationSql = (i: string, ownOrganisationOnly = false) => {
  const own = ownOrganisationOnly ? ' AND od_p.organisation_id = :scopeOrgId' : '';
  // One EXISTS over the investigation's plans (not three OR'ed ones): PostgreSQL can then walk the
  // plans of each candidate investigation instead of hashing every late measure in the database.
  return `EXISTS (SELECT 1 FROM improvement_plans od_p WHERE od_p.investigation_id = ${i}.id${own} AND (
      ${overdueSql.plan('od_p')}
      OR EXISTS (SELECT 1 FROM measures od_m WHERE od_m.plan_id = od_p.id AND ${overdueSql.measure('od_m')})
      OR EXISTS (SELECT 1 FROM internal_audits od_a WHERE od_a.plan_id = od_p.id AND ${overdueSql.audit('od_a')})))`;
};

@Injectable()
export class InvestigationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: DomainEvents<Tx>,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  list(actor: Actor, filter: InvestigationFilter, sort: { field: InvestigationSort; direction: 'ASC' | 'DESC' }, page: PageArgs): Promise<Page<Investigation>> {
    return paginate(this.db, actor, (em) => {
      const scope = investigationScope(actor, 'i');
      const qb = em.getRepository(Investigation).createQueryBuilder('i').where(scope.sql, scope.params);
      if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
      if (filter.municipalityId) qb.andWhere('i.municipality_id = :municipalityId', { municipalityId: filter.municipalityId });
      if (filter.organisationId) {
        qb.andWhere('EXISTS (SELECT 1 FROM investigation_organisations f_io WHERE f_io.investigation_id = i.id AND f_io.organisation_id = :filterOrg)', {
          filterOrg: filter.organisationId,
        });
      }
      if (filter.theme) {
        qb.andWhere(
          new Brackets((w) =>
            w
              .where('EXISTS (SELECT 1 FROM findings f_f WHERE f_f.investigation_id = i.id AND :theme = ANY(f_f.themes))')
              .orWhere('EXISTS (SELECT 1 FROM improvement_points f_pt WHERE f_pt.investigation_id = i.id AND :theme = ANY(f_pt.themes))'),
          ),
          { theme: filter.theme },
        );
      }
      if (filter.search) qb.andWhere('i.title ILIKE :term', { term: likeTerm(filter.search) });
      if (filter.overdue !== undefined) {
        qb.andWhere(`${filter.overdue ? '' : 'NOT '}${overdueInInvestigationSql('i', actor.role === Role.ORGANISATION_MEMBER)}`, { today: this.clock.today() });
      }
      return qb;
    }, 'i.id', { ...sorts[sort.field], direction: sort.direction }, page);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<Investigation[]> {
    return this.db.transaction(actor, ({ em }) => {
      const scope = investigationScope(actor, 'i');
      return em.getRepository(Investigation).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    });
  }

  async get(actor: Actor, id: string): Promise<Investigation> {
    const [found] = await this.byIds(actor, [id]);
    if (!found) throw DomainError.notFound('Investigation', id);
    return found;
  }

  /** Participating inspectorate ids (the lead excluded) per investigation. */
  async inspectorateIds(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.transaction(actor, ({ em }) =>
      em.getRepository(InvestigationInspectorate).findBy({ investigationId: In([...investigationIds]) }),
    );
    return group(rows, (r) => r.investigationId, (r) => r.inspectorateId);
  }

  async involvedOrganisationIds(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.transaction(actor, ({ em }) =>
      em.getRepository(InvestigationOrganisation).findBy({ investigationId: In([...investigationIds]) }),
    );
    return group(rows, (r) => r.investigationId, (r) => r.organisationId);
  }

  // ---- writes ------------------------------------------------------------------------------

  create(actor: Actor, data: CreateInvestigationData): Promise<Investigation> {
    requireRole(actor, [Role.INSPECTOR], 'open investigations');
    return this.db.transaction(actor, async ({ em }) => {
      const participating = unique(data.participatingInspectorateIds ?? []).filter((id) => id !== actor.organisationId);
      await this.checkParties(em, data.municipalityId, participating, unique(data.involvedOrganisationIds));
      const repo = em.getRepository(Investigation);
      const saved = await repo.save(
        repo.create({
          title: data.title.trim(),
          summary: data.summary?.trim() ?? '',
          municipalityId: data.municipalityId,
          leadInspectorateId: actor.organisationId,
          status: InvestigationStatus.DRAFT,
          createdBy: actor.userId,
          version: 1,
          ...policyColumns(data.policy),
        }),
      );
      await this.replaceParties(em, saved.id, participating, unique(data.involvedOrganisationIds));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  update(actor: Actor, data: UpdateInvestigationData): Promise<Investigation> {
    requireRole(actor, [Role.INSPECTOR], 'edit investigations');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await this.loadForWrite(em, actor, data.id, { leadOnly: true });
      investigationStateMachine.next(current.status, 'edit');
      const municipalityId = data.municipalityId ?? current.municipalityId;
      if (data.municipalityId !== undefined || data.participatingInspectorateIds !== undefined || data.involvedOrganisationIds !== undefined) {
        const existingParticipating = (await em.getRepository(InvestigationInspectorate).findBy({ investigationId: current.id })).map((r) => r.inspectorateId);
        const existingInvolved = (await em.getRepository(InvestigationOrganisation).findBy({ investigationId: current.id })).map((r) => r.organisationId);
        const participating = unique(data.participatingInspectorateIds ?? existingParticipating).filter((id) => id !== current.leadInspectorateId);
        const involved = unique(data.involvedOrganisationIds ?? existingInvolved);
        await this.checkParties(em, municipalityId, participating, involved);
        const stillAddressed: Array<{ organisation_id: string }> = await em.query(
          `SELECT DISTINCT a.organisation_id FROM improvement_point_addressees a JOIN improvement_points pt ON pt.id = a.point_id
           WHERE pt.investigation_id = $1 AND NOT (a.organisation_id = ANY($2::uuid[]))`,
          [current.id, involved],
        );
        if (stillAddressed.length) {
          throw DomainError.badInput('Organisations that improvement points are addressed to must stay involved.', [
            { path: 'input.involvedOrganisationIds', message: `still addressed: ${stillAddressed.map((r) => r.organisation_id).join(', ')}` },
          ]);
        }
        await this.replaceParties(em, current.id, participating, involved);
      }
      return updateVersioned(em, Investigation, 'Investigation', data.id, data.expectedVersion, {
        ...(data.title !== undefined ? { title: data.title.trim() } : {}),
        ...(data.summary !== undefined ? { summary: data.summary.trim() } : {}),
        municipalityId,
        ...policyColumns(data.policy, current),
      });
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
      const [{ findings, points, unaddressed }] = await em.query(
        `SELECT (SELECT count(*) FROM findings WHERE investigation_id = $1)::int AS findings,
                (SELECT count(*) FROM improvement_points WHERE investigation_id = $1)::int AS points,
                (SELECT count(*) FROM improvement_points pt WHERE pt.investigation_id = $1
                   AND NOT EXISTS (SELECT 1 FROM improvement_point_addressees a WHERE a.point_id = pt.id))::int AS unaddressed`,
        [current.id],
      );
      if (findings === 0) problems.push({ path: 'input.id', message: 'the report has no findings yet' });
      if (points === 0) problems.push({ path: 'input.id', message: 'the report has no improvement points yet' });
      if (unaddressed > 0) problems.push({ path: 'input.id', message: `${unaddressed} improvement point(s) are addressed to no organisation` });
      if (problems.length) throw DomainError.badInput('The investigation cannot be published yet.', problems);
      const published = await updateVersioned(em, Investigation, 'Investigation', data.id, data.expectedVersion, {
        status,
        publicationDate: data.publicationDate,
        trajectoryEndDate: addMonths(data.publicationDate, current.trajectoryMonths, current.deadlineUnit),
      });
      const addressees: Array<{ organisation_id: string }> = await em.query(
        `SELECT DISTINCT a.organisation_id FROM improvement_point_addressees a JOIN improvement_points pt ON pt.id = a.point_id WHERE pt.investigation_id = $1`,
        [current.id],
      );
      const payload: InvestigationPublished = { investigation: published, addresseeIds: addressees.map((a) => a.organisation_id) };
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
      const open: Array<{ id: string; name: string; status: string }> = await em.query(
        `SELECT p.id, o.name, p.status FROM improvement_plans p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.investigation_id = $1 AND p.status <> 'CLOSED' ORDER BY o.name`,
        [current.id],
      );
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
   * The investigation row, locked for the rest of the transaction, if the inspector may write it:
   * out of scope reads as NOT_FOUND; publishing and closing are for the lead inspectorate.
   */
  async loadForWrite(em: EntityManager, actor: Actor, id: string, options: { leadOnly?: boolean } = {}): Promise<Investigation> {
    const scope = investigationScope(actor, 'i');
    const found = await em
      .getRepository(Investigation)
      .createQueryBuilder('i')
      .where('i.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!found || actor.role !== Role.INSPECTOR) throw DomainError.notFound('Investigation', id);
    if (options.leadOnly && found.leadInspectorateId !== actor.organisationId) {
      throw DomainError.forbidden('Only inspectors of the lead inspectorate may do this for this investigation.');
    }
    return found;
  }

  private async checkParties(em: EntityManager, municipalityId: string, participating: string[], involved: string[]) {
    const ids = unique([municipalityId, ...participating, ...involved]);
    const found = new Map((await em.getRepository(Organisation).findBy({ id: In(ids) })).map((o) => [o.id, o]));
    const problems: FieldProblem[] = [];
    if (found.get(municipalityId)?.kind !== OrganisationKind.MUNICIPALITY) problems.push({ path: 'input.municipalityId', message: 'not a municipality' });
    participating.forEach((id, index) => {
      if (found.get(id)?.kind !== OrganisationKind.INSPECTORATE) problems.push({ path: `input.participatingInspectorateIds.${index}`, message: 'not an inspectorate' });
    });
    involved.forEach((id, index) => {
      const org = found.get(id);
      if (!org) problems.push({ path: `input.involvedOrganisationIds.${index}`, message: 'unknown organisation' });
      else if (org.kind === OrganisationKind.INSPECTORATE) problems.push({ path: `input.involvedOrganisationIds.${index}`, message: 'an inspectorate is not an involved organisation' });
    });
    if (problems.length) throw DomainError.badInput('Some organisations of the investigation are not valid.', problems);
  }

  private async replaceParties(em: EntityManager, investigationId: string, participating: string[], involved: string[]) {
    await em.delete(InvestigationInspectorate, { investigationId });
    await em.delete(InvestigationOrganisation, { investigationId });
    if (participating.length) await em.insert(InvestigationInspectorate, participating.map((inspectorateId) => ({ investigationId, inspectorateId })));
    if (involved.length) await em.insert(InvestigationOrganisation, involved.map((organisationId) => ({ investigationId, organisationId })));
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

