import { randomBytes } from 'crypto';
import { INestApplicationContext, Logger } from '@nestjs/common';
import {
  AuditQuality,
  AuditsService,
  Implementation,
  ImplementationGrade,
  VerificationMethod,
  VerificationsService,
} from '@opvolging/audits';
import { Database } from '@opvolging/database';
import { PasswordHasher, User, UsersService } from '@opvolging/identity';
import { Investigation, InvestigationsService, ReportContentService } from '@opvolging/investigations';
import { Organisation, OrganisationsService } from '@opvolging/organisations';
import { ImprovementPlan, Judgement, MeasureSort, MeasuresService, PlanSort, PlansService } from '@opvolging/plans';
import { Actor, Clock, dates, ManualClock, Role, Theme } from '@opvolging/shared';
import { DEMO_PASSWORD, demoAccounts, demoOrganisations } from './demo-accounts';

const sufficient = (rationale: string) => ({ judgement: Judgement.SUFFICIENT, rationale });

/**
 * The three cases of the source texts, pseudonymised, at three stages: Heerlen (plans being
 * written), Groningen (plans accepted, internal audits coming due) and Hattem (verified, closed).
 * Everything goes through the domain services, with the clock moved to when it happened, so the
 * demo holds only states the product itself can reach. Dates are relative to today.
 */
