import { graphql } from '@web/gql';

export const NotificationsQuery = graphql(`
  query MyNotificationsPage {
    myNotifications(first: 50) {
      totalCount
      nodes {
        id
        title
        body
        createdAt
        readAt
        kind
        escalated
      }
    }
    me {
      id
      locale
      notificationMode
      version
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput) {
    markNotificationsRead(input: $input)
  }
`);

export const UpdatePreferencesMutation = graphql(`
  mutation UpdatePreferences($input: MyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      id
      locale
      notificationMode
      version
    }
  }
`);

export const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
    }
  }
`);

export const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input)
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);
