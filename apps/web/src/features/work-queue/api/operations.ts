import { graphql } from '@web/gql';

export const ActionsNeededQuery = graphql(`
  query ActionsNeeded {
    actionsNeeded {
      kind
      dueDate
      investigationId
      investigationTitle
      organisationName
      subjectId
    }
  }
`);
