import { OrganisationKind } from '@opvolging/organisations';
import { Role } from '@opvolging/shared';

/** Every demo account signs in with this password (listed in the README; demo only). */
export const DEMO_PASSWORD = 'Opvolging-demo-2026';

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  municipality?: string;
}

export const demoOrganisations: DemoOrganisation[] = [
  { key: 'igj', name: 'Inspectie Gezondheidszorg en Jeugd', kind: OrganisationKind.INSPECTORATE },
  { key: 'io', name: 'Inspectie van het Onderwijs', kind: OrganisationKind.INSPECTORATE },
  { key: 'ijenv', name: 'Inspectie Justitie en Veiligheid', kind: OrganisationKind.INSPECTORATE },
  { key: 'heerlen', name: 'Gemeente Heerlen', kind: OrganisationKind.MUNICIPALITY },
  { key: 'groningen', name: 'Gemeente Groningen', kind: OrganisationKind.MUNICIPALITY },
  { key: 'hattem', name: 'Gemeente Hattem', kind: OrganisationKind.MUNICIPALITY },
  { key: 'buurtteam', name: 'Sociaal Buurtteam Heerlen-Noord', kind: OrganisationKind.SOCIAL_TEAM, municipality: 'heerlen' },
  { key: 'vtzl', name: 'Veilig Thuis Zuid-Limburg', kind: OrganisationKind.VEILIG_THUIS, municipality: 'heerlen' },
  { key: 'jgzzl', name: 'Jeugdgezondheidszorg Zuid-Limburg', kind: OrganisationKind.YOUTH_HEALTH_CARE, municipality: 'heerlen' },
  { key: 'jeugdhulp', name: 'Jeugdhulp Groningen', kind: OrganisationKind.YOUTH_CARE, municipality: 'groningen' },
  { key: 'school', name: 'Basisschool De Vlinder (Groningen)', kind: OrganisationKind.SCHOOL, municipality: 'groningen' },
  { key: 'wijkteam', name: 'WIJ-team Groningen Oost', kind: OrganisationKind.SOCIAL_TEAM, municipality: 'groningen' },
  { key: 'vtnog', name: 'Veilig Thuis Noord Oost Gelderland', kind: OrganisationKind.VEILIG_THUIS, municipality: 'hattem' },
  { key: 'sociaalteam', name: 'Sociaal Team Hattem', kind: OrganisationKind.SOCIAL_TEAM, municipality: 'hattem' },
  { key: 'ggz', name: 'GGZ Noord-Oost Gelderland', kind: OrganisationKind.MENTAL_HEALTH_CARE, municipality: 'hattem' },
];

export interface DemoAccount {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  organisation?: string;
  locale?: 'nl' | 'en';
}

export const demoAccounts: DemoAccount[] = [
  { key: 'admin', email: 'beheer@opvolging.demo', displayName: 'Functioneel beheer', role: Role.ADMIN },
  { key: 'igj', email: 'inspecteur.igj@opvolging.demo', displayName: 'Inspecteur IGJ', role: Role.INSPECTOR, organisation: 'igj' },
  {
    key: 'io',
    email: 'inspecteur.onderwijs@opvolging.demo',
    displayName: 'Inspecteur Onderwijs',
    role: Role.INSPECTOR,
    organisation: 'io',
  },
  {
    key: 'ijenv',
    email: 'inspecteur.jenv@opvolging.demo',
    displayName: 'Inspecteur JenV',
    role: Role.INSPECTOR,
    organisation: 'ijenv',
    locale: 'en',
  },
  {
    key: 'heerlen',
    email: 'gemeente.heerlen@opvolging.demo',
    displayName: 'Beleidsadviseur jeugd Heerlen',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'heerlen',
  },
  {
    key: 'buurtteam',
    email: 'buurtteam.heerlen@opvolging.demo',
    displayName: 'Teamleider buurtteam',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'buurtteam',
  },
  {
    key: 'vtzl',
    email: 'veiligthuis.zl@opvolging.demo',
    displayName: 'Kwaliteitsmedewerker Veilig Thuis ZL',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'vtzl',
  },
  { key: 'jgzzl', email: 'jgz.zl@opvolging.demo', displayName: 'Manager JGZ', role: Role.ORGANISATION_MEMBER, organisation: 'jgzzl' },
  {
    key: 'jeugdhulp',
    email: 'jeugdhulp.groningen@opvolging.demo',
    displayName: 'Kwaliteitsadviseur jeugdhulp',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'jeugdhulp',
  },
  {
    key: 'school',
    email: 'school.groningen@opvolging.demo',
    displayName: 'Intern begeleider',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'school',
  },
  {
    key: 'wijkteam',
    email: 'wijkteam.groningen@opvolging.demo',
    displayName: 'Coördinator WIJ-team',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'wijkteam',
  },
  {
    key: 'vtnog',
    email: 'veiligthuis.nog@opvolging.demo',
    displayName: 'Kwaliteitsmedewerker Veilig Thuis NOG',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'vtnog',
  },
  {
    key: 'sociaalteam',
    email: 'sociaalteam.hattem@opvolging.demo',
    displayName: 'Teamleider sociaal team',
    role: Role.ORGANISATION_MEMBER,
    organisation: 'sociaalteam',
  },
  { key: 'ggz', email: 'ggz.nog@opvolging.demo', displayName: 'Zorgmanager GGZ', role: Role.ORGANISATION_MEMBER, organisation: 'ggz' },
  {
    key: 'rev-heerlen',
    email: 'toezicht.heerlen@opvolging.demo',
    displayName: 'Toezichthouder jeugd Heerlen',
    role: Role.MUNICIPALITY_REVIEWER,
    organisation: 'heerlen',
  },
  {
    key: 'rev-groningen',
    email: 'toezicht.groningen@opvolging.demo',
    displayName: 'Toezichthouder jeugd Groningen',
    role: Role.MUNICIPALITY_REVIEWER,
    organisation: 'groningen',
  },
  {
    key: 'rev-hattem',
    email: 'toezicht.hattem@opvolging.demo',
    displayName: 'Toezichthouder Wmo Hattem',
    role: Role.MUNICIPALITY_REVIEWER,
    organisation: 'hattem',
  },
];
