import { Injectable } from '@nestjs/common';
import { VerificationsService } from '@opvolging/audits';
import { Page } from '@opvolging/database';
import { DeadlineFilter, DeadlinesService, OpenDeadline } from '@opvolging/deadlines';
import { ImprovementPoint, InvestigationsService, PointFilter, ReportContentService } from '@opvolging/investigations';
import { OrganisationsService } from '@opvolging/organisations';
import { OverviewsService, PlanProgressRow, PortfolioFilter, ThemeCount } from '@opvolging/overviews';
import { Measure, MeasureFilter, MeasureSort, MeasuresService, PlansService } from '@opvolging/plans';
import { AttachmentsService, SubjectType, Visibility } from '@opvolging/conversation';
import { Actor, Clock, dates, DomainError, group, requireRole, Role } from '@opvolging/shared';
import { ExportParams, ExportView, MAX_EXPORT_ROWS } from './export.types';
import {
  AUDIT_STATUS,
  DEADLINE_KIND,
  ENFORCEMENT_STATUS,
  ENFORCEMENT_TYPE,
  GRADE,
  GRADES,
  INVESTIGATION_STATUS,
  label,
  Locale,
  Localized,
  MEASURE_STATUS,
  ORGANISATION_KIND,
  PLAN_STATUS,
  slug,
  THEME,
} from './labels';
import { ProgressReport } from './progress-report';
import { Column, table, Table } from './spreadsheet';

/** A failure the user reads in the export's `error`, in their language. */
export class ExportFailure extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

const tooLarge = () =>
  new ExportFailure({
    nl: `Deze lijst heeft meer dan ${MAX_EXPORT_ROWS.toLocaleString('nl-NL')} rijen. Verfijn het filter en vraag de export opnieuw aan.`,
    en: `This list has more than ${MAX_EXPORT_ROWS.toLocaleString('en-GB')} rows. Narrow the filter and request the export again.`,
  });

/** Every page of a keyset-paginated list, at most MAX_EXPORT_ROWS rows. */
async function allPages<T>(fetch: (after: string | null) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    rows.push(...page.nodes);
    if (rows.length > MAX_EXPORT_ROWS) throw tooLarge();
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

/** Looks ids up in chunks (one IN list per chunk), as a map by id. */
async function byIds<T extends { id: string }>(ids: Iterable<string>, load: (ids: string[]) => Promise<T[]>): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, T>();
  for (let i = 0; i < unique.length; i += 2000) for (const row of await load(unique.slice(i, i + 2000))) found.set(row.id, row);
  return found;
}

const h = (nl: string, en: string): Localized => ({ nl, en });
const dateOf = (instant: Date | null) => (instant ? dates.dateOf(instant) : null);

