import { graphql } from '@web/gql';

export const ThemeOverviewQuery = graphql(`
  query ThemeOverview($fromYear: Int, $toYear: Int) {
    themeOverview(fromYear: $fromYear, toYear: $toYear) {
      theme
      investigations
      findings
      points
      firstYear
      lastYear
    }
  }
`);
