import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLRequestFacts, metrics } from '@opvolging/observability';
import type { RequestContext } from './request-context';

type Req = RequestContext['req'] & { id?: unknown; graphql?: GraphQLRequestFacts };

/**
 * Notes on the request which operation ran and which error codes it answered, for the access log
 * line and the metrics, and puts the request id into every error's `extensions.requestId`, so a
 * user's report can be found in the logs.
 */
export function requestLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const req = contextValue.req as Req;
      const facts: GraphQLRequestFacts = { operation: request.operationName ?? undefined };
      req.graphql = facts;
      const endTimer = metrics.graphqlDuration.startTimer();
      // Metrics are labelled by type and root field (bounded by the schema), not by the client's name.
      let metricOperation = 'unresolved';
      return {
        async didResolveOperation({ operation, operationName }) {
          // The name the client gave, else the first field: "query improvementPoints".
          if (!operation) return;
          const first = operation.selectionSet.selections.find((s) => s.kind === 'Field');
          metricOperation = `${operation.operation} ${first && 'name' in first ? first.name.value : 'fragment'}`;
          facts.operation = operationName ?? metricOperation;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const codes = errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          facts.errorCodes = [...new Set(codes)];
          endTimer({ operation: metricOperation, outcome: codes.length ? 'error' : 'ok' });
          for (const code of codes) metrics.graphqlErrors.inc({ code });
          metrics.rateLimitRefusals.inc(codes.filter((c) => c === 'TOO_MANY_REQUESTS').length);
          if (req.id === undefined) return;
          for (const error of errors) Object.assign(error, { extensions: { ...error.extensions, requestId: String(req.id) } });
        },
      };
    },
  };
}