function planColumns(locale: Locale): Array<Column<PlanProgressRow>> {
  return [
    { header: h('Onderzoek', 'Investigation'), type: 'text', width: 30, value: (r) => r.investigationTitle },
    {
      header: h('Status onderzoek', 'Investigation status'),
      type: 'text',
      width: 16,
      value: (r) => label(INVESTIGATION_STATUS, r.investigationStatus, locale),
    },
    { header: h('Publicatiedatum', 'Publication date'), type: 'date', value: (r) => r.publicationDate },
    { header: h('Einde verbetertraject', 'End of trajectory'), type: 'date', value: (r) => r.trajectoryEndDate },
    { header: h('Organisatie', 'Organisation'), type: 'text', width: 36, value: (r) => r.organisationName },
    {
      header: h('Soort organisatie', 'Organisation kind'),
      type: 'text',
      width: 22,
      value: (r) => label(ORGANISATION_KIND, r.organisationKind, locale),
    },
    { header: h('Status verbeterplan', 'Plan status'), type: 'text', width: 20, value: (r) => label(PLAN_STATUS, r.planStatus, locale) },
    { header: h('Uiterste datum plan', 'Plan due date'), type: 'date', value: (r) => r.planDueDate },
    { header: h('Oorspronkelijke datum plan', 'Original plan due date'), type: 'date', value: (r) => r.planOriginalDueDate },
    { header: h('Plan te laat', 'Plan late'), type: 'boolean', value: (r) => r.planOverdue },
    { header: h('Maatregelen', 'Measures'), type: 'number', value: (r) => r.measuresTotal },
    { header: h('Maatregelen afgerond', 'Measures completed'), type: 'number', value: (r) => r.measuresCompleted },
    { header: h('Maatregelen geannuleerd', 'Measures cancelled'), type: 'number', value: (r) => r.measuresCancelled },
    { header: h('Maatregelen te laat', 'Measures late'), type: 'number', value: (r) => r.measuresLate },
    {
      header: h('Status interne audit', 'Internal audit status'),
      type: 'text',
      width: 20,
      value: (r) => label(AUDIT_STATUS, r.auditStatus, locale),
    },
    { header: h('Uiterste datum audit', 'Audit due date'), type: 'date', value: (r) => r.auditDueDate },
    { header: h('Audit te laat', 'Audit late'), type: 'boolean', value: (r) => r.auditOverdue },
    ...GRADES.map((g): Column<PlanProgressRow> => ({ header: GRADE[g], type: 'number', value: (r) => Number(r.grades[g] ?? 0) })),
    { header: h('Handhavingsmaatregelen', 'Enforcement measures'), type: 'number', value: (r) => r.enforcementCount },
    {
      header: h('Huidige handhavingsstap', 'Current enforcement step'),
      type: 'text',
      width: 28,
      value: (r) =>
        r.enforcementType
          ? `${label(ENFORCEMENT_TYPE, r.enforcementType, locale)} ` +
            `(${label(ENFORCEMENT_STATUS, r.enforcementStatus, locale).toLowerCase()})`
          : '',
    },
  ];
}

const themeColumns = (locale: Locale): Array<Column<ThemeCount>> => [
  { header: h('Thema', 'Theme'), type: 'text', width: 40, value: (r) => label(THEME, r.theme, locale) },
  { header: h('Onderzoeken', 'Investigations'), type: 'number', value: (r) => r.investigations },
  { header: h('Bevindingen', 'Findings'), type: 'number', value: (r) => r.findings },
  { header: h('Verbeterpunten', 'Improvement points'), type: 'number', value: (r) => r.points },
  { header: h('Eerste jaar', 'First year'), type: 'number', value: (r) => r.firstYear },
  { header: h('Laatste jaar', 'Last year'), type: 'number', value: (r) => r.lastYear },
  ...GRADES.map((g): Column<ThemeCount> => ({ header: GRADE[g], type: 'number', value: (r) => Number(r.grades[g] ?? 0) })),
];

interface MeasureRow {
  measure: Measure;
  investigation: string;
  organisation: string;
  overdue: boolean;
  /** Evidence files on the measure: name, size and date, never the content. */
  evidence: string;
}

const measureColumns = (locale: Locale): Array<Column<MeasureRow>> => [
  { header: h('Onderzoek', 'Investigation'), type: 'text', width: 30, value: (r) => r.investigation },
  { header: h('Organisatie', 'Organisation'), type: 'text', width: 36, value: (r) => r.organisation },
  { header: h('Maatregel', 'Measure'), type: 'text', width: 60, value: (r) => r.measure.description },
  { header: h('Succesindicator', 'Success indicator'), type: 'text', width: 40, value: (r) => r.measure.successIndicator },
  { header: h('Status', 'Status'), type: 'text', width: 16, value: (r) => label(MEASURE_STATUS, r.measure.status, locale) },
  { header: h('Uiterste datum', 'Due date'), type: 'date', value: (r) => r.measure.dueDate },
  { header: h('Oorspronkelijke datum', 'Original due date'), type: 'date', value: (r) => r.measure.originalDueDate },
  { header: h('Te laat', 'Late'), type: 'boolean', value: (r) => r.overdue },
  { header: h('Afgerond op', 'Completed on'), type: 'date', value: (r) => dateOf(r.measure.completedAt) },
  { header: h('Bewijsstukken', 'Evidence files'), type: 'text', width: 50, value: (r) => r.evidence },
];

