import { graphql } from '@web/gql';

export const StartPageQuery = graphql(`
  query StartPage($member: Boolean!) {
    deadlines(first: 50) {
      totalCount
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
          plan {
            id
          }
        }
        internalAudit {
          id
          plan {
            id
          }
        }
      }
    }
    myNotifications(first: 10, filter: { unreadOnly: true }) {
      totalCount
      nodes {
        id
        title
        body
        createdAt
        kind
      }
    }
    improvementPlans(first: 50) @include(if: $member) {
      nodes {
        id
        status
        dueDate
        investigation {
          id
          title
        }
        uncoveredPoints {
          id
        }
        internalAudit {
          id
          status
          dueDate
        }
      }
    }
  }
`);
