import { graphql } from '@web/gql';

export const AssessPlanQuery = graphql(`
  query AssessPlan($id: ID!) {
    improvementPlan(id: $id) {
      id
      status
      version
      submittedVersions
      submittedAt
      assessmentDueDate
      organisation {
        id
        name
      }
      investigation {
        id
        title
        improvementPoints {
          id
          position
          text
          collective
          addressees {
            id
          }
        }
      }
      versions {
        number
        submittedAt
        measures {
          id
          description
          successIndicator
          dueDate
          owner {
            id
            displayName
          }
          points {
            id
          }
        }
      }
      assessments {
        id
        planVersionNumber
        assessedAt
        outcome
        aimedAtShortcomings {
          judgement
          rationale
        }
        chanceOfSuccess {
          judgement
          rationale
        }
        pace {
          judgement
          rationale
        }
      }
    }
  }
`);

export const AssessCompareQuery = graphql(`
  query AssessCompare($planId: ID!, $from: Int!, $to: Int!) {
    comparePlanVersions(planId: $planId, fromVersion: $from, toVersion: $to) {
      fromVersion
      toVersion
      added {
        id
        description
      }
      removed {
        id
        description
      }
      changed {
        measureId
        description
        changes {
          field
          from
          to
        }
      }
    }
  }
`);

export const AssessPlanMutation = graphql(`
  mutation AssessPlanDecision($input: AssessPlanInput!) {
    assessImprovementPlan(input: $input) {
      id
      status
      version
      assessments {
        id
        outcome
      }
    }
  }
`);