/** "name (size, date)" per file, as the exports and the progress report list evidence. */
export function describeFile(a: { fileName: string; sizeBytes: number; uploadedAt: Date }, locale: Locale): string {
  const kb = Math.max(1, Math.round(a.sizeBytes / 1024)).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB');
  return `${a.fileName} (${kb} kB, ${dates.dateOf(new Date(a.uploadedAt))})`;
}

interface PointRow {
  point: ImprovementPoint;
  investigation: string;
  addressees: string;
  coordinator: string | null;
}

const pointColumns = (locale: Locale): Array<Column<PointRow>> => [
  { header: h('Onderzoek', 'Investigation'), type: 'text', width: 30, value: (r) => r.investigation },
  { header: h('Nummer', 'Number'), type: 'number', width: 9, value: (r) => r.point.position },
  { header: h('Verbeterpunt', 'Improvement point'), type: 'text', width: 70, value: (r) => r.point.text },
  { header: h("Thema's", 'Themes'), type: 'text', width: 30, value: (r) => r.point.themes.map((t) => label(THEME, t, locale)).join(', ') },
  { header: h('Collectief', 'Collective'), type: 'boolean', value: (r) => r.point.collective },
  { header: h('Gericht aan', 'Addressed to'), type: 'text', width: 50, value: (r) => r.addressees },
  { header: h('Coördinerende organisatie', 'Coordinating organisation'), type: 'text', width: 30, value: (r) => r.coordinator },
];

interface DeadlineRow {
  deadline: OpenDeadline;
  investigation: string;
  organisation: string | null;
  subject: string | null;
  today: string;
}

const deadlineColumns = (locale: Locale): Array<Column<DeadlineRow>> => [
  { header: h('Soort termijn', 'Deadline'), type: 'text', width: 26, value: (r) => label(DEADLINE_KIND, r.deadline.kind, locale) },
  { header: h('Onderzoek', 'Investigation'), type: 'text', width: 30, value: (r) => r.investigation },
  { header: h('Organisatie', 'Organisation'), type: 'text', width: 36, value: (r) => r.organisation },
  { header: h('Onderwerp', 'Subject'), type: 'text', width: 50, value: (r) => r.subject },
  { header: h('Uiterste datum', 'Due date'), type: 'date', value: (r) => r.deadline.dueDate },
  { header: h('Oorspronkelijke datum', 'Original due date'), type: 'date', value: (r) => r.deadline.originalDueDate },
  { header: h('Te laat', 'Late'), type: 'boolean', value: (r) => r.deadline.dueDate < r.today },
  { header: h('Dagen tot uiterste datum', 'Days until due'), type: 'number', value: (r) => dates.daysBetween(r.today, r.deadline.dueDate) },
];

const TITLES: Record<ExportView, Localized> = {
  [ExportView.MUNICIPALITY_OVERVIEW]: h('Gemeenteoverzicht', 'Municipality overview'),
  [ExportView.PORTFOLIO]: h('Portefeuille', 'Portfolio'),
  [ExportView.ORGANISATION_OVERVIEW]: h('Organisatieoverzicht', 'Organisation overview'),
  [ExportView.THEMES]: h("Thema's", 'Themes'),
  [ExportView.MEASURES]: h('Maatregelen', 'Measures'),
  [ExportView.IMPROVEMENT_POINTS]: h('Verbeterpunten', 'Improvement points'),
  [ExportView.DEADLINES]: h('Termijnen', 'Deadlines'),
  [ExportView.INVESTIGATION_PROGRESS]: h('Voortgangsrapportage', 'Progress report'),
};

/**
 * The contents of an export, read as the user who asked for it: every read goes through the same
 * scoped services as the GraphQL API does for that user, so an export holds exactly what they may see.
 */
