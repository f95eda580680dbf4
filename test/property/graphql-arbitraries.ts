import * as fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/**
 * fast-check arbitraries derived from GraphQL input types, mixing plausible values (so requests get
 * past the first checks and reach the domain and the database) with hostile ones.
 */

/** A field left out of its input object (or a variable left out of the request). */
export const OMIT = Symbol('omit');

/** Resolved just before sending to the current version (+ offset) of the row the sibling id names. */
export class CurrentVersion {
  constructor(readonly offset: number) {}
  toJSON() {
    return `<current version${this.offset ? (this.offset > 0 ? ` +${this.offset}` : ` ${this.offset}`) : ''}>`;
  }
}

export type IdKind =
  | 'organisation'
  | 'user'
  | 'investigation'
  | 'finding'
  | 'point'
  | 'plan'
  | 'measure'
  | 'audit'
  | 'extension'
  | 'notification'
  | 'verification';

/** Ids of real rows, by kind; read again from the database before each mutation is fuzzed. */
export type IdPools = Record<IdKind, string[]>;

/**
 * Known accounts' e-mail addresses and passwords, so that sign-in, password and duplicate-address
 * paths are reached too, not only the "unknown account" one.
 */
export interface KnownSecrets {
  emails: string[];
  passwords: string[];
}

// Words that the leak check looks for (stack, violates, syntax error, ...) must not appear here:
// error messages may echo input back, and that is no leak.
export const HOSTILE_STRINGS: string[] = [
  '',
  ' ',
  '   \t\n\r  ',
  '\u00a0\u2003\u3000',
  '\u200b',
  '\u200b\u200c\u200d\ufeff',
  '\u0000',
  'a\u0000b',
  'Veiligheid\u0000',
  "'; DROP TABLE measures; --",
  "' OR 1=1 --",
  '" OR ""="',
  "1'); DELETE FROM users; --",
  'SELECT pg_sleep(10);',
  '$1',
  '\\',
  '%',
  '_',
  "\\'; --",
  'x'.repeat(100_000),
  'y'.repeat(30_000),
  'é'.repeat(5_001),
  '🙂'.repeat(2_001),
  '🙂👨‍👩‍👧‍👦🏳️‍🌈',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202egnp.exe',
  'Z̵̡̢̧̨̛̖̗̘̙̜̝̞̟̠̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐',
  '\ud800',
  '\udfff\ud800',
  '\u2028\u2029',
  '\u0001\u0002\u001f\u007f',
  '\r\n\r\n',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '%s%n%x%d%p',
  '{0}{1}',
  '${7*7}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  '{"a":1}',
  '{"__proto__":{"isAdmin":true}}',
  '[]',
  'null',
  'undefined',
  'NaN',
  'true',
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  '0x7fffffff',
];

const PLAIN_STRINGS = [
  'Casus Heerlen 2015',
  'Escalatieprotocol naar Veilig Thuis',
  'Protocol vastgesteld',
  'Steekproef van tien dossiers.',
  'Regie per gezin',
  'x',
  'Ω≈ç√∫ ñ ü ß',
  'nl',
  'en',
];

/**
 * How hostile a sample is: 0 gives plausible values only (so requests reach the domain rules and
 * the database), a little lets the odd hostile value through a plausible request, 0.5 is half and half.
 */
export type Hostility = number;

/** Plausible values, or with probability `h` hostile ones. */
export function pick<T>(h: Hostility, benign: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>): fc.Arbitrary<T> {
  if (h <= 0) return benign;
  return fc.oneof(
    { weight: Math.max(1, Math.round((1 - h) * 20)), arbitrary: benign },
    { weight: Math.max(1, Math.round(h * 20)), arbitrary: hostile },
  );
}

export function stringArb(h: Hostility): fc.Arbitrary<string> {
  return pick(
    h,
    fc.constantFrom(...PLAIN_STRINGS),
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }) },
    ),
  );
}

const INTS = [0, 1, 2, 3, -1, 7, 28, 36, 42, 60, 61, 365, 366, 2 ** 31 - 1, -(2 ** 31)];
/** GraphQL Int is 32-bit: these must be refused by GraphQL itself. */
const NOT_INTS: unknown[] = [2 ** 31, -(2 ** 31) - 1, 1e15, 1.5, '1', true, Number.MAX_SAFE_INTEGER];

