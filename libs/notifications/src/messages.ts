import { DateTime } from 'luxon';
import { EventKind, ZONE } from '@opvolging/shared';
import { AnyNotificationParams, EventParams, isEvent, NotificationParams } from './notification.entity';

export type Locale = 'nl' | 'en';

export interface Message {
  title: string;
  body: string;
}

const when = (date: string, locale: Locale) => DateTime.fromISO(date, { zone: ZONE }).setLocale(locale).toFormat('d MMMM yyyy');

const subject: Record<Locale, Record<string, (p: NotificationParams) => string>> = {
  nl: {
    PLAN_DUE: (p) => `het verbeterplan van ${p.organisationName}`,
    ASSESSMENT_DUE: (p) => `de beoordeling van het verbeterplan van ${p.organisationName}`,
    MEASURE_DUE: (p) => `maatregel "${p.subjectLabel}" van ${p.organisationName}`,
    AUDIT_DUE: (p) => `de interne audit van ${p.organisationName}`,
    VERIFICATION_DUE: (p) => `de eigen toetsing door de inspectie bij ${p.organisationName}`,
    ENFORCEMENT_REPORT_DUE: (p) => `de voortgangsrapportage (verscherpt toezicht) van ${p.organisationName}`,
    COMPLIANCE_DUE: (p) => `de nalevingstermijn van de handhavingsmaatregel voor ${p.organisationName}`,
    ENFORCEMENT_PERIOD_END: (p) => `het einde van het verscherpt toezicht op ${p.organisationName}`,
    TRAJECTORY_END: () => 'het einde van het verbetertraject',
  },
  en: {
    PLAN_DUE: (p) => `the improvement plan of ${p.organisationName}`,
    ASSESSMENT_DUE: (p) => `the assessment of the improvement plan of ${p.organisationName}`,
    MEASURE_DUE: (p) => `measure "${p.subjectLabel}" of ${p.organisationName}`,
    AUDIT_DUE: (p) => `the internal audit of ${p.organisationName}`,
    VERIFICATION_DUE: (p) => `the inspectorate's own verification at ${p.organisationName}`,
    ENFORCEMENT_REPORT_DUE: (p) => `the progress report (intensified supervision) of ${p.organisationName}`,
    COMPLIANCE_DUE: (p) => `the compliance deadline of the enforcement measure for ${p.organisationName}`,
    ENFORCEMENT_PERIOD_END: (p) => `the end of the intensified supervision of ${p.organisationName}`,
    TRAJECTORY_END: () => 'the end of the improvement trajectory',
  },
};

const advice: Record<Locale, Record<string, string>> = {
  nl: {
    PLAN_DUE: 'Overweeg escalatie: het plan is vier weken of langer te laat.',
    MEASURE_DUE: 'De organisatie is op de hoogte; overweeg navraag of escalatie.',
    AUDIT_DUE: 'Overweeg een bezoek aan de organisatie.',
    TRAJECTORY_END: 'Een besluit over afsluiting van het onderzoek is nodig.',
    ASSESSMENT_DUE: 'De beoordelingstermijn is verstreken.',
    VERIFICATION_DUE: 'De geplande toetsing is niet vastgelegd; leg haar vast of plan een nieuwe datum.',
    ENFORCEMENT_REPORT_DUE: 'De voortgangsrapportage ontbreekt; overweeg de volgende handhavingsstap.',
    COMPLIANCE_DUE: 'Leg vast of de maatregel is nageleefd.',
    ENFORCEMENT_PERIOD_END: 'Een besluit over het verscherpt toezicht is nodig: opheffen, verlengen of de volgende stap.',
  },
  en: {
    PLAN_DUE: 'Consider escalation: the plan is four weeks or more late.',
    MEASURE_DUE: 'The organisation has been told; consider a follow-up or escalation.',
    AUDIT_DUE: 'Consider a visit to the organisation.',
    TRAJECTORY_END: 'A decision on closing the investigation is needed.',
    ASSESSMENT_DUE: 'The assessment period has passed.',
    VERIFICATION_DUE: 'The planned verification has not been recorded; record it or plan a new date.',
    ENFORCEMENT_REPORT_DUE: 'The progress report is missing; consider the next enforcement step.',
    COMPLIANCE_DUE: 'Record whether the measure was complied with.',
    ENFORCEMENT_PERIOD_END: 'A decision on the intensified supervision is needed: lift, extend or the next step.',
  },
};

