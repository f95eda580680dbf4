import { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery-9';

/**
 * Reference data and accounts created through the API by an administrator: one case's world
 * (inspectorate, municipality, two organisations) plus outsiders to prove isolation.
 */
export async function createWorld(t: TestApp) {
  const adminEmail = await t.createAdmin();
  const admin = t.token(adminEmail);
  const org = async (name: string, kind: string, municipalityId?: string) =>
    (await t.ok(admin, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, { input: { name, kind, municipalityId } })).createOrganisation.id as string;
  const igj = await org('Inspectie Gezondheidszorg en Jeugd', 'INSPECTORATE');
  const onderwijs = await org('Inspectie van het Onderwijs', 'INSPECTORATE');
  const heerlen = await org('Gemeente Heerlen', 'MUNICIPALITY');
  const hattem = await org('Gemeente Hattem', 'MUNICIPALITY');
  const buurtteam = await org('Sociaal Buurtteam Heerlen', 'SOCIAL_TEAM', heerlen);
  const veiligThuis = await org('Veilig Thuis Zuid-Limburg', 'VEILIG_THUIS', heerlen);
  const user = async (email: string, role: string, organisationId: string | null) => {
    const created = await t.ok(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { email, displayName: email.split('@')[0], role, organisationId, password: PASSWORD },
    });
    await t.signIn(email, PASSWORD);
    return {
      id: created.createUser.id as string,
      email,
      get token() {
        return t.token(email);
      },
    };
  };
  return {
    get admin() {
      return t.token(adminEmail);
    },
    orgs: { igj, onderwijs, heerlen, hattem, buurtteam, veiligThuis },
    inspector: await user('inspecteur@igj.test', 'INSPECTOR', igj),
    outsideInspector: await user('inspecteur@onderwijs.test', 'INSPECTOR', onderwijs),
    buurtteamMember: await user('lid@buurtteam.test', 'ORGANISATION_MEMBER', buurtteam),
    buurtteamColleague: await user('collega@buurtteam.test', 'ORGANISATION_MEMBER', buurtteam),
    veiligThuisMember: await user('lid@veiligthuis.test', 'ORGANISATION_MEMBER', veiligThuis),
    reviewer: await user('toezicht@heerlen.test', 'MUNICIPALITY_REVIEWER', heerlen),
    otherReviewer: await user('toezicht@hattem.test', 'MUNICIPALITY_REVIEWER', hattem),
  };
}