@Injectable()
export class ExportSources {
  constructor(
    private readonly overviews: OverviewsService,
    private readonly measures: MeasuresService,
    private readonly plans: PlansService,
    private readonly content: ReportContentService,
    private readonly deadlines: DeadlinesService,
    private readonly investigations: InvestigationsService,
    private readonly organisations: OrganisationsService,
    private readonly verifications: VerificationsService,
    private readonly attachments: AttachmentsService,
    private readonly clock: Clock,
  ) {}

  /** A list as a table, and the file name (without extension) to give it. */
  async table(actor: Actor, view: ExportView, params: ExportParams, locale: Locale): Promise<{ table: Table; name: string }> {
    const title = TITLES[view][locale];
    const name = (...parts: string[]) => [slug(title), ...parts.map(slug), this.clock.today()].join('-');
    switch (view) {
      case ExportView.MUNICIPALITY_OVERVIEW: {
        const { municipalityId, rows } = await this.overviews.municipality(actor, params.municipalityId);
        this.bound(rows);
        const [municipality] = await this.organisations.byIds(actor, [municipalityId]);
        return { table: table(title, planColumns(locale), rows, locale), name: name(municipality?.name ?? '') };
      }
      case ExportView.PORTFOLIO: {
        const rows: PlanProgressRow[] = [];
        let after: string | undefined;
        do {
          const page = await this.overviews.portfolio(actor, (params.filter ?? {}) as PortfolioFilter, { first: 200, after });
          rows.push(...page.rows);
          this.bound(rows);
          after = page.nextCursor ?? undefined;
        } while (after);
        return { table: table(title, planColumns(locale), rows, locale), name: name() };
      }
      case ExportView.ORGANISATION_OVERVIEW: {
        const rows = this.bound(await this.overviews.organisation(actor));
        return { table: table(title, planColumns(locale), rows, locale), name: name() };
      }
      case ExportView.THEMES: {
        const rows = await this.overviews.themes(actor, { fromYear: params.fromYear, toYear: params.toYear });
        return { table: table(title, themeColumns(locale), rows, locale), name: name() };
      }
      case ExportView.MEASURES:
        return {
          table: table(
            title,
            measureColumns(locale),
            await this.measureRows(actor, (params.filter ?? {}) as MeasureFilter, locale),
            locale,
          ),
          name: name(),
        };
      case ExportView.IMPROVEMENT_POINTS:
        return {
          table: table(title, pointColumns(locale), await this.pointRows(actor, (params.filter ?? {}) as PointFilter), locale),
          name: name(),
        };
      case ExportView.DEADLINES:
        return {
          table: table(title, deadlineColumns(locale), await this.deadlineRows(actor, (params.filter ?? {}) as DeadlineFilter), locale),
          name: name(),
        };
      default:
        throw new Error(`${view} is not a list`);
    }
  }

  /**
   * Before anything is queued: may this user export this view with these parameters? Asks the same
   * services for (at most) one row, so the answer (FORBIDDEN, NOT_FOUND, BAD_USER_INPUT) is the one
   * the GraphQL list would give.
   */
  async check(actor: Actor, view: ExportView, params: ExportParams): Promise<void> {
    const one = { first: 1 };
    switch (view) {
      case ExportView.MUNICIPALITY_OVERVIEW:
        await this.overviews.municipality(actor, params.municipalityId);
        return;
      case ExportView.PORTFOLIO:
        await this.overviews.portfolio(actor, (params.filter ?? {}) as PortfolioFilter, one);
        return;
      case ExportView.ORGANISATION_OVERVIEW:
        requireRole(actor, [Role.ORGANISATION_MEMBER], 'read your organisation overview');
        return;
      case ExportView.THEMES:
        if (actor.role === Role.ADMIN) throw DomainError.forbidden('Administrators do not see case data.');
        return;
      case ExportView.MEASURES:
        await this.measures.list(actor, (params.filter ?? {}) as MeasureFilter, { field: MeasureSort.DUE_DATE, direction: 'ASC' }, one);
        return;
      case ExportView.IMPROVEMENT_POINTS:
        await this.content.listPoints(actor, (params.filter ?? {}) as PointFilter, one);
        return;
      case ExportView.DEADLINES:
        await this.deadlines.list(actor, (params.filter ?? {}) as DeadlineFilter, one);
        return;
      case ExportView.INVESTIGATION_PROGRESS:
        if (actor.role === Role.ADMIN) throw DomainError.forbidden('Administrators do not see case data.');
        await this.investigations.get(actor, params.investigationId!);
        return;
    }
  }

