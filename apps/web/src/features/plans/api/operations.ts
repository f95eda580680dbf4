import { graphql } from '@web/gql';

export const MyPointsQuery = graphql(`
  query MyPoints {
    investigations(first: 50) {
      nodes {
        id
        title
        publicationDate
        findings {
          id
          position
          text
        }
        improvementPoints {
          id
          position
          text
          collective
          addressees {
            id
            name
          }
          coordinatingOrganisation {
            id
            name
          }
        }
      }
    }
  }
`);

export const MyPlansQuery = graphql(`
  query MyPlans {
    improvementPlans(first: 50) {
      nodes {
        id
        status
        dueDate
        originalDueDate
        overdue
        investigation {
          id
          title
        }
        measures {
          id
          status
        }
        uncoveredPoints {
          id
        }
      }
    }
  }
`);

export const PlanQuery = graphql(`
  query Plan($id: ID!) {
    improvementPlan(id: $id) {
      id
      status
      version
      dueDate
      originalDueDate
      overdue
      submittedVersions
      submittedAt
      acceptedAt
      organisation {
        id
        name
      }
      investigation {
        id
        title
        publicationDate
        trajectoryEndDate
        improvementPoints {
          id
          position
          text
          collective
        }
      }
      measures {
        id
        version
        description
        successIndicator
        dueDate
        originalDueDate
        status
        overdue
        evidence
        cancellationReason
        owner {
          id
          displayName
        }
        points {
          id
          position
        }
      }
      uncoveredPoints {
        id
        position
        text
      }
      enforcement {
        count
        currentType
        currentStatus
      }
      assessments {
        id
        planVersionNumber
        outcome
        assessedAt
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
      internalAudit {
        id
        status
        dueDate
        submittedAt
      }
      verification {
        id
        verifiedOn
      }
    }
    users(first: 100) {
      nodes {
        id
        displayName
        active
      }
    }
  }
`);

export const AddMeasureMutation = graphql(`
  mutation AddMeasure($input: AddMeasureInput!) {
    addMeasure(input: $input) {
      id
      version
    }
  }
`);

export const UpdateMeasureMutation = graphql(`
  mutation UpdateMeasure($input: UpdateMeasureInput!) {
    updateMeasure(input: $input) {
      id
      version
    }
  }
`);

export const RemoveMeasureMutation = graphql(`
  mutation RemoveMeasure($input: VersionedRefInput!) {
    removeMeasure(input: $input) {
      id
    }
  }
`);

export const SubmitPlanMutation = graphql(`
  mutation SubmitPlan($input: SubmitPlanInput!) {
    submitImprovementPlan(input: $input) {
      id
      status
      version
      submittedVersions
    }
  }
`);

export const StartMeasureMutation = graphql(`
  mutation StartMeasure($input: VersionedRefInput!) {
    startMeasure(input: $input) {
      id
      status
      version
    }
  }
`);

export const CompleteMeasureMutation = graphql(`
  mutation CompleteMeasure($input: CompleteMeasureInput!) {
    completeMeasure(input: $input) {
      id
      status
      version
    }
  }
`);

export const CancelMeasureMutation = graphql(`
  mutation CancelMeasure($input: CancelMeasureInput!) {
    cancelMeasure(input: $input) {
      id
      status
      version
    }
  }
`);

export const CompareVersionsQuery = graphql(`
  query CompareVersions($planId: ID!, $from: Int!, $to: Int!) {
    comparePlanVersions(planId: $planId, fromVersion: $from, toVersion: $to) {
      fromVersion
      toVersion
      added {
        id
        description
        successIndicator
        dueDate
        owner {
          displayName
        }
        points {
          position
        }
      }
      removed {
        id
        description
        successIndicator
        dueDate
        owner {
          displayName
        }
        points {
          position
        }
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
    improvementPlan(id: $planId) {
      id
      submittedVersions
      investigation {
        id
        title
        improvementPoints {
          id
          position
        }
      }
    }
    users(first: 100) {
      nodes {
        id
        displayName
      }
    }
  }
`);
