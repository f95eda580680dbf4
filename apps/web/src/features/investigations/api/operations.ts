import { graphql } from '@web/gql';

export const InvestigationPageQuery = graphql(`
  query InvestigationPage($id: ID!) {
    investigation(id: $id) {
      id
      title
      summary
      status
      version
      publicationDate
      trajectoryEndDate
      trajectoryOverdue
      daysUntilTrajectoryEnd
      closedAt
      closureReason
      leadInspectorate {
        id
        name
      }
      municipality {
        id
        name
      }
      plans {
        id
        status
        dueDate
        overdue
        submittedVersions
        assessmentDueDate
        organisation {
          id
          name
        }
        internalAudit {
          id
          status
          dueDate
        }
        verification {
          id
          verifiedOn
        }
        enforcement {
          count
          currentType
          currentStatus
        }
      }
    }
    deadlines(first: 100, filter: { investigationId: $id }) {
      nodes {
        id
        kind
        dueDate
        originalDueDate
        daysLeft
        overdue
        organisation {
          id
          name
        }
        measure {
          id
          description
        }
        changes {
          fromDate
          toDate
          reason
          createdAt
        }
      }
    }
  }
`);

export const InvestigationTimelineQuery = graphql(`
  query InvestigationTimeline($id: ID!, $after: String) {
    investigationTimeline(investigationId: $id, first: 50, after: $after) {
      nextCursor
      entries {
        id
        entityType
        operation
        changedFields
        before
        after
        occurredAt
        actorRole
        onBehalfOf
        actor {
          id
          displayName
        }
      }
    }
  }
`);

export const CloseInvestigationMutation = graphql(`
  mutation CloseInvestigation($input: CloseInvestigationInput!) {
    closeInvestigation(input: $input) {
      id
      status
      version
      closedAt
      closureReason
    }
  }
`);
