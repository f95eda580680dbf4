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
    (
      await t.ok(admin, `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
        input: { name, kind, municipalityId },
      })
    ).createOrganisation.id as string;
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

type World = Awaited<ReturnType<typeof createWorld>>;

/** A published case: one collective point and one point for each organisation; plans due 13 April 2026. */
export async function publishedCase(t: TestApp, w: World, policy: Record<string, unknown> = {}) {
  const inv = await t.ok(w.inspector.token, `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id } }`, {
    input: {
      title: 'Casus Heerlen 2015',
      municipalityId: w.orgs.heerlen,
      involvedOrganisationIds: [w.orgs.buurtteam, w.orgs.veiligThuis],
      policy,
    },
  });
  const id = inv.createInvestigation.id as string;
  await t.ok(w.inspector.token, `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
    input: { investigationId: id, text: 'Veiligheid kreeg onvoldoende prioriteit.' },
  });
  const point = async (text: string, addresseeIds: string[], coordinatingOrganisationId?: string) =>
    (
      await t.ok(w.inspector.token, `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id } }`, {
        input: { investigationId: id, text, addresseeIds, coordinatingOrganisationId },
      })
    ).addImprovementPoint.id as string;
  const points = {
    collective: await point('Eén gezin, één plan, één regisseur.', [w.orgs.buurtteam, w.orgs.veiligThuis], w.orgs.buurtteam),
    buurtteam: await point('Schakel Veilig Thuis direct in.', [w.orgs.buurtteam]),
    veiligThuis: await point('Gezamenlijke normen voor onveiligheid.', [w.orgs.veiligThuis]),
  };
  const current = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { version } }`, { id });
  const published = await t.ok(
    w.inspector.token,
    `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { plans { id version dueDate organisation { ` +
      `id } } } }`,
    {
      input: { id, expectedVersion: current.investigation.version, publicationDate: '2026-03-02' },
    },
  );
  const plans = published.publishInvestigation.plans as Array<{
    id: string;
    version: number;
    dueDate: string;
    organisation: { id: string };
  }>;
  return {
    id,
    points,
    planOf: (orgId: string) => plans.find((p) => p.organisation.id === orgId)!,
  };
}
