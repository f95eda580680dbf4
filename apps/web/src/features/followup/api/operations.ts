import { graphql } from '@web/gql';

export const AuditQuery = graphql(`
  query AuditPage($id: ID!) {
    improvementPlan(id: $id) {
      id
      organisation {
        id
        name
      }
      investigation {
        id
        title
      }
      measures {
        id
        description
        status
      }
      internalAudit {
        id
        status
        version
        dueDate
        originalDueDate
        overdue
        conclusion
        submittedAt
        results {
          implementation
          evidence
          measure {
            id
          }
        }
        judgements {
          quality
          rationale
          judgedAt
        }
      }
    }
  }
`);

export const SaveAuditMutation = graphql(`
  mutation SaveInternalAudit($input: SaveInternalAuditInput!) {
    saveInternalAudit(input: $input) {
      id
      version
      status
    }
  }
`);

export const SubmitAuditMutation = graphql(`
  mutation SubmitInternalAudit($input: VersionedRefInput!) {
    submitInternalAudit(input: $input) {
      id
      version
      status
    }
  }
`);

export const ExtensionsQuery = graphql(`
  query ExtensionsPage {
    deadlines(first: 100) {
      nodes {
        id
        kind
        dueDate
        originalDueDate
        daysLeft
        overdue
        investigation {
          id
          title
        }
        plan {
          id
        }
        measure {
          id
          description
        }
        internalAudit {
          id
        }
      }
    }
    extensionRequests(first: 100) {
      nodes {
        id
        kind
        status
        reason
        currentDueDate
        requestedDueDate
        grantedDueDate
        decisionNote
        createdAt
        decidedAt
        subjectId
        version
        investigation {
          id
          title
        }
      }
    }
  }
`);

export const RequestExtensionMutation = graphql(`
  mutation RequestExtension($input: RequestExtensionInput!) {
    requestExtension(input: $input) {
      id
      status
    }
  }
`);

export const WithdrawExtensionMutation = graphql(`
  mutation WithdrawExtension($input: VersionedRefInput!) {
    withdrawExtensionRequest(input: $input) {
      id
      status
    }
  }
`);