  private bound<T>(rows: T[]): T[] {
    if (rows.length > MAX_EXPORT_ROWS) throw tooLarge();
    return rows;
  }

  private async measureRows(actor: Actor, filter: MeasureFilter, locale: Locale): Promise<MeasureRow[]> {
    const measures = await allPages((after) =>
      this.measures.list(actor, filter, { field: MeasureSort.DUE_DATE, direction: 'ASC' }, { first: 100, after }),
    );
    const plans = await byIds(
      measures.map((m) => m.planId),
      (ids) => this.plans.byIds(actor, ids),
    );
    const investigations = await byIds(
      [...plans.values()].map((p) => p.investigationId),
      (ids) => this.investigations.byIds(actor, ids),
    );
    const organisations = await byIds(
      [...plans.values()].map((p) => p.organisationId),
      (ids) => this.organisations.byIds(actor, ids),
    );
    const today = this.clock.today();
    const files = group(
      (await this.attachments.ofPlans(actor, [...plans.keys()])).filter(
        (a) => a.subjectType === SubjectType.MEASURE && a.visibility === Visibility.PUBLIC,
      ),
      (a) => a.subjectId,
      (a) => a,
    );
    return measures.map((measure) => {
      const plan = plans.get(measure.planId);
      return {
        evidence: (files.get(measure.id) ?? []).map((a) => describeFile(a, locale)).join('; '),
        measure,
        investigation: investigations.get(plan?.investigationId ?? '')?.title ?? '',
        organisation: organisations.get(plan?.organisationId ?? '')?.name ?? '',
        overdue: (measure.status === 'PLANNED' || measure.status === 'IN_PROGRESS') && measure.dueDate < today,
      };
    });
  }

  private async pointRows(actor: Actor, filter: PointFilter): Promise<PointRow[]> {
    const points = await allPages((after) => this.content.listPoints(actor, filter, { first: 100, after }));
    const investigations = await byIds(
      points.map((p) => p.investigationId),
      (ids) => this.investigations.byIds(actor, ids),
    );
    const addressees = new Map<string, string[]>();
    for (let i = 0; i < points.length; i += 2000) {
      for (const [pointId, orgIds] of await this.content.addresseeIds(
        actor,
        points.slice(i, i + 2000).map((p) => p.id),
      ))
        addressees.set(pointId, orgIds);
    }
    const organisations = await byIds(
      [...[...addressees.values()].flat(), ...points.flatMap((p) => (p.coordinatingOrganisationId ? [p.coordinatingOrganisationId] : []))],
      (ids) => this.organisations.byIds(actor, ids),
    );
    const nameOf = (id: string) => organisations.get(id)?.name ?? '';
    return points.map((point) => ({
      point,
      investigation: investigations.get(point.investigationId)?.title ?? '',
      addressees: (addressees.get(point.id) ?? [])
        .map(nameOf)
        .sort((a, b) => a.localeCompare(b, 'nl'))
        .join(', '),
      coordinator: point.coordinatingOrganisationId ? nameOf(point.coordinatingOrganisationId) : null,
    }));
  }

