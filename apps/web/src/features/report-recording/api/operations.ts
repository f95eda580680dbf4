import { graphql } from '@web/gql';

export const ReportOrganisationsQuery = graphql(`
  query ReportOrganisations {
    organisations(first: 100) {
      nodes {
        id
        name
        kind
        municipality {
          id
        }
      }
    }
  }
`);

export const DraftReportQuery = graphql(`
  query DraftReport($id: ID!) {
    investigation(id: $id) {
      id
      title
      summary
      status
      version
      leadInspectorate {
        id
        name
      }
      municipality {
        id
        name
      }
      participatingInspectorates {
        id
        name
      }
      involvedOrganisations {
        id
        name
        kind
      }
      deadlinePolicy {
        planDueDays
        assessmentDueDays
        revisionDueDays
        auditDueMonths
        trajectoryMonths
        deadlineUnit
      }
      findings {
        id
        text
        themes
        position
        version
      }
      improvementPoints {
        id
        text
        themes
        position
        version
        collective
        addressees {
          id
          name
        }
        coordinatingOrganisation {
          id
          name
        }
        finding {
          id
          position
        }
      }
    }
  }
`);

export const CreateInvestigationMutation = graphql(`
  mutation CreateInvestigation($input: CreateInvestigationInput!) {
    createInvestigation(input: $input) {
      id
      version
    }
  }
`);

export const UpdateInvestigationMutation = graphql(`
  mutation UpdateInvestigation($input: UpdateInvestigationInput!) {
    updateInvestigation(input: $input) {
      id
      version
    }
  }
`);

export const AddFindingMutation = graphql(`
  mutation AddFinding($input: AddFindingInput!) {
    addFinding(input: $input) {
      id
    }
  }
`);

export const UpdateFindingMutation = graphql(`
  mutation UpdateFinding($input: UpdateFindingInput!) {
    updateFinding(input: $input) {
      id
      version
    }
  }
`);

export const RemoveFindingMutation = graphql(`
  mutation RemoveFinding($input: VersionedRefInput!) {
    removeFinding(input: $input) {
      id
    }
  }
`);

export const AddImprovementPointMutation = graphql(`
  mutation AddImprovementPoint($input: AddImprovementPointInput!) {
    addImprovementPoint(input: $input) {
      id
    }
  }
`);

export const UpdateImprovementPointMutation = graphql(`
  mutation UpdateImprovementPoint($input: UpdateImprovementPointInput!) {
    updateImprovementPoint(input: $input) {
      id
      version
    }
  }
`);

export const RemoveImprovementPointMutation = graphql(`
  mutation RemoveImprovementPoint($input: VersionedRefInput!) {
    removeImprovementPoint(input: $input) {
      id
    }
  }
`);

/** What publishing on a date would create, computed by the API with the rules publishing uses. */
export const PublicationPreviewQuery = graphql(`
  query PublicationPreview($investigationId: ID!, $publicationDate: Date!) {
    publicationPreview(investigationId: $investigationId, publicationDate: $publicationDate) {
      investigationId
      publicationDate
      earliestPublicationDate
      latestPublicationDate
      trajectoryEndDate
      plans {
        dueDate
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const PublishInvestigationMutation = graphql(`
  mutation PublishInvestigation($input: PublishInvestigationInput!) {
    publishInvestigation(input: $input) {
      id
      status
      version
      publicationDate
      trajectoryEndDate
    }
  }
`);
