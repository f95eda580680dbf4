export enum Role {
  ADMIN = 'ADMIN',
  INSPECTOR = 'INSPECTOR',
  ORGANISATION_MEMBER = 'ORGANISATION_MEMBER',
  MUNICIPALITY_REVIEWER = 'MUNICIPALITY_REVIEWER',
}

/** Who is acting: resolved from the bearer token on every request, never trusted from input. */
export interface Actor {
  userId: string;
  role: Role;
  /** The inspectorate, organisation or municipality the account belongs to; null for administrators. */
  organisationId: string | null;
}
