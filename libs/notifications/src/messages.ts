import { DateTime } from 'luxon';
import { ZONE } from '@opvolging/shared';
import { NotificationParams } from './notification.entity';

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
    TRAJECTORY_END: () => 'het einde van het verbetertraject',
  },
  en: {
    PLAN_DUE: (p) => `the improvement plan of ${p.organisationName}`,
    ASSESSMENT_DUE: (p) => `the assessment of the improvement plan of ${p.organisationName}`,
    MEASURE_DUE: (p) => `measure "${p.subjectLabel}" of ${p.organisationName}`,
    AUDIT_DUE: (p) => `the internal audit of ${p.organisationName}`,
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
  },
  en: {
    PLAN_DUE: 'Consider escalation: the plan is four weeks or more late.',
    MEASURE_DUE: 'The organisation has been told; consider a follow-up or escalation.',
    AUDIT_DUE: 'Consider a visit to the organisation.',
    TRAJECTORY_END: 'A decision on closing the investigation is needed.',
    ASSESSMENT_DUE: 'The assessment period has passed.',
  },
};

/** Texts that users read: Dutch first, English for users who chose it. */
export function render(p: NotificationParams, locale: Locale): Message {
  const what = subject[locale][p.kind](p);
  const date = when(p.dueDate, locale);
  const days = (n: number) => (locale === 'nl' ? `${n} ${n === 1 ? 'dag' : 'dagen'}` : `${n} ${n === 1 ? 'day' : 'days'}`);
  if (p.type === 'REMINDER') {
    const due = p.kind === 'TRAJECTORY_END'
      ? locale === 'nl' ? `Het verbetertraject ${p.investigationTitle} eindigt op ${date}: beoordeel de openstaande punten.` : `The improvement trajectory ${p.investigationTitle} ends on ${date}: review the open items.`
      : locale === 'nl' ? `Uiterlijk ${date} is ${what} voor ${p.investigationTitle} aan de beurt.` : `${capital(what)} for ${p.investigationTitle} is due on ${date}.`;
    return {
      title: locale === 'nl'
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
    title: locale === 'nl' ? `Te laat: ${what} (${p.investigationTitle}), ${days(p.days)}` : `Overdue: ${what} (${p.investigationTitle}), ${days(p.days)}`,
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

export function mailFooter(publicUrl: string, locale: Locale): string {
  return locale === 'nl'
    ? `\n\n--\nBekijk en beheer dit in Opvolging: ${publicUrl}\nU ontvangt dit bericht omdat u verantwoordelijk bent voor deze termijn. Kies in Opvolging voor één dagelijks overzicht in plaats van losse berichten.`
    : `\n\n--\nView and manage this in Opvolging: ${publicUrl}\nYou receive this message because you are responsible for this deadline. In Opvolging you can choose one daily digest instead of single messages.`;
}