export function intArb(h: Hostility): fc.Arbitrary<unknown> {
  return pick(
    h,
    fc.integer({ min: 1, max: 60 }),
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...INTS) },
      { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
      { weight: 2, arbitrary: fc.constantFrom(...NOT_INTS) },
    ),
  );
}

export function versionArb(h: Hostility): fc.Arbitrary<unknown> {
  return pick(
    h,
    fc.constant(new CurrentVersion(0)),
    fc.oneof({ weight: 1, arbitrary: fc.constantFrom(new CurrentVersion(-1), new CurrentVersion(1)) }, { weight: 2, arbitrary: intArb(1) }),
  );
}

function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

const VALID_DATES = [
  '2026-03-02',
  '2026-03-03',
  '2026-04-13',
  '2026-05-01',
  '2026-06-01',
  '2026-07-01',
  '2026-12-31',
  '2027-03-02',
  '2028-02-29',
  '2000-02-29',
];
const ODD_DATES = [
  '2025-01-01',
  '1970-01-01',
  '1900-01-01',
  '0001-01-01',
  '0000-01-01',
  '2026-02-30',
  '2026-02-29',
  '2100-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '9999-12-31',
  '2038-01-19',
  '+275760-09-13',
  '-001000-01-01',
  '2026-6-1',
  '20260601',
  '2026-06-01T00:00:00Z',
  '2026-06-01 ',
  '2026-06-01\u0000',
  '2026/06/01',
  '01-06-2026',
  'today',
  '',
];

export function dateArb(h: Hostility): fc.Arbitrary<unknown> {
  return pick(
    h,
    fc.constantFrom(...VALID_DATES),
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ODD_DATES) },
      { weight: 2, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map(formatDate) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.integer(), fc.constant(true)) },
    ),
  );
}

export function dateTimeArb(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-02-30T10:00:00Z', '2026-06-01T25:00:00Z', '0000-01-01T00:00:00Z', 'not a date', '', 0, -1),
  );
}

function booleanArb(h: Hostility): fc.Arbitrary<unknown> {
  return pick(h, fc.boolean(), fc.constantFrom('true', 1, 0, 'false', {}));
}

function floatArb(): fc.Arbitrary<unknown> {
  return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, '1.5'));
}

const MALFORMED_IDS: unknown[] = [
  '',
  ' ',
  'not-a-uuid',
  '1',
  0,
  123,
  -1,
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1e0a2c-3b4d-4e5f-8a9b-0c1d2e3f4a5',
  '6f1e0a2c3b4d4e5f8a9b0c1d2e3f4a5b',
  '{6f1e0a2c-3b4d-4e5f-8a9b-0c1d2e3f4a5b}',
  '6f1e0a2c-3b4d-4e5f-8a9b-0c1d2e3f4a5b\u0000',
  "6f1e0a2c-3b4d-4e5f-8a9b-0c1d2e3f4a5b' OR '1'='1",
  '../6f1e0a2c-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  'a'.repeat(5_000),
];

/** Which kind of row an ID field names, from its name (and for `id`, from the mutation's name). */
export function idKindsFor(fieldName: string, mutation: string): IdKind[] {
  const rules: Array<[RegExp, IdKind[]]> = [
    [/^planId$/, ['plan']],
    [/^measureId$/, ['measure']],
    [/^pointIds?$/, ['point']],
    [/^findingId$/, ['finding']],
    [/^investigationId$/, ['investigation']],
    [/^ownerId$/, ['user']],
    [/^subjectId$/, ['plan', 'measure', 'audit']],
    [/(organisation|municipality|addressee|inspectorate)Ids?$/i, ['organisation']],
  ];
  for (const [re, kinds] of rules) if (re.test(fieldName)) return kinds;
  if (fieldName === 'id' || fieldName === 'ids') {
    const byMutation: Array<[RegExp, IdKind]> = [
      [/Finding/, 'finding'],
      [/ImprovementPoint/, 'point'],
      [/Measure/, 'measure'],
      [/InternalAudit/, 'audit'],
      [/Extension/, 'extension'],
      [/Notification/, 'notification'],
      [/Investigation/, 'investigation'],
      [/Organisation/, 'organisation'],
      [/User/, 'user'],
      [/Plan|Verification/, 'plan'],
    ];
    for (const [re, kind] of byMutation) if (re.test(mutation)) return [kind];
  }
  return [];
}