export class DemoScenario {
  private readonly logger = new Logger('Demo');
  private readonly org = new Map<string, Organisation>();
  private readonly actors = new Map<string, Actor>();
  private readonly today: string;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly clock: ManualClock,
    /** Each account's password: the published DEMO_PASSWORD unless told otherwise (production). */
    private readonly passwordOf: (email: string) => string = () => DEMO_PASSWORD,
  ) {
    this.today = clock.today();
  }

  private get s() {
    const get = <T>(type: new (...args: never[]) => T) => this.app.get(type as never) as T;
    return {
      db: get(Database),
      users: get(UsersService),
      hasher: get(PasswordHasher),
      organisations: get(OrganisationsService),
      investigations: get(InvestigationsService),
      content: get(ReportContentService),
      plans: get(PlansService),
      measures: get(MeasuresService),
      audits: get(AuditsService),
      verifications: get(VerificationsService),
    };
  }

  async run(): Promise<void> {
    await this.referenceData();
    await this.heerlen();
    await this.groningen();
    await this.hattem();
    this.logger.log(`Demo data loaded: 3 investigations, ${demoAccounts.length} accounts.`);
  }

  private at(date: string) {
    this.clock.set(`${date}T10:00:00`);
  }

  private as(key: string): Actor {
    const actor = this.actors.get(key);
    if (!actor) throw new Error(`no demo account ${key}`);
    return actor;
  }

  private id(key: string): string {
    return this.org.get(key)!.id;
  }

  private async referenceData() {
    const { db, hasher, users, organisations } = this.s;
    const adminSpec = demoAccounts.find((a) => a.role === Role.ADMIN)!;
    // The first administrator cannot be created through the API by anyone; it is inserted here.
    const admin = await db.transaction(null, async ({ em }) =>
      em.getRepository(User).save(
        em.getRepository(User).create({
          email: adminSpec.email,
          displayName: adminSpec.displayName,
          role: Role.ADMIN,
          organisationId: null,
          locale: 'nl',
          active: true,
          tokenVersion: 0,
          version: 1,
          passwordHash: await hasher.hash(this.passwordOf(adminSpec.email)),
        }),
      ),
    );
    const adminActor: Actor = { userId: admin.id, role: Role.ADMIN, organisationId: null };
    this.actors.set(adminSpec.key, adminActor);
    for (const spec of demoOrganisations.filter((o) => !o.municipality)) {
      this.org.set(spec.key, await organisations.create(adminActor, { name: spec.name, kind: spec.kind }));
    }
    for (const spec of demoOrganisations.filter((o) => o.municipality)) {
      this.org.set(
        spec.key,
        await organisations.create(adminActor, { name: spec.name, kind: spec.kind, municipalityId: this.id(spec.municipality!) }),
      );
    }
    for (const spec of demoAccounts.filter((a) => a.role !== Role.ADMIN)) {
      const user = await users.create(adminActor, {
        email: spec.email,
        displayName: spec.displayName,
        role: spec.role,
        organisationId: this.id(spec.organisation!),
        password: this.passwordOf(spec.email),
        locale: spec.locale ?? 'nl',
      });
      this.actors.set(spec.key, { userId: user.id, role: user.role, organisationId: user.organisationId });
    }
  }

  private async draftInvestigation(
    lead: string,
    data: { title: string; summary: string; municipality: string; participating: string[]; involved: string[] },
    findings: Array<[string, Theme[]]>,
    points: Array<{ text: string; themes: Theme[]; to: string[]; coordinator?: string; finding: number }>,
  ): Promise<Investigation> {
    const { investigations, content } = this.s;
    const inspector = this.as(lead);
    const investigation = await investigations.create(inspector, {
      title: data.title,
      summary: data.summary,
      municipalityId: this.id(data.municipality),
      participatingInspectorateIds: data.participating.map((k) => this.id(k)),
      involvedOrganisationIds: data.involved.map((k) => this.id(k)),
    });
    const findingIds: string[] = [];
    for (const [text, themes] of findings)
      findingIds.push((await content.addFinding(inspector, { investigationId: investigation.id, text, themes })).id);
    for (const p of points) {
      await content.addPoint(inspector, {
        investigationId: investigation.id,
        findingId: findingIds[p.finding],
        text: p.text,
        themes: p.themes,
        addresseeIds: p.to.map((k) => this.id(k)),
        coordinatingOrganisationId: p.coordinator ? this.id(p.coordinator) : null,
      });
    }
    return investigation;
  }

  private async publish(lead: string, investigation: Investigation, on: string) {
    this.at(on);
    const current = await this.s.investigations.get(this.as(lead), investigation.id);
    return this.s.investigations.publish(this.as(lead), { id: current.id, expectedVersion: current.version, publicationDate: on });
  }

  private async planOf(memberKey: string, investigationId: string): Promise<ImprovementPlan> {
    const page = await this.s.plans.list(
      this.as(memberKey),
      { investigationId },
      { field: PlanSort.CREATED_AT, direction: 'ASC' },
      { first: 1 },
    );
    return page.nodes[0];
  }

  /** Measures covering the organisation's points (by position), due `days` after the clock's today. */
  private async writeMeasures(
    memberKey: string,
    investigationId: string,
    measures: Array<{ description: string; indicator: string; points: number[]; days: number }>,
  ) {
    const plan = await this.planOf(memberKey, investigationId);
    const points = await this.s.content.listPoints(this.as(memberKey), { investigationId }, { first: 100 });
    const byPosition = new Map(points.nodes.map((p) => [p.position, p.id]));
    for (const m of measures) {
      await this.s.measures.add(this.as(memberKey), {
        planId: plan.id,
        description: m.description,
        successIndicator: m.indicator,
        ownerId: this.as(memberKey).userId,
        dueDate: dates.addDays(this.clock.today(), m.days),
        pointIds: m.points.map((n) => byPosition.get(n)!),
      });
    }
    return plan;
  }

  private async submit(memberKey: string, investigationId: string, on: string) {
    this.at(on);
    const plan = await this.planOf(memberKey, investigationId);
    return this.s.plans.submit(this.as(memberKey), { planId: plan.id, expectedVersion: plan.version });
  }

  private async accept(inspectorKey: string, memberKey: string, investigationId: string, on: string) {
    this.at(on);
    const plan = await this.planOf(memberKey, investigationId);
    return this.s.plans.assess(this.as(inspectorKey), {
      planId: plan.id,
      expectedVersion: plan.version,
      aimedAtShortcomings: sufficient('De maatregelen sluiten aan op de verbeterpunten uit het rapport.'),
      chanceOfSuccess: sufficient('Eigenaarschap en middelen zijn belegd; de indicatoren zijn meetbaar.'),
      pace: sufficient('De planning is ambitieus maar haalbaar.'),
    });
  }

  // ---- Casus Heerlen 2015: plans being written ------------------------------------------------

  private async heerlen() {
    const published = dates.addDays(this.today, -20);
    this.at(dates.addDays(published, -30));
    const inv = await this.draftInvestigation(
      'igj',
      {
        title: 'Casus Heerlen 2015',
        summary:
          'Onderzoek van de samenwerkende inspecties naar de hulpverlening aan een gezin in Heerlen na het overlijden van een kind. ' +
          'Oordeel: de betrokken professionals hebben gezamenlijk onvoldoende prioriteit gegeven aan de veiligheid van het kind.',
        municipality: 'heerlen',
        participating: ['ijenv'],
        involved: ['heerlen', 'buurtteam', 'vtzl', 'jgzzl'],
      },
      [
        [
          'De hulpvraag van de zorgmijdende ouder was leidend, niet de professionele afweging of het kind veilig kon opgroeien.',
          [Theme.SAFETY_ASSESSMENT, Theme.ADULT_PROBLEMS_CHILD_RISK],
        ],
        [
          'De professionals handelden niet op basis van een volledige, gezamenlijke probleemanalyse en kwamen niet tot een sluitende ' +
            'aanpak voor het gezin.',
          [Theme.CASE_DIRECTION, Theme.INFORMATION_SHARING],
        ],
        [
          'Toen de ouder niet meewerkte, is niet tijdig professionele hulp ingeschakeld via Veilig Thuis.',
          [Theme.ACTING_ON_SIGNALS, Theme.ESCALATION],
        ],
      ],
      [
        {
          text:
            'Breng kwetsbare gezinnen met zorgmijdende ouders in kaart en leg per gezin vast wie de regie voert: één gezin, één ' +
            'plan, één regisseur.',
          themes: [Theme.CASE_DIRECTION],
          to: ['heerlen', 'buurtteam', 'vtzl', 'jgzzl'],
          coordinator: 'heerlen',
          finding: 1,
        },
        {
          text:
            'Zorg dat elk buurtteam voldoende specialistische expertise heeft en schakel bij niet-meewerkende ouders direct ' +
            'Veilig Thuis in.',
          themes: [Theme.ESCALATION, Theme.SCALING_CARE],
          to: ['buurtteam'],
          finding: 2,
        },
        {
          text: 'Hanteer met de ketenpartners gezamenlijke normen voor wat een onveilige situatie voor een kind is.',
          themes: [Theme.SAFETY_ASSESSMENT],
          to: ['vtzl'],
          finding: 0,
        },
        {
          text: 'Deel zorgsignalen over het kind tijdig met de regisseur van het gezin, ook als de ouder zorg mijdt.',
          themes: [Theme.INFORMATION_SHARING],
          to: ['jgzzl'],
          finding: 1,
        },
      ],
    );
    await this.publish('igj', inv, published);

    this.at(dates.addDays(published, 5));
    await this.writeMeasures('vtzl', inv.id, [
      {
        description: 'Ketenbrede veiligheidstaxatie invoeren met één gedeeld taxatie-instrument.',
        indicator: '100% van de meldingen getaxeerd met het gedeelde instrument, gemeten per kwartaal.',
        points: [3],
        days: 120,
      },
      {
        description: 'Vaste casusregie-overleggen met buurtteams voor gezinnen met zorgmijdende ouders.',
        indicator: 'Maandelijks overleg gehouden; verslag bij elke casus in het dossier.',
        points: [1],
        days: 90,
      },
    ]);
    await this.submit('vtzl', inv.id, dates.addDays(published, 10));

    this.at(dates.addDays(published, 8));
    await this.writeMeasures('buurtteam', inv.id, [
      {
        description: 'Twee gedragswetenschappers toevoegen aan elk buurtteam; escalatieprotocol naar Veilig Thuis vastleggen.',
        indicator: 'Elk team heeft twee gedragswetenschappers; protocol vastgesteld door het bestuur.',
        points: [2],
        days: 150,
      },
    ]);

    this.at(dates.addDays(published, 6));
    await this.writeMeasures('heerlen', inv.id, [
      {
        description: 'Gemeentelijk overzicht van kwetsbare gezinnen met een aangewezen regisseur per gezin.',
        indicator: 'Overzicht actueel; bij elk gezin een regisseur, maandelijks gecontroleerd.',
        points: [1],
        days: 240,
      },
    ]);
    await this.submit('heerlen', inv.id, dates.addDays(published, 9));
    this.at(dates.addDays(this.today, -3));
    const plan = await this.planOf('heerlen', inv.id);
    await this.s.plans.assess(this.as('igj'), {
      planId: plan.id,
      expectedVersion: plan.version,
      aimedAtShortcomings: sufficient('De maatregel richt zich op de regie per gezin.'),
      chanceOfSuccess: sufficient('Eigenaarschap is belegd bij de wethouder jeugd.'),
      pace: {
        judgement: Judgement.INSUFFICIENT,
        rationale: 'Acht maanden voor een overzicht is te traag; kom met tussenstappen binnen drie maanden.',
      },
    });
  }

  // ---- Casus Groningen 2015: plans accepted, audits coming due ---------------------------------

  private async groningen() {
    const accepted = dates.addDays(dates.addMonths(this.today, -6), 14);
    const published = dates.addDays(accepted, -56);
    this.at(dates.addDays(published, -40));
    const inv = await this.draftInvestigation(
      'igj',
      {
        title: 'Casus Groningen 2015',
        summary:
          'Onderzoek van het Samenwerkend Toezicht Jeugd naar de zorg en ondersteuning aan een gezin met geringe sociale redzaamheid. ' +
          'Oordeel: de gezamenlijke zorg was onvoldoende passend; signalen van onveiligheid zijn niet in samenhang opgepakt.',
        municipality: 'groningen',
        participating: ['io'],
        involved: ['jeugdhulp', 'school', 'wijkteam'],
      },
      [
        [
          'Zorgelijke signalen zijn niet nader onderzocht en niet systematisch in kaart gebracht, waardoor patronen niet herkend zijn.',
          [Theme.ACTING_ON_SIGNALS, Theme.INFORMATION_SHARING],
        ],
        [
          "Er zijn geen concrete afspraken gemaakt over het beperken van veiligheidsrisico's, en niet vastgesteld of risico's " +
            'verminderd waren.',
          [Theme.SAFETY_ASSESSMENT, Theme.CHRONIC_NEEDS],
        ],
      ],
      [
        {
          text: 'Breng zorgelijke signalen gezamenlijk en systematisch in kaart, zodat patronen tijdig herkend worden.',
          themes: [Theme.ACTING_ON_SIGNALS],
          to: ['jeugdhulp', 'school', 'wijkteam'],
          coordinator: 'wijkteam',
          finding: 0,
        },
        {
          text: "Maak concrete veiligheidsafspraken met het gezin en stel periodiek vast of de risico's zijn verminderd.",
          themes: [Theme.SAFETY_ASSESSMENT],
          to: ['jeugdhulp'],
          finding: 1,
        },
        {
          text: 'Handel signalen van mogelijke kindermishandeling af volgens de meldcode en deel ze met de jeugdhulp.',
          themes: [Theme.INFORMATION_SHARING, Theme.ACTING_ON_SIGNALS],
          to: ['school'],
          finding: 0,
        },
      ],
    );
    await this.publish('igj', inv, published);

    this.at(dates.addDays(published, 14));
    await this.writeMeasures('jeugdhulp', inv.id, [
      {
        description: 'Signaleringsoverzicht per gezin in het cliëntdossier, besproken in elk multidisciplinair overleg.',
        indicator: 'Bij 90% van de gezinnen een actueel signaleringsoverzicht (dossiersteekproef).',
        points: [1],
        days: 100,
      },
      {
        description: 'Veiligheidsplan met concrete afspraken en een driemaandelijkse risicotaxatie.',
        indicator: 'Elk gezin met een veiligheidsplan heeft elke drie maanden een nieuwe taxatie.',
        points: [2],
        days: 150,
      },
    ]);
    await this.writeMeasures('school', inv.id, [
      {
        description: 'Scholing meldcode voor alle leerkrachten; aandachtsfunctionaris aangewezen.',
        indicator: 'Alle leerkrachten geschoold; aandachtsfunctionaris bekend bij het team.',
        points: [1, 3],
        days: 60,
      },
    ]);
    await this.writeMeasures('wijkteam', inv.id, [
      {
        description: 'Wekelijks signalenoverleg van wijkteam, school en jeugdhulp voor gezinnen met chronische problemen.',
        indicator: 'Overleg wekelijks gehouden, besluiten vastgelegd.',
        points: [1],
        days: 45,
      },
    ]);
    for (const org of ['jeugdhulp', 'school', 'wijkteam']) await this.submit(org, inv.id, dates.addDays(published, 28));
    await this.accept('igj', 'jeugdhulp', inv.id, accepted);
    await this.accept('io', 'school', inv.id, accepted);
    await this.accept('igj', 'wijkteam', inv.id, accepted);

    // Progress since acceptance: some done, one late.
    this.at(dates.addDays(accepted, 50));
    const measures = async (org: string) =>
      (
        await this.s.measures.list(
          this.as(org),
          { investigationId: inv.id },
          { field: MeasureSort.CREATED_AT, direction: 'ASC' },
          { first: 50 },
        )
      ).nodes;
    const [school] = await measures('school');
    await this.s.measures.complete(this.as('school'), {
      id: school.id,
      expectedVersion: school.version,
      evidence: 'Scholing gegeven op twee studiedagen; presentielijsten en aanwijzing aandachtsfunctionaris in het schoolplan.',
    });
    const [wijk] = await measures('wijkteam');
    await this.s.measures.complete(this.as('wijkteam'), {
      id: wijk.id,
      expectedVersion: wijk.version,
      evidence: 'Overleg sinds acceptatie wekelijks gehouden; besluitenlijst bijgevoegd.',
    });
    const [signals, safety] = await measures('jeugdhulp');
    await this.s.measures.start(this.as('jeugdhulp'), { id: signals.id, expectedVersion: signals.version });
    await this.s.measures.start(this.as('jeugdhulp'), { id: safety.id, expectedVersion: safety.version });
  }

  // ---- Casus Hattem: verified and closed -------------------------------------------------------

  private async hattem() {
    const published = dates.addMonths(this.today, -13);
    this.at(dates.addDays(published, -30));
    const inv = await this.draftInvestigation(
      'igj',
      {
        title: 'Casus Hattem',
        summary:
          'Onderzoek van Toezicht Sociaal Domein, samen met de lokale Wmo-toezichthouder, naar een dodelijk geweldsincident in Hattem. ' +
          'Drie leerpunten voor de gemeente en de betrokken partijen.',
        municipality: 'hattem',
        participating: [],
        involved: ['sociaalteam', 'ggz', 'vtnog'],
      },
      [
        [
          'De betrokken professionals hebben de volwassenen in het huishouden onvoldoende in relatie tot elkaar gezien en behandeld.',
          [Theme.ADULT_PROBLEMS_CHILD_RISK, Theme.CASE_DIRECTION],
        ],
        ['De regie in deze casus was niet adequaat belegd, op proces- noch op casusniveau.', [Theme.CASE_DIRECTION]],
        [
          'Op signalen van onveiligheid is onvoldoende gehandeld en de beschikbare escalatiewegen zijn niet allemaal bewandeld.',
          [Theme.ACTING_ON_SIGNALS, Theme.ESCALATION],
        ],
      ],
      [
        {
          text:
            'Bied volwassenen met complexe problemen op meerdere leefgebieden zorg en ondersteuning in samenhang: één ' +
            'huishouden, één plan.',
          themes: [Theme.ADULT_PROBLEMS_CHILD_RISK],
          to: ['sociaalteam', 'ggz', 'vtnog'],
          coordinator: 'sociaalteam',
          finding: 0,
        },
        {
          text: 'Organiseer de regie voor complexe casussen, zowel op proces- als op casusniveau.',
          themes: [Theme.CASE_DIRECTION],
          to: ['sociaalteam'],
          finding: 1,
        },
        {
          text: 'Laat signalen van onveiligheid leiden tot actie en terugkoppeling, en bewandel de beschikbare escalatiewegen.',
          themes: [Theme.ACTING_ON_SIGNALS, Theme.ESCALATION],
          to: ['vtnog', 'ggz'],
          coordinator: 'vtnog',
          finding: 2,
        },
      ],
    );
    await this.publish('igj', inv, published);
    const orgs = ['sociaalteam', 'ggz', 'vtnog'];
    const pointsOf: Record<string, number[]> = { sociaalteam: [1, 2], ggz: [1, 3], vtnog: [1, 3] };
    this.at(dates.addDays(published, 20));
    for (const org of orgs) {
      await this.writeMeasures(org, inv.id, [
        {
          description: 'Huishoudplan voor elk huishouden met meervoudige problematiek, met één regisseur.',
          indicator: 'Alle huishoudens in de doelgroep hebben een huishoudplan (halfjaarlijkse telling).',
          points: [1],
          days: 120,
        },
        {
          description:
            org === 'sociaalteam'
              ? 'Regiefunctie op proces- en casusniveau vastgelegd in het samenwerkingsconvenant.'
              : 'Terugkoppeling op elke melding binnen vijf werkdagen; escalatieladder opgenomen in het werkproces.',
          indicator:
            org === 'sociaalteam'
              ? 'Convenant ondertekend door alle partners.'
              : 'Steekproef: 95% van de meldingen binnen vijf werkdagen teruggekoppeld.',
          points: pointsOf[org].slice(1),
          days: 150,
        },
      ]);
      await this.submit(org, inv.id, dates.addDays(published, 35));
      await this.accept('igj', org, inv.id, dates.addDays(published, 60));
    }
    const accepted = dates.addDays(published, 60);
    this.at(dates.addDays(accepted, 160));
    for (const org of orgs) {
      const list = (
        await this.s.measures.list(
          this.as(org),
          { investigationId: inv.id },
          { field: MeasureSort.CREATED_AT, direction: 'ASC' },
          { first: 50 },
        )
      ).nodes;
      for (const m of list)
        await this.s.measures.complete(this.as(org), {
          id: m.id,
          expectedVersion: m.version,
          evidence: 'Uitgevoerd; onderbouwing in het kwaliteitsdossier (verslag, telling en steekproef).',
        });
    }
    for (const org of orgs) {
      this.at(dates.addMonths(accepted, 6));
      const plan = await this.planOf(org, inv.id);
      const audit = (await this.s.audits.byPlan(this.as(org), [plan.id])).get(plan.id)!;
      const list = (
        await this.s.measures.list(this.as(org), { planId: plan.id }, { field: MeasureSort.CREATED_AT, direction: 'ASC' }, { first: 50 })
      ).nodes;
      const saved = await this.s.audits.save(this.as(org), {
        id: audit.id,
        expectedVersion: audit.version,
        conclusion: 'De maatregelen zijn ingevoerd en worden in de praktijk toegepast; de steekproef bevestigt dit.',
        results: list.map((m) => ({
          measureId: m.id,
          implementation: Implementation.IMPLEMENTED,
          evidence: 'Dossiersteekproef van 20 casussen en interviews met professionals.',
        })),
      });
      const submitted = await this.s.audits.submit(this.as(org), { id: saved.id, expectedVersion: saved.version });
      this.at(dates.addDays(dates.addMonths(accepted, 6), 14));
      await this.s.audits.judge(this.as('igj'), {
        id: submitted.id,
        expectedVersion: submitted.version,
        quality: AuditQuality.SUFFICIENT,
        rationale: 'Audit met een representatieve steekproef en heldere conclusies.',
      });
      this.at(dates.addMonths(published, 11));
      const points = (await this.s.content.listPoints(this.as(org), { investigationId: inv.id }, { first: 50 })).nodes;
      const current = await this.planOf(org, inv.id);
      await this.s.verifications.record(this.as('igj'), {
        planId: current.id,
        expectedPlanVersion: current.version,
        method: org === 'vtnog' ? VerificationMethod.SITE_VISIT : VerificationMethod.DESK_REVIEW,
        verifiedOn: this.clock.today(),
        summary: 'De inspectie heeft de audit en onderliggende stukken beoordeeld; de verbeteringen zijn doorgevoerd.',
        grades: points.map((p) => ({ pointId: p.id, grade: p.collective ? ImplementationGrade.MOSTLY : ImplementationGrade.FULLY })),
      });
    }
    this.at(dates.addMonths(published, 12));
    const final = await this.s.investigations.get(this.as('igj'), inv.id);
    await this.s.investigations.close(this.as('igj'), {
      id: final.id,
      expectedVersion: final.version,
      reason:
        'Alle verbeterplannen zijn getoetst; de verbeteringen zijn grotendeels tot volledig doorgevoerd. Het verbetertraject is afgerond.',
    });
  }
}

/** Loads the demo scenario into an empty database, with a clock that the scenario moves. */
/**
 * Plays the scenario. `passwords: 'random'` gives every account its own random password instead of
 * the published one (for a demo on a reachable server); they are returned, to be shown once.
 */
export async function loadDemoData(
  app: INestApplicationContext,
  options: { passwords?: 'published' | 'random' } = {},
): Promise<Array<{ email: string; password: string }>> {
  const clock = app.get(Clock);
  if (!(clock instanceof ManualClock)) throw new Error('The demo scenario needs a ManualClock');
  const passwords = new Map(
    demoAccounts.map((a) => [a.email, options.passwords === 'random' ? randomBytes(15).toString('base64url') : DEMO_PASSWORD]),
  );
  await new DemoScenario(app, clock, (email) => passwords.get(email)!).run();
  return [...passwords].map(([email, password]) => ({ email, password }));
}
