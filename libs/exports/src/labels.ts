import { EnforcementStatus, EnforcementType } from '@opvolging/enforcement';
import { DateTime } from 'luxon';
import { InternalAuditStatus, ImplementationGrade } from '@opvolging/audits';
import { DeadlineKind } from '@opvolging/deadlines';
import { InvestigationStatus } from '@opvolging/investigations';
import { OrganisationKind } from '@opvolging/organisations';
import { ImprovementPlanStatus, MeasureStatus } from '@opvolging/plans';
import { Theme, ZONE } from '@opvolging/shared';

/** Texts users read: Dutch first, English for users who chose it. */
export type Locale = 'nl' | 'en';

export interface Localized {
  nl: string;
  en: string;
}

/** One label per value of a code list: a new status does not compile until it has its texts. */
type Labels<Code extends string = string> = Record<Code, Localized>;

export const PLAN_STATUS: Labels<ImprovementPlanStatus> = {
  DRAFT: { nl: 'Nog niet ingediend', en: 'Not yet submitted' },
  SUBMITTED: { nl: 'Ingediend', en: 'Submitted' },
  REVISION_REQUESTED: { nl: 'Herziening gevraagd', en: 'Revision requested' },
  ACCEPTED: { nl: 'Geaccepteerd', en: 'Accepted' },
  CLOSED: { nl: 'Afgesloten', en: 'Closed' },
};

export const INVESTIGATION_STATUS: Labels<InvestigationStatus> = {
  DRAFT: { nl: 'Concept', en: 'Draft' },
  FOLLOW_UP: { nl: 'In opvolging', en: 'In follow-up' },
  CLOSED: { nl: 'Afgesloten', en: 'Closed' },
};

export const AUDIT_STATUS: Labels<InternalAuditStatus> = {
  DRAFT: { nl: 'In voorbereiding', en: 'In preparation' },
  SUBMITTED: { nl: 'Ingediend', en: 'Submitted' },
  REVISION_REQUESTED: { nl: 'Herziening gevraagd', en: 'Revision requested' },
  JUDGED: { nl: 'Beoordeeld', en: 'Judged' },
};

export const MEASURE_STATUS: Labels<MeasureStatus> = {
  PLANNED: { nl: 'Gepland', en: 'Planned' },
  IN_PROGRESS: { nl: 'In uitvoering', en: 'In progress' },
  COMPLETED: { nl: 'Afgerond', en: 'Completed' },
  CANCELLED: { nl: 'Geannuleerd', en: 'Cancelled' },
};

/** In the order the inspectorate grades, best first. */
export const GRADE: Labels<ImplementationGrade> = {
  FULLY: { nl: 'Volledig geïmplementeerd', en: 'Fully implemented' },
  MOSTLY: { nl: 'Grotendeels geïmplementeerd', en: 'Mostly implemented' },
  PARTLY: { nl: 'Gedeeltelijk geïmplementeerd', en: 'Partly implemented' },
  NOT_IMPLEMENTED: { nl: 'Niet geïmplementeerd', en: 'Not implemented' },
  NO_LONGER_RELEVANT: { nl: 'Niet meer relevant', en: 'No longer relevant' },
};
export const GRADES = Object.keys(GRADE) as ImplementationGrade[];

export const THEME: Labels<Theme> = {
  INFORMATION_SHARING: { nl: 'Informatiedeling', en: 'Information sharing' },
  CASE_DIRECTION: { nl: 'Regie op de casus', en: 'Case direction' },
  SAFETY_ASSESSMENT: { nl: 'Veiligheidstaxatie', en: 'Safety assessment' },
  SCALING_CARE: { nl: 'Op- en afschalen van zorg', en: 'Scaling care up and down' },
  ADULT_PROBLEMS_CHILD_RISK: { nl: 'Problemen van ouders, risico voor het kind', en: "Adults' problems, risk to the child" },
  CHRONIC_NEEDS: { nl: 'Langdurige hulpvragen', en: 'Chronic needs' },
  ACTING_ON_SIGNALS: { nl: 'Handelen op signalen', en: 'Acting on signals' },
  ESCALATION: { nl: 'Escalatie', en: 'Escalation' },
};

