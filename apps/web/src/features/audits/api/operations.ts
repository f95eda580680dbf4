import { graphql } from '@web/gql';

export const AuditToJudgeQuery = graphql(`
  query AuditToJudge($investigationId: ID!) {
    investigation(id: $investigationId) {
      id
      title
      plans {
        id
        organisation {
          id
          name
        }
        internalAudit {
          id
          status
          version
          dueDate
          submittedAt
          conclusion
          results {
            evidence
            implementation
            measure {
              id
              description
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
  }
`);

export const JudgeAuditMutation = graphql(`
  mutation JudgeAudit($input: JudgeInternalAuditInput!) {
    judgeInternalAudit(input: $input) {
      id
      status
      version
    }
  }
`);

export const PlanToVerifyQuery = graphql(`
  query PlanToVerify($id: ID!) {
    improvementPlan(id: $id) {
      id
      status
      version
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
          addressees {
            id
          }
        }
      }
      internalAudit {
        id
        status
        conclusion
      }
      verification {
        id
        method
        verifiedOn
        summary
      }
    }
  }
`);

export const RecordVerificationMutation = graphql(`
  mutation RecordVerificationDecision($input: RecordVerificationInput!) {
    recordVerification(input: $input) {
      id
      status
      version
    }
  }
`);
