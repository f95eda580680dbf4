import { GraphQLSchema, isObjectType } from 'graphql';

/**
 * Object types whose values are plain data: every field without a @ResolveField of its own is a
 * property that holds its value (never a promise, nor a getter that can throw). The overview types
 * are shaped once by their resolver (`overviews.resolver.ts`); Measure, ImprovementPoint and
 * Organisation are entity rows. Connection types are not among them: their `totalCount` is a promise.
 */
export const PLAIN_DATA_TYPES = [
  'GradeCount',
  'PlanProgress',
  'ProgressTotals',
  'InvestigationProgressType',
  'OverviewChange',
  'ChangesSince',
  'MunicipalityOverview',
  'ActionNeededType',
  'Portfolio',
  'ThemeOverview',
  'MonthProgress',
  'Measure',
  'ImprovementPoint',
  'Organisation',
] as const;

/** The name of the resolver Nest gives a field without @ResolveField: it reads the property. */
export const NEST_PROPERTY_RESOLVER = 'rootFieldResolver';

/**
 * Nest gives every field of a code-first type a resolver, even one that only reads a property.
 * graphql-jit calls a resolver with a resolve-info object of its own and checks the result for a
 * promise, per row and field; a field without one it reads inline. So the fields of the plain-data
 * types whose resolver is Nest's property read get none: graphql-js' default resolver reads the
 * same property where graphql-js executes (a variable that does not coerce, tracing), and
 * graphql-jit reads it inline (a page of 100 measures: 400 calls fewer; a portfolio of 50
 * investigations: about 5,000). Used as the GraphQL module's `transformSchema`.
 */
export function withoutPropertyResolvers(schema: GraphQLSchema, typeNames: readonly string[] = PLAIN_DATA_TYPES): GraphQLSchema {
  for (const name of typeNames) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`withoutPropertyResolvers: ${name} is no object type of the schema`);
    for (const field of Object.values(type.getFields())) if (field.resolve?.name === NEST_PROPERTY_RESOLVER) field.resolve = undefined;
  }
  return schema;
}
