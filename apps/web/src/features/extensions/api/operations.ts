import { graphql } from '@web/gql';

export const PendingExtensionsQuery = graphql(`
  query PendingExtensions {
    extensionRequests(first: 100, filter: { status: PENDING }) {
      nodes {
        id
        version
        kind
        subjectId
        reason
        createdAt
        currentDueDate
        requestedDueDate
        requestedBy {
          id
          displayName
        }
        organisation {
          id
          name
        }
        investigation {
          id
          title
        }
      }
    }
    investigations(first: 100, filter: { status: FOLLOW_UP }) {
      nodes {
        id
        title
        involvedOrganisations {
          id
          name
        }
      }
    }
  }
`);

export const DeadlineHistoryQuery = graphql(`
  query ExtensionDeadlineHistory($investigationId: ID!, $kind: DeadlineKind!) {
    deadlines(first: 100, filter: { investigationId: $investigationId, kind: $kind }) {
      nodes {
        id
        originalDueDate
        dueDate
        plan {
          id
        }
        measure {
          id
        }
        internalAudit {
          id
        }
        changes {
          fromDate
          toDate
          reason
          createdAt
          decidedBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const DecideExtensionMutation = graphql(`
  mutation DecideExtensionRequest($input: DecideExtensionInput!) {
    decideExtension(input: $input) {
      id
      status
      grantedDueDate
      version
    }
  }
`);

export const ExtendDeadlinesMutation = graphql(`
  mutation ExtendDeadlinesInBulk($input: ExtendDeadlinesInput!) {
    extendDeadlines(input: $input) {
      id
      affected
      newDueDate
      kind
    }
  }
`);
