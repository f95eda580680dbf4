import { graphql } from '@web/gql';

export const AdminUsersQuery = graphql(`
  query AdminUsers($filter: UserFilterInput) {
    users(first: 100, filter: $filter) {
      totalCount
      nodes {
        id
        displayName
        email
        role
        active
        version
        locale
        organisation {
          id
          name
        }
      }
    }
  }
`);

export const AccountOrganisationsQuery = graphql(`
  query AccountOrganisations {
    organisations(first: 100) {
      nodes {
        id
        name
        kind
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
      displayName
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      role
      active
      version
      organisation {
        id
        name
      }
    }
  }
`);

export const SendPasswordResetMutation = graphql(`
  mutation SendPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);