/** Texts that users read: Dutch first, English for users who chose it. */
export function render(p: AnyNotificationParams, locale: Locale): Message {
  return isEvent(p) ? renderEvent(p, locale) : renderDeadline(p, locale);
}

const DEADLINE_WORDS: Record<Locale, Record<string, string>> = {
  nl: { PLAN_DUE: 'het verbeterplan', MEASURE_DUE: 'een maatregel', AUDIT_DUE: 'de interne audit' },
  en: { PLAN_DUE: 'the improvement plan', MEASURE_DUE: 'a measure', AUDIT_DUE: 'the internal audit' },
};
const METHOD_WORDS: Record<Locale, Record<string, string>> = {
  nl: { DESK_REVIEW: 'dossieronderzoek', SITE_VISIT: 'bezoek', REGULAR_VISIT: 'regulier bezoek' },
  en: { DESK_REVIEW: 'desk review', SITE_VISIT: 'site visit', REGULAR_VISIT: 'regular visit' },
};

const ENFORCEMENT_WORDS: Record<Locale, Record<string, string>> = {
  nl: {
    INTENSIFIED_SUPERVISION: 'verscherpt toezicht',
    BINDING_INSTRUCTION: 'aanwijzing',
    PENALTY_ORDER: 'last onder dwangsom',
    ADMINISTRATIVE_FINE: 'bestuurlijke boete',
  },
  en: {
    INTENSIFIED_SUPERVISION: 'intensified supervision',
    BINDING_INSTRUCTION: 'binding instruction',
    PENALTY_ORDER: 'order subject to a penalty',
    ADMINISTRATIVE_FINE: 'administrative fine',
  },
};
const STEP_WORDS: Record<Locale, Record<string, string>> = {
  nl: {
    RECORDED: 'opgelegd',
    EXTENDED: 'verlengd',
    LIFTED: 'opgeheven',
    COMPLIED: 'nageleefd',
    NOT_COMPLIED: 'niet nageleefd',
    FORFEIT: 'dwangsom verbeurd',
  },
  en: {
    RECORDED: 'imposed',
    EXTENDED: 'extended',
    LIFTED: 'lifted',
    COMPLIED: 'complied with',
    NOT_COMPLIED: 'not complied with',
    FORFEIT: 'penalty forfeited',
  },
};

