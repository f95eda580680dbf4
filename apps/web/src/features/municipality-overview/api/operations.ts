import { graphql } from '@web/gql';

export const MunicipalityOverviewQuery = graphql(`
  query MunicipalityOverview {
    municipalityOverview {
      municipality {
        id
        name
      }
      totals {
        plansOverdue
        plansAccepted
        plansClosed
        measuresTotal
        measuresCompleted
        measuresLate
        auditsOpen
        auditsOverdue
        grades {
          grade
          count
        }
      }
      investigations {
        investigationId
        title
        status
        publicationDate
        plans {
          planId
          planStatus
          planDueDate
          planOriginalDueDate
          planOverdue
          assessmentOverdue
          measuresTotal
          measuresCompleted
          measuresLate
          auditStatus
          auditDueDate
          auditOverdue
          grades {
            grade
            count
          }
          organisation {
            id
            name
          }
        }
      }
      changesSinceLastVisit {
        count
        since
        entries {
          entityType
          entityId
          operation
          changedFields
          occurredAt
          investigationId
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

export const OverviewChangesCountQuery = graphql(`
  query OverviewChangesCount {
    municipalityOverview {
      municipality {
        id
      }
      changesSinceLastVisit {
        count
      }
    }
  }
`);

export const MarkOverviewSeenMutation = graphql(`
  mutation MarkOverviewSeen($subjectId: ID!) {
    markOverviewSeen(subjectId: $subjectId)
  }
`);

export const ReviewerInvestigationQuery = graphql(`
  query ReviewerInvestigation($id: ID!) {
    investigation(id: $id) {
      id
      title
      status
      publicationDate
      trajectoryEndDate
      summary
      municipality {
        id
        name
      }
    }
  }
`);

export const ProgressSeriesQuery = graphql(`
  query MunicipalityProgressSeries($months: Int!) {
    municipalityProgressSeries(months: $months) {
      month
      points
      implemented
      open
      noLongerRelevant
    }
  }
`);
