import { graphql } from '@web/gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      role
      locale
      notificationMode
      version
      organisation {
        id
        name
      }
    }
  }
`);

export const UpdateMyLocaleMutation = graphql(`
  mutation UpdateMyLocale($input: MyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      id
      locale
      notificationMode
      version
    }
  }
`);