/** An event notification: what happened, to whom, and what follows (dates in the reader's language). */
function renderEvent(p: EventParams, locale: Locale): Message {
  const d = p.details;
  const nl = locale === 'nl';
  const org = p.organisationName ?? '';
  const inv = p.investigationTitle;
  const date = (v: string | null | undefined) => (v ? when(v, locale) : '');
  const deadline = DEADLINE_WORDS[locale][d.deadlineKind ?? ''] ?? d.deadlineKind ?? '';
  const method = METHOD_WORDS[locale][d.method ?? ''] ?? d.method ?? '';
  switch (p.kind) {
    case EventKind.PLAN_SUBMITTED:
      return nl
        ? {
            title: `Verbeterplan ingediend: ${org} (${inv})`,
            body:
              `${org} heeft het verbeterplan voor ${inv} ingediend (versie ${d.version}). Beoordeel het uiterlijk ` +
              `${date(d.assessmentDueDate)}.`,
          }
        : {
            title: `Improvement plan submitted: ${org} (${inv})`,
            body: `${org} submitted the improvement plan for ${inv} (version ${d.version}). Assess it by ${date(d.assessmentDueDate)}.`,
          };
    case EventKind.PLAN_ASSESSED:
      if (d.outcome === 'ACCEPTED')
        return nl
          ? {
              title: `Verbeterplan geaccepteerd (${inv})`,
              body:
                `De inspectie heeft het verbeterplan van ${org} voor ${inv} geaccepteerd. Voer de maatregelen uit; de interne audit ` +
                `volgt.`,
            }
          : {
              title: `Improvement plan accepted (${inv})`,
              body:
                `The inspectorate accepted the improvement plan of ${org} for ${inv}. Carry out the measures; the internal audit ` +
                `follows.`,
            };
      return nl
        ? {
            title: `Herziening van het verbeterplan gevraagd (${inv})`,
            body: `De inspectie vraagt ${org} om een herzien verbeterplan voor ${inv}, uiterlijk ${date(d.dueDate)}.`,
          }
        : {
            title: `Revision of the improvement plan requested (${inv})`,
            body: `The inspectorate asks ${org} for a revised improvement plan for ${inv}, due ${date(d.dueDate)}.`,
          };
    case EventKind.AUDIT_SUBMITTED:
      return nl
        ? {
            title: `Interne audit ingediend: ${org} (${inv})`,
            body: `${org} heeft de interne audit voor ${inv} ingediend. Beoordeel de kwaliteit van de audit.`,
          }
        : {
            title: `Internal audit submitted: ${org} (${inv})`,
            body: `${org} submitted the internal audit for ${inv}. Judge the audit's quality.`,
          };
    case EventKind.AUDIT_JUDGED:
      if (d.quality === 'SUFFICIENT')
        return nl
          ? {
              title: `Interne audit voldoende (${inv})`,
              body:
                `De inspectie beoordeelt de interne audit van ${org} voor ${inv} als voldoende. De inspectie toetst daarna zelf de ` +
                `verbeteringen.`,
            }
          : {
              title: `Internal audit sufficient (${inv})`,
              body:
                `The inspectorate judged the internal audit of ${org} for ${inv} sufficient. The inspectorate then verifies the ` +
                `improvements itself.`,
            };
      if (d.followUp === 'OWN_VERIFICATION')
        return nl
          ? {
              title: `Interne audit onvoldoende: de inspectie toetst zelf (${inv})`,
              body:
                `De inspectie beoordeelt de interne audit van ${org} voor ${inv} als onvoldoende en toetst zelf: ${method} op ` +
                `${date(d.verificationPlannedOn)}.`,
            }
          : {
              title: `Internal audit insufficient: the inspectorate verifies itself (${inv})`,
              body:
                `The inspectorate judged the internal audit of ${org} for ${inv} insufficient and will verify itself: ${method} on ` +
                `${date(d.verificationPlannedOn)}.`,
            };
      return nl
        ? {
            title: `Interne audit onvoldoende: herziene audit gevraagd (${inv})`,
            body:
              `De inspectie beoordeelt de interne audit van ${org} voor ${inv} als onvoldoende. Dien uiterlijk ` +
              `${date(d.revisedDueDate)} een herziene audit in.`,
          }
        : {
            title: `Internal audit insufficient: revised audit requested (${inv})`,
            body:
              `The inspectorate judged the internal audit of ${org} for ${inv} insufficient. Submit a revised audit by ` +
              `${date(d.revisedDueDate)}.`,
          };
    case EventKind.PLAN_VERIFIED:
      return nl
        ? {
            title: `Verbeteringen getoetst en plan afgesloten: ${org} (${inv})`,
            body:
              `De inspectie heeft de verbeteringen van ${org} voor ${inv} getoetst (${method}, ${date(d.verifiedOn)}) en het ` +
              `verbeterplan afgesloten.`,
          }
        : {
            title: `Improvements verified and plan closed: ${org} (${inv})`,
            body:
              `The inspectorate verified the improvements of ${org} for ${inv} (${method}, ${date(d.verifiedOn)}) and closed the ` +
              `improvement plan.`,
          };
    case EventKind.EXTENSION_REQUESTED:
      return nl
        ? {
            title: `Uitstel gevraagd: ${org} (${inv})`,
            body:
              `${org} vraagt uitstel voor ${deadline} van ${date(d.currentDueDate)} tot ${date(d.requestedDueDate)}. Beslis over het ` +
              `verzoek.`,
          }
        : {
            title: `Extension requested: ${org} (${inv})`,
            body: `${org} asks to extend ${deadline} from ${date(d.currentDueDate)} to ${date(d.requestedDueDate)}. Decide on the request.`,
          };
    case EventKind.EXTENSION_DECIDED:
      if (d.outcome === 'GRANTED')
        return nl
          ? {
              title: `Uitstel verleend (${inv})`,
              body: `Uw verzoek om uitstel voor ${deadline} is verleend: de nieuwe datum is ${date(d.grantedDueDate)}.`,
            }
          : {
              title: `Extension granted (${inv})`,
              body: `Your request to extend ${deadline} was granted: the new date is ${date(d.grantedDueDate)}.`,
            };
      return nl
        ? {
            title: `Uitstel geweigerd (${inv})`,
            body: `Uw verzoek om uitstel voor ${deadline} is geweigerd: de datum blijft ${date(d.currentDueDate)}.`,
          }
        : {
            title: `Extension refused (${inv})`,
            body: `Your request to extend ${deadline} was refused: the date stays ${date(d.currentDueDate)}.`,
          };
    case EventKind.ENFORCEMENT_STEP:
      return nl
        ? {
            title: `Handhaving: ${ENFORCEMENT_WORDS.nl[d.measureType ?? ''] ?? d.measureType} (${inv})`,
            body:
              `De inspectie heeft voor ${org} (${inv}) een handhavingsstap vastgelegd: ` +
              `${ENFORCEMENT_WORDS.nl[d.measureType ?? ''] ?? d.measureType}, ` +
              `${STEP_WORDS.nl[d.step ?? ''] ?? d.step}${d.dueDate ? `; eerstvolgende termijn ${date(d.dueDate)}` : ''}.`,
          }
        : {
            title: `Enforcement: ${ENFORCEMENT_WORDS.en[d.measureType ?? ''] ?? d.measureType} (${inv})`,
            body:
              `The inspectorate recorded an enforcement step for ${org} (${inv}): ` +
              `${ENFORCEMENT_WORDS.en[d.measureType ?? ''] ?? d.measureType}, ` +
              `${STEP_WORDS.en[d.step ?? ''] ?? d.step}${d.dueDate ? `; next deadline ${date(d.dueDate)}` : ''}.`,
          };
    case EventKind.COMMENT_ADDED:
    case EventKind.COMMENT_MENTIONED: {
      const where = (nl ? THREAD_NL : THREAD_EN)[d.subjectType ?? 'PLAN'] ?? (nl ? 'het verbeterplan' : 'the improvement plan');
      const who = d.authorName ?? (nl ? 'Iemand' : 'Someone');
      const note = d.visibility === 'INTERNAL' ? (nl ? 'interne notitie' : 'internal note') : nl ? 'opmerking' : 'comment';
      if (p.kind === EventKind.COMMENT_MENTIONED)
        return nl
          ? { title: `U bent genoemd in een ${note} (${inv})`, body: `${who} noemt u in een ${note} bij ${where} van ${org} (${inv}).` }
          : {
              title: `You were mentioned in a ${note} (${inv})`,
              body: `${who} mentioned you in a ${note} on ${where} of ${org} (${inv}).`,
            };
      return nl
        ? { title: `Nieuwe ${note} bij ${where} (${inv})`, body: `${who} schreef een ${note} bij ${where} van ${org} (${inv}).` }
        : { title: `New ${note} on ${where} (${inv})`, body: `${who} wrote a ${note} on ${where} of ${org} (${inv}).` };
    }
    default: {
      const unknown: never = p.kind;
      throw new Error(`no text for event ${String(unknown)}`);
    }
  }
}

