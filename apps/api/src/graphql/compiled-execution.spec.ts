import { buildSchema, execute, GraphQLError, GraphQLObjectType, parse } from 'graphql';
import { compiledExecution } from './compiled-execution';

/**
 * The compiled executor answers as graphql-js would: the same data, the same errors (as graphql-js
 * `GraphQLError`s with the resolver's error and extensions, which `formatError` reads), and
 * graphql-js' own messages for variables that do not coerce.
 */
describe('compiledExecution', () => {
  class Refused extends Error {
    readonly extensions = { code: 'FORBIDDEN' };
  }
  const schema = buildSchema(`
    type Measure { id: ID! description: String! secret: String }
    type Query { measures(first: Int!): [Measure!]! }
  `);
  schema.getQueryType()!.getFields().measures.resolve = (_root, { first }: { first: number }) =>
    Array.from({ length: first }, (_, i) => ({
      id: String(i),
      description: `measure ${i}`,
    }));
  // A field with logic has a resolver (every @ResolveField is one); this one fails.
  (schema.getType('Measure') as GraphQLObjectType).getFields().secret.resolve = ({ id }: { id: string }) => {
    throw id === '0' ? new Refused('not yours') : new Error('plain failure');
  };
  const run = async (query: string, variables: Record<string, unknown>) => {
    const gateway = compiledExecution(schema);
    const { executor } = await gateway.load({ apollo: {} });
    const document = parse(query);
    const request = { document, request: { variables }, context: {} } as unknown as Parameters<NonNullable<typeof executor>>[0];
    const compiled = await executor!(request);
    const interpreted = await execute({ schema, document, variableValues: variables });
    return { compiled, interpreted };
  };

  it('gives the data and errors graphql-js gives, as graphql-js errors carrying the resolver error', async () => {
    const { compiled, interpreted } = await run(`query($n: Int!) { measures(first: $n) { id description secret } }`, { n: 2 });
    expect(compiled.data).toEqual(interpreted.data);
    expect(compiled.errors!.map((e) => [e.message, e.path, e.locations])).toEqual(
      interpreted.errors!.map((e) => [e.message, e.path, e.locations]),
    );
    for (const error of compiled.errors!) expect(error).toBeInstanceOf(GraphQLError);
    expect(compiled.errors![0].originalError).toBeInstanceOf(Refused);
    expect(compiled.errors![0].extensions).toEqual({ code: 'FORBIDDEN' });
    expect(compiled.errors![1].extensions).toEqual({});
  });

  it('answers a variable that does not coerce with graphql-js’ message', async () => {
    const { compiled, interpreted } = await run(`query($n: Int!) { measures(first: $n) { id } }`, { n: 'two' });
    expect(compiled.data).toBeUndefined();
    expect(compiled.errors!.map((e) => e.message)).toEqual(interpreted.errors!.map((e) => e.message));
    expect(compiled.errors![0].message).toMatch(/^Variable "\$n" got invalid value "two"; Int cannot represent/);
  });
});
