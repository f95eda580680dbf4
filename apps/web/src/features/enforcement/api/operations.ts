import { graphql } from '@web/gql';

export const PlanEnforcementQuery = graphql(`
  query PlanEnforcement($id: ID!) {
    improvementPlan(id: $id) {
      id
      status
      enforcementNextTypes
      organisation {
        id
        name
      }
      investigation {
        id
        title
        status
        publicationDate
      }
      enforcementMeasures {
        id
        type
        status
        version
        decisionDate
        decidedOn
        rationale
        requirements
        outcomeNote
        complianceDueDate
        originalComplianceDueDate
        periodEndDate
        originalPeriodEndDate
        amountCents
        amountBasis
        maximumCents
        forfeitedCents
        createdAt
        inspector {
          id
          displayName
        }
        deadline {
          id
          dueDate
          originalDueDate
          daysLeft
          overdue
        }
        forfeits {
          id
          forfeitedOn
          amountCents
          note
        }
        progressReports {
          id
          sequence
          status
          version
          dueDate
          originalDueDate
          report
          reviewNote
          submittedAt
          reviewedAt
          deadline {
            id
            daysLeft
            overdue
          }
        }
      }
    }
  }
`);

export const RecordEnforcementMeasureMutation = graphql(`
  mutation RecordEnforcementMeasure($input: RecordEnforcementMeasureInput!) {
    recordEnforcementMeasure(input: $input) {
      id
      type
      status
      version
    }
  }
`);

export const SubmitProgressReportMutation = graphql(`
  mutation SubmitEnforcementProgressReport($input: SubmitProgressReportInput!) {
    submitEnforcementProgressReport(input: $input) {
      id
      status
      version
    }
  }
`);

export const ReviewProgressReportMutation = graphql(`
  mutation ReviewEnforcementProgressReport($input: ReviewProgressReportInput!) {
    reviewEnforcementProgressReport(input: $input) {
      id
      status
      version
    }
  }
`);

export const DecideSupervisionMutation = graphql(`
  mutation DecideIntensifiedSupervision($input: DecideSupervisionInput!) {
    decideIntensifiedSupervision(input: $input) {
      id
      status
      version
    }
  }
`);

export const RecordComplianceMutation = graphql(`
  mutation RecordEnforcementCompliance($input: RecordComplianceInput!) {
    recordEnforcementCompliance(input: $input) {
      id
      status
      version
    }
  }
`);

export const RecordForfeitMutation = graphql(`
  mutation RecordEnforcementForfeit($input: RecordForfeitInput!) {
    recordEnforcementForfeit(input: $input) {
      id
      status
      version
    }
  }
`);