export const ORGANISATION_KIND: Labels<OrganisationKind> = {
  INSPECTORATE: { nl: 'Inspectie', en: 'Inspectorate' },
  MUNICIPALITY: { nl: 'Gemeente', en: 'Municipality' },
  YOUTH_CARE: { nl: 'Jeugdhulp', en: 'Youth care' },
  CERTIFIED_CHILD_PROTECTION: { nl: 'Gecertificeerde instelling', en: 'Certified child protection' },
  VEILIG_THUIS: { nl: 'Veilig Thuis', en: 'Veilig Thuis' },
  YOUTH_HEALTH_CARE: { nl: 'Jeugdgezondheidszorg', en: 'Youth health care' },
  SOCIAL_TEAM: { nl: 'Sociaal (wijk)team', en: 'Social team' },
  SCHOOL: { nl: 'School', en: 'School' },
  POLICE: { nl: 'Politie', en: 'Police' },
  MENTAL_HEALTH_CARE: { nl: 'Geestelijke gezondheidszorg', en: 'Mental health care' },
  GP: { nl: 'Huisarts', en: 'General practitioner' },
  OTHER: { nl: 'Overig', en: 'Other' },
};

export const ENFORCEMENT_TYPE: Labels<EnforcementType> = {
  INTENSIFIED_SUPERVISION: { nl: 'Verscherpt toezicht', en: 'Intensified supervision' },
  BINDING_INSTRUCTION: { nl: 'Aanwijzing', en: 'Binding instruction' },
  PENALTY_ORDER: { nl: 'Last onder dwangsom', en: 'Order subject to a penalty' },
  ADMINISTRATIVE_FINE: { nl: 'Bestuurlijke boete', en: 'Administrative fine' },
};

export const ENFORCEMENT_STATUS: Labels<EnforcementStatus> = {
  ACTIVE: { nl: 'Van kracht', en: 'In force' },
  LIFTED: { nl: 'Opgeheven', en: 'Lifted' },
  ESCALATED: { nl: 'Gevolgd door volgende stap', en: 'Followed by the next step' },
  COMPLIED: { nl: 'Nageleefd', en: 'Complied with' },
  NOT_COMPLIED: { nl: 'Niet nageleefd', en: 'Not complied with' },
  IMPOSED: { nl: 'Opgelegd', en: 'Imposed' },
};

export const DEADLINE_KIND: Labels<DeadlineKind> = {
  PLAN_DUE: { nl: 'Verbeterplan indienen', en: 'Improvement plan due' },
  ASSESSMENT_DUE: { nl: 'Beoordeling verbeterplan', en: 'Plan assessment due' },
  MEASURE_DUE: { nl: 'Maatregel uitvoeren', en: 'Measure due' },
  AUDIT_DUE: { nl: 'Interne audit indienen', en: 'Internal audit due' },
  VERIFICATION_DUE: { nl: 'Eigen toetsing inspectie', en: 'Own verification due' },
  ENFORCEMENT_REPORT_DUE: { nl: 'Voortgangsrapportage verscherpt toezicht', en: 'Intensified supervision progress report due' },
  COMPLIANCE_DUE: { nl: 'Nalevingstermijn handhaving', en: 'Enforcement compliance deadline' },
  ENFORCEMENT_PERIOD_END: { nl: 'Einde verscherpt toezicht', en: 'End of intensified supervision' },
  TRAJECTORY_END: { nl: 'Einde verbetertraject', en: 'End of improvement trajectory' },
};

/** The label of a code in the user's language; the code itself when there is none. */
export function label(labels: Labels, code: string | null | undefined, locale: Locale): string {
  if (code == null) return '';
  return (labels as Partial<Record<string, Localized>>)[code]?.[locale] ?? code;
}

export function yesNo(value: boolean, locale: Locale): string {
  return locale === 'nl' ? (value ? 'ja' : 'nee') : value ? 'yes' : 'no';
}

/** 22 november 2026 / 22 November 2026. */
export function longDate(date: string | null, locale: Locale): string {
  if (!date) return locale === 'nl' ? 'onbekend' : 'unknown';
  return DateTime.fromISO(date, { zone: ZONE })
    .setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB')
    .toFormat('d MMMM yyyy');
}

/** 22 november 2026 om 09:00 / 22 November 2026 at 09:00 (Europe/Amsterdam). */
export function longDateTime(instant: Date, locale: Locale): string {
  const t = DateTime.fromJSDate(instant, { zone: ZONE }).setLocale(locale === 'nl' ? 'nl-NL' : 'en-GB');
  return locale === 'nl'
    ? `${t.toFormat('d MMMM yyyy')} om ${t.toFormat('HH:mm')}`
    : `${t.toFormat('d MMMM yyyy')} at ${t.toFormat('HH:mm')}`;
}

/** An ASCII file name part: "Casus Hëerlen 2015" → "casus-heerlen-2015". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}