  private async deadlineRows(actor: Actor, filter: DeadlineFilter): Promise<DeadlineRow[]> {
    const deadlines = await allPages((after) => this.deadlines.list(actor, filter, { first: 100, after }));
    const investigations = await byIds(
      deadlines.map((d) => d.investigationId),
      (ids) => this.investigations.byIds(actor, ids),
    );
    const organisations = await byIds(
      deadlines.flatMap((d) => (d.organisationId ? [d.organisationId] : [])),
      (ids) => this.organisations.byIds(actor, ids),
    );
    const measures = await byIds(
      deadlines.filter((d) => d.kind === 'MEASURE_DUE').map((d) => d.id),
      (ids) => this.measures.byIds(actor, ids),
    );
    const today = this.clock.today();
    return deadlines.map((deadline) => ({
      deadline,
      investigation: investigations.get(deadline.investigationId)?.title ?? '',
      organisation: deadline.organisationId ? (organisations.get(deadline.organisationId)?.name ?? '') : null,
      subject: deadline.kind === 'MEASURE_DUE' ? (measures.get(deadline.id)?.description ?? null) : null,
      today,
    }));
  }

  /** The progress report of one investigation, and its file name (without extension). */
  async progressReport(actor: Actor, investigationId: string, locale: Locale): Promise<{ report: ProgressReport; name: string }> {
    const investigation = await this.investigations.get(actor, investigationId);
    const [municipality] = await this.organisations.byIds(actor, [investigation.municipalityId]);
    const rows = await this.overviews.investigation(actor, investigationId);
    const points = (await this.content.pointsByInvestigation(actor, [investigationId])).get(investigationId) ?? [];
    // Grades per point, with the organisation whose plan was verified.
    const organisationOfPlan = new Map(rows.map((r) => [r.planId, r.organisationName]));
    const verifications = rows.length
      ? await this.verifications.byPlan(
          actor,
          rows.map((r) => r.planId),
        )
      : new Map();
    const planOfVerification = new Map([...verifications.values()].map((v) => [v.id, v.planId]));
    const grades = planOfVerification.size
      ? await this.verifications.gradesByVerification(actor, [...planOfVerification.keys()])
      : new Map();
    const gradesOfPoint = new Map<string, Array<{ organisationName: string; grade: string }>>();
    for (const [verificationId, list] of grades) {
      for (const g of list as Array<{ pointId: string; grade: string }>) {
        const organisationName = organisationOfPlan.get(planOfVerification.get(verificationId) ?? '') ?? '';
        gradesOfPoint.set(g.pointId, [...(gradesOfPoint.get(g.pointId) ?? []), { organisationName, grade: g.grade }]);
      }
    }
    // Evidence that the organisation and the inspectors share (not internal notes' files), listed, never included.
    const subjectLabels: Record<string, Localized> = {
      MEASURE: h('maatregel', 'measure'),
      INTERNAL_AUDIT: h('interne audit', 'internal audit'),
      VERIFICATION: h('toetsing', 'verification'),
      ENFORCEMENT_MEASURE: h('handhaving', 'enforcement'),
      COMMENT: h('opmerking', 'comment'),
    };
    const evidence = (
      await this.attachments.ofPlans(
        actor,
        rows.map((r) => r.planId),
      )
    )
      .filter((a) => a.visibility === Visibility.PUBLIC)
      .map((a) => ({
        organisationName: organisationOfPlan.get(a.planId ?? '') ?? '',
        item: subjectLabels[a.subjectType][locale],
        fileName: a.fileName,
        sizeBytes: a.sizeBytes,
        uploadedAt: a.uploadedAt,
      }));
    const report: ProgressReport = {
      evidence,
      title: investigation.title,
      municipality: municipality?.name ?? '',
      investigationStatus: investigation.status,
      publicationDate: investigation.publicationDate,
      trajectoryEndDate: investigation.trajectoryEndDate,
      today: this.clock.today(),
      generatedAt: this.clock.now(),
      plans: rows,
      points: points.map((p) => ({
        position: p.position,
        text: p.text,
        grades: (gradesOfPoint.get(p.id) ?? []).sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl')),
      })),
    };
    return {
      report,
      name: [slug(TITLES[ExportView.INVESTIGATION_PROGRESS][locale]), slug(investigation.title), this.clock.today()].join('-'),
    };
  }
}
