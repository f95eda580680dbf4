import { graphql } from '@web/gql';

export const PortfolioQuery = graphql(`
  query InspectoratePortfolio($filter: PortfolioFilterInput, $after: String, $first: Int) {
    inspectoratePortfolio(filter: $filter, after: $after, first: $first) {
      nextCursor
      totals {
        plansNotSubmitted
        plansSubmitted
        plansInRevision
        plansAccepted
        plansClosed
        plansOverdue
        measuresTotal
        measuresCompleted
        measuresLate
        auditsOpen
        auditsOverdue
      }
      investigations {
        investigationId
        title
        status
        publicationDate
        trajectoryEndDate
        daysUntilTrajectoryEnd
        totals {
          plansOverdue
          plansAccepted
          plansClosed
          measuresLate
          auditsOverdue
        }
        plans {
          planId
        }
      }
    }
  }
`);

export const PortfolioMunicipalitiesQuery = graphql(`
  query PortfolioMunicipalities {
    organisations(first: 100, filter: { kind: MUNICIPALITY }) {
      nodes {
        id
        name
      }
    }
  }
`);