export function idArb(h: Hostility, kinds: IdKind[], pools: IdPools): fc.Arbitrary<unknown> {
  const right = kinds.flatMap((k) => pools[k]);
  const any = Object.values(pools).flat();
  const hostile: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...MALFORMED_IDS) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.slice(0, 20)) },
  ];
  // The same row in capitals: a valid UUID to PostgreSQL, another string to JavaScript.
  if (right.length) hostile.push({ weight: 2, arbitrary: fc.constantFrom(...right).map((id) => id.toUpperCase()) });
  // A real row of another kind.
  if (any.length) hostile.push({ weight: 3, arbitrary: fc.constantFrom(...any) });
  const benign = right.length ? fc.constantFrom(...right) : any.length ? fc.constantFrom(...any) : fc.uuid();
  return pick(h, benign, fc.oneof(...hostile));
}

export interface ArbContext {
  mutation: string;
  hostility: Hostility;
  pools: IdPools;
  secrets: KnownSecrets;
}

function scalarArb(name: string, fieldName: string, ctx: ArbContext): fc.Arbitrary<unknown> {
  const h = ctx.hostility;
  const strings = () => stringArb(h);
  switch (name) {
    case 'ID':
      return idArb(h, idKindsFor(fieldName, ctx.mutation), ctx.pools);
    case 'Int':
      return /^expected\w*Version$/.test(fieldName) ? versionArb(h) : intArb(h);
    case 'Float':
      return pick(h, fc.double({ min: 0, max: 1000, noNaN: true }), floatArb());
    case 'Boolean':
      return booleanArb(h);
    case 'Date':
      return dateArb(h);
    case 'DateTime':
      return dateTimeArb();
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    case 'String': {
      if (/email/i.test(fieldName)) {
        const emails = ctx.secrets.emails;
        return pick(
          h,
          fc.oneof(fc.constantFrom(...emails), fc.emailAddress(), fc.constantFrom('nieuw@example.test', 'Nieuw.Lid@Example.TEST')),
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...emails.map((e) => e.toUpperCase()), ...emails.map((e) => ` ${e} `)) },
            {
              weight: 2,
              arbitrary: fc.constantFrom(
                'İnspecteur@igj.test',
                'ÉMILE@example.test',
                'ǅ@example.test',
                'ΑΣ@example.test',
                'ß@STRASSE.test',
                'a@b',
                '@',
                'a@',
                'x@y.z\u0000',
                'a b@c.d',
              ),
            },
            { weight: 3, arbitrary: stringArb(1) },
          ),
        );
      }
      if (/password/i.test(fieldName)) {
        return pick(
          h,
          fc.oneof(fc.constantFrom(...ctx.secrets.passwords), fc.string({ minLength: 12, maxLength: 40 })),
          fc.oneof(fc.constantFrom('short', 'x'.repeat(1_024), 'x'.repeat(1_025), 'x'.repeat(70_000)), stringArb(1)),
        );
      }
      if (/^locale$/.test(fieldName))
        return pick(h, fc.constantFrom('nl', 'en'), fc.oneof(fc.constantFrom('EN', 'de', 'nl-NL', ' nl'), strings()));
      return strings();
    }
    default:
      return fc.oneof(strings(), intArb(h), fc.jsonValue({ maxDepth: 2 }));
  }
}

