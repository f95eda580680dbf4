import { Injectable } from '@nestjs/common';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { tracingStarted } from '@opvolging/observability';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Execution of every operation through a query compiled once per document (graphql-jit) instead of
 * graphql-js' interpreter, which walks the document for every field of every row. Apollo keeps
 * its whole pipeline (parsing, validation, the limits, plugins, `formatError`); only the
 * execution step is replaced, through Apollo's own seam for it (a gateway's executor, here over
 * the same in-process schema and resolvers, with no other service behind it).
 *
 * - Compiled queries are kept per parsed document, which Apollo's document store reuses for the
 *   same query text; they go when the document goes (WeakMap), so the store's bound is theirs.
 * - Variables that do not coerce are answered by graphql-js, which then runs no resolver: its
 *   messages are the ones the error formatting and the clients know (`Variable "$x" got invalid
 *   value … at "x.y"; …`).
 * - One difference to know: graphql-jit reads a field that has no resolver as a plain property,
 *   without awaiting a promise there, calling a function or catching a getter's error, all of
 *   which graphql-js does. Nest's code-first schema gives every `@Field` a resolver of its own
 *   (reading the property), so here promises (`totalCount`) and errors behave as in graphql-js.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | ExecutionResult => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let query = byName.get(key);
    if (!query) byName.set(key, (query = compileQuery(schema, document, operationName)));
    return query;
  };

  const executor: Executor = async ({ document, request, context }) => {
    const operationName = request.operationName ?? undefined;
    const query = compile(document, operationName);
    if (!isCompiledQuery(query)) return query; // the operation could not be selected: the reason, as graphql-js gives it
    const result = await query.query(undefined, context, request.variables ?? {});
    if (!('data' in result)) {
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName });
    }
    return result.errors ? { data: result.data, errors: result.errors.map(asGraphQLError) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}

/**
 * graphql-jit's errors inherit from graphql-js' GraphQLError but are built without its constructor:
 * no `extensions` object when the resolver's error had none, which Apollo's error formatting
 * expects. The same error as graphql-js would have made of it: message, path, locations, the
 * resolver's error (what `formatError` reads) and its extensions.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const made = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.defineProperty(made, 'locations', { value: error.locations, enumerable: Boolean(error.locations?.length) });
}

/**
 * Nest's Apollo driver with compiled execution (see `compiledExecution`). A process that traces
 * keeps graphql-js' execution: OpenTelemetry's GraphQL instrumentation hooks into it (a span per
 * operation and per resolver), and an operator who turns tracing on wants those spans.
 */
@Injectable()
export class CompiledApolloDriver extends ApolloDriver {
  override async registerServer(options: ApolloDriverConfig): Promise<void> {
    if (tracingStarted()) return super.registerServer(options);
    if (!options.schema) throw new Error('CompiledApolloDriver: Nest built no schema');
    await super.registerServer({ ...options, gateway: compiledExecution(options.schema) } as ApolloDriverConfig);
  }
}
