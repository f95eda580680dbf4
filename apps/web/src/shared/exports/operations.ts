import { graphql } from '@web/gql';

export const RequestExportMutation = graphql(`
  mutation RequestExport($input: RequestExportInput!) {
    requestExport(input: $input) {
      id
      status
      format
      view
    }
  }
`);

export const ExportStatusQuery = graphql(`
  query ExportStatus($id: ID!) {
    export(id: $id) {
      id
      status
      format
      filename
      byteSize
      rowCount
      downloadUrl
      error
    }
  }
`);