/** Variables for one argument/field type; `fieldName` steers ids, versions, e-mails and passwords. */
export function inputArb(type: GraphQLInputType, fieldName: string, ctx: ArbContext, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    // A null for a required value: GraphQL must refuse it before any resolver runs.
    const value = nullableArb(type.ofType, fieldName, ctx, depth);
    return ctx.hostility > 0 ? fc.oneof({ weight: 25, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
  }
  const inner = nullableArb(type, fieldName, ctx, depth);
  return fc.oneof({ weight: 7, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function nullableArb(type: GraphQLInputType, fieldName: string, ctx: ArbContext, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = inputArb(type.ofType, singular(fieldName), ctx, depth + 1);
    if (ctx.hostility <= 0) return fc.array(item, { minLength: 1, maxLength: 3 });
    return fc.oneof(
      { weight: 10, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 30, maxLength: 120 }) },
      // Duplicates, the same id in other letter case too.
      {
        weight: 2,
        arbitrary: fc
          .tuple(item, fc.integer({ min: 2, max: 4 }))
          .map(([x, n]) => Array.from({ length: n }, (_, i) => (i % 2 === 1 && typeof x === 'string' ? x.toUpperCase() : x))),
      },
      // A single value where a list is expected (GraphQL coerces it to a list of one).
      { weight: 1, arbitrary: item },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(
        fields.map((f) => {
          const value = inputArb(f.type, f.name, ctx, depth + 1);
          // Optional fields are often left out; required ones rarely (GraphQL must refuse that).
          const omitWeight = isNonNullType(f.type) ? (f.defaultValue !== undefined ? 6 : ctx.hostility > 0 ? 1 : 0) : 8;
          if (omitWeight === 0) return [f.name, value];
          return [f.name, fc.oneof({ weight: 20, arbitrary: value }, { weight: omitWeight, arbitrary: fc.constant(OMIT) })];
        }),
      ),
    );
    if (ctx.hostility <= 0) return record;
    return fc.oneof(
      { weight: 30, arbitrary: record },
      // An unknown field, or a scalar where an object is expected.
      { weight: 1, arbitrary: record.map((r) => ({ ...r, notAField: 'x', __proto__x: 1 })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('{}', 42, [], true) },
    );
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return pick(
      ctx.hostility / 3,
      fc.constantFrom<unknown>(...values),
      fc.constantFrom(...values.map((v) => v.toLowerCase()), 'NOT_A_VALUE', '', 0, "' OR 1=1 --"),
    );
  }
  if (isScalarType(type)) return scalarArb(type.name, fieldName, ctx);
  throw new Error(`no arbitrary for input type ${String(type)}`);
}

function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name === 'ids' ? 'id' : name;
}

/** Variables for every argument of a field; a required variable is now and then left out entirely. */
export function variablesArb(field: GraphQLField<unknown, unknown>, ctx: ArbContext): fc.Arbitrary<Record<string, unknown>> {
  if (!field.args.length) return fc.constant({});
  return fc.record(
    Object.fromEntries(
      field.args.map((a) => [
        a.name,
        ctx.hostility > 0
          ? fc.oneof({ weight: 40, arbitrary: inputArb(a.type, a.name, ctx) }, { weight: 1, arbitrary: fc.constant(OMIT) })
          : inputArb(a.type, a.name, ctx),
      ]),
    ),
  );
}

/** Removes OMIT markers (recursively), giving what is sent. CurrentVersion markers stay for resolveVersions. */
export function stripOmitted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripOmitted);
  if (value && typeof value === 'object' && !(value instanceof CurrentVersion)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== OMIT)
        .map(([k, v]) => [k, stripOmitted(v)]),
    );
  }
  return value;
}

/** Replaces each CurrentVersion with the version of the row its sibling `id`/`planId` names. */
export async function resolveVersions(value: unknown, versionOf: (id: unknown) => Promise<number | undefined>): Promise<unknown> {
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveVersions(v, versionOf)));
  if (value && typeof value === 'object' && !(value instanceof CurrentVersion)) {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if (v instanceof CurrentVersion) {
        const version = (await versionOf(obj.id ?? obj.planId)) ?? 1;
        out[k] = version + v.offset;
      } else {
        out[k] = await resolveVersions(v, versionOf);
      }
    }
    return out;
  }
  return value;
}

/**
 * A selection set for a return type: its leaf fields, and the leaf fields of the objects it links
 * to (one level), so that resolving and serialising the result is exercised too.
 */
export function selectionFor(type: GraphQLOutputType, depth = 0, nested = true): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const fieldType = getNamedType(f.type);
    if (isLeafType(fieldType)) parts.push(f.name);
    else if (nested && depth < 1) parts.push(`${f.name}${selectionFor(f.type, depth + 1)}`);
  }
  return ` { ${parts.join(' ')} }`;
}

/** `mutation Fuzz($input: X!) { name(input: $input) { ... } }`: values go in variables, never inline. */
export function documentFor(field: GraphQLField<unknown, unknown>, nested = true): string {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Fuzz${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionFor(field.type, 0, nested)} }`;
}
