import { GraphQLResolveInfo } from 'graphql';
import { FieldsByTypeName, parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';

const fieldsNamed = (fields: FieldsByTypeName, name: string): ResolveTree[] =>
  Object.values(fields).flatMap((byAlias) => Object.values(byAlias).filter((field) => field.name === name));

/**
 * What the request asks for, under this connection field, of `field` of its nodes (through `nodes`
 * or `edges { node }`, with aliases, fragments and @include/@skip read by graphql-parse-resolve-info):
 * the names (not aliases) of the fields selected under every occurrence, together; null when it
 * does not ask for `field`. A page can then read those rows in its own statement instead of in a
 * DataLoader batch after it, and only what they are asked for.
 */
export function nodeFieldSelection(info: GraphQLResolveInfo, field: string): Set<string> | null {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  if (!tree) return null;
  const nodes = [
    ...fieldsNamed(tree.fieldsByTypeName, 'nodes'),
    ...fieldsNamed(tree.fieldsByTypeName, 'edges').flatMap((edge) => fieldsNamed(edge.fieldsByTypeName, 'node')),
  ];
  const occurrences = nodes.flatMap((node) => fieldsNamed(node.fieldsByTypeName, field));
  if (!occurrences.length) return null;
  const names = new Set<string>();
  for (const occurrence of occurrences)
    for (const byAlias of Object.values(occurrence.fieldsByTypeName))
      for (const selected of Object.values(byAlias)) names.add(selected.name);
  return names;
}
