import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, ParseOptions, ValidationRule } from 'graphql';
import { AppConfig } from '@opvolging/config';

/** What the client can do about each limit; appended to graphql-armor's "limit of N exceeded, found M". */
const ADVICE = {
  depth: 'Ask for fewer nested levels in one request (GRAPHQL_MAX_DEPTH).',
  cost: 'Ask for fewer fields or smaller pages (`first`) in one request, or split it (GRAPHQL_MAX_COST).',
  aliases: 'Use fewer aliases in one request (GRAPHQL_MAX_ALIASES).',
  directives: 'Use fewer directives in one request (GRAPHQL_MAX_DIRECTIVES).',
} as const;

/**
 * graphql-armor reports a rejection as "Syntax Error: …"; it is a validation failure, so it leaves
 * as GRAPHQL_VALIDATION_FAILED (HTTP 400) with the limit, what was found and what to do.
 */
function reject(kind: keyof typeof ADVICE): { propagateOnRejection: false; onReject: GraphQLArmorRejectCallback[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx, error) => {
        const what = error.message.replace(/^Syntax Error:\s*/, '').replace(/\.$/, '');
        ctx?.reportError(new GraphQLError(`${what}. ${ADVICE[kind]}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      },
    ],
  };
}

// graphql-js' own wording when ParseOptions.maxTokens is exceeded ("more that" is theirs).
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;
// "Did you mean "name"?", "Did you mean "a", "b", or "c"?", "Did you mean the enum value "ADMIN"?"
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Tidies the messages of refused requests: a clear one for the token limit and, in production, no
 * "Did you mean …?" hints that would reveal the schema while introspection is off. (graphql-armor's
 * Apollo variant of blockFieldSuggestion misses enum-value hints and leaves a stray "?".)
 */
function messagesPlugin(hideSuggestions: boolean): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const tokens = TOKEN_LIMIT.exec(error.message);
            if (tokens) error.message = `Token limit of ${tokens[1]} exceeded. Send a shorter query document (GRAPHQL_MAX_TOKENS).`;
            if (hideSuggestions) error.message = error.message.replace(SUGGESTION, '');
          }
        },
      };
    },
  };
}

export interface RequestLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * Depth, cost, aliases and directives are checked by graphql-armor's validation rules; tokens by
 * graphql-js' parser (armor's Apollo token plugin throws from a hook and so answers HTTP 500).
 * Batched requests stay refused (Apollo's default), and stack traces never leave the server.
 */
export function requestLimits(config: AppConfig): RequestLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ...reject('depth') },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ...reject('cost') },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, ...reject('aliases') },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES, ...reject('directives') },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: [...armor.plugins, messagesPlugin(config.isProduction)],
    validationRules: [...armor.validationRules, knownOperationTypes],
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
  };
}

const PLURAL: Record<string, string> = { query: 'queries', mutation: 'mutations', subscription: 'subscriptions' };

/** An operation whose root type the schema lacks (this API has no subscriptions) is a validation error, not a failure at execution. */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This API has no ${PLURAL[node.operation]}; send a query or a mutation.`, { nodes: [node] }));
    }
  },
});
