import { graphql } from '@web/gql';

export const AdminOrganisationsQuery = graphql(`
  query AdminOrganisations($filter: OrganisationFilterInput) {
    organisations(first: 100, filter: $filter) {
      totalCount
      nodes {
        id
        name
        kind
        version
        municipality {
          id
          name
        }
      }
    }
  }
`);

export const MunicipalitiesQuery = graphql(`
  query AdminMunicipalities {
    organisations(first: 100, filter: { kind: MUNICIPALITY }) {
      nodes {
        id
        name
      }
    }
  }
`);

export const AdminOrganisationQuery = graphql(`
  query AdminOrganisation($id: ID!) {
    organisation(id: $id) {
      id
      name
      kind
      version
      municipality {
        id
        name
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      kind
      version
    }
  }
`);

export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      id
      name
      kind
      version
      municipality {
        id
        name
      }
    }
  }
`);
