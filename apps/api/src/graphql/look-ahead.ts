import { GraphQLResolveInfo } from 'graphql';
import { FieldsByTypeName, parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';

const fieldsNamed = (fields: FieldsByTypeName, name: string): ResolveTree[] =>
  Object.values(fields).flatMap((byAlias) => Object.values(byAlias).filter((field) => field.name === name));

/**
 * Whether the request asks, under this connection field, for `field` of its nodes (through `nodes`
 * or `edges { node }`, with aliases, fragments and @include/@skip read by graphql-parse-resolve-info):
 * a page can then read those rows in its own statement instead of in a DataLoader batch after it.
 */
export function asksForNodeField(info: GraphQLResolveInfo, field: string): boolean {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  if (!tree) return false;
  const nodes = [
    ...fieldsNamed(tree.fieldsByTypeName, 'nodes'),
    ...fieldsNamed(tree.fieldsByTypeName, 'edges').flatMap((edge) => fieldsNamed(edge.fieldsByTypeName, 'node')),
  ];
  return nodes.some((node) => fieldsNamed(node.fieldsByTypeName, field).length > 0);
}