// The comment's text stays in the product: mail carries who wrote where, not what.
const THREAD_NL: Record<string, string> = {
  PLAN: 'het verbeterplan',
  MEASURE: 'een maatregel',
  INTERNAL_AUDIT: 'de interne audit',
  VERIFICATION: 'de toetsing',
};
const THREAD_EN: Record<string, string> = {
  PLAN: 'the improvement plan',
  MEASURE: 'a measure',
  INTERNAL_AUDIT: 'the internal audit',
  VERIFICATION: 'the verification',
};

function renderDeadline(p: NotificationParams, locale: Locale): Message {
  const what = subject[locale][p.kind](p);
  const date = when(p.dueDate, locale);
  const days = (n: number) => (locale === 'nl' ? `${n} ${n === 1 ? 'dag' : 'dagen'}` : `${n} ${n === 1 ? 'day' : 'days'}`);
  if (p.type === 'REMINDER') {
    const due =
      p.kind === 'TRAJECTORY_END'
        ? locale === 'nl'
          ? `Het verbetertraject ${p.investigationTitle} eindigt op ${date}: beoordeel de openstaande punten.`
          : `The improvement trajectory ${p.investigationTitle} ends on ${date}: review the open items.`
        : locale === 'nl'
          ? `Uiterlijk ${date} is ${what} voor ${p.investigationTitle} aan de beurt.`
          : `${capital(what)} for ${p.investigationTitle} is due on ${date}.`;
    return {
      title:
        locale === 'nl'
          ? `Herinnering: ${p.days === 0 ? 'vandaag' : `nog ${days(p.days)}`} voor ${what} (${p.investigationTitle})`
          : `Reminder: ${p.days === 0 ? 'due today' : `${days(p.days)} left`} for ${what} (${p.investigationTitle})`,
      body: due,
    };
  }
  const lines = [
    locale === 'nl'
      ? `De termijn voor ${what} (${p.investigationTitle}) is sinds ${date} verstreken: ${days(p.days)} te laat.`
      : `The deadline for ${what} (${p.investigationTitle}) passed on ${date}: ${days(p.days)} late.`,
  ];
  if (p.escalated) lines.push(advice[locale][p.kind]);
  return {
    title:
      locale === 'nl'
        ? `Te laat: ${what} (${p.investigationTitle}), ${days(p.days)}`
        : `Overdue: ${what} (${p.investigationTitle}), ${days(p.days)}`,
    body: lines.join(' '),
  };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function digestSubject(count: number, date: string, locale: Locale): string {
  return locale === 'nl'
    ? `Opvolging: ${count} ${count === 1 ? 'melding' : 'meldingen'} op ${when(date, locale)}`
    : `Opvolging: ${count} ${count === 1 ? 'notification' : 'notifications'} on ${when(date, locale)}`;
}

/** The footer of an event mail: the link to the place in the web app, and how to turn such mail off. */
export function eventMailFooter(publicUrl: string, p: EventParams, locale: Locale): string {
  const link = publicUrl.replace(/\/$/, '') + p.link;
  return locale === 'nl'
    ? `\n\n--\nBekijk dit in Opvolging: ${link}\nU ontvangt dit bericht omdat u bij deze stap betrokken bent. In uw voorkeuren in ` +
        `Opvolging kunt u mail voor dit soort berichten uitzetten.`
    : `\n\n--\nView this in Opvolging: ${link}\nYou receive this message because you take part in this step. In your preferences in ` +
        `Opvolging you can turn off mail for this kind of message.`;
}

export function mailFooter(publicUrl: string, locale: Locale): string {
  return locale === 'nl'
    ? `\n\n--\nBekijk en beheer dit in Opvolging: ${publicUrl}\nU ontvangt dit bericht omdat u verantwoordelijk bent voor deze ` +
        `termijn. Kies in Opvolging voor één dagelijks overzicht in plaats van losse berichten.`
    : `\n\n--\nView and manage this in Opvolging: ${publicUrl}\nYou receive this message because you are responsible for this ` +
        `deadline. In Opvolging you can choose one daily digest instead of single messages.`;
}
