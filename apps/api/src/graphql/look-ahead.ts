import { GraphQLResolveInfo } from 'graphql';
import { FieldsByTypeName, parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';

const fieldsNamed = (fields: FieldsByTypeName, name: string): ResolveTree[] =>
  Object.values(fields).flatMap((byAlias) => Object.values(byAlias).filter((field) => field.name === name));

/** Per resolver call (its info object): a page asking for its nodes' fields and for a nested field's reads the selection once. */
const treesOf = new WeakMap<GraphQLResolveInfo, ResolveTree[]>();

/** The trees of this connection field's nodes: through `nodes` and `edges { node }`, with aliases, fragments and @include/@skip. */
function nodeTrees(info: GraphQLResolveInfo): ResolveTree[] {
  let trees = treesOf.get(info);
  if (!trees) {
    const tree = parseResolveInfo(info) as ResolveTree | null;
    trees = tree
      ? [
          ...fieldsNamed(tree.fieldsByTypeName, 'nodes'),
          ...fieldsNamed(tree.fieldsByTypeName, 'edges').flatMap((edge) => fieldsNamed(edge.fieldsByTypeName, 'node')),
        ]
      : [];
    treesOf.set(info, trees);
  }
  return trees;
}

/** The names (not aliases) of the fields selected in these trees, together; null when there are none. */
function selectedNames(trees: ResolveTree[]): Set<string> | null {
  if (!trees.length) return null;
  const names = new Set<string>();
  for (const tree of trees)
    for (const byAlias of Object.values(tree.fieldsByTypeName)) for (const field of Object.values(byAlias)) names.add(field.name);
  return names;
}

/**
 * What the request asks for of this connection field's nodes (through `nodes` or `edges { node }`,
 * read by graphql-parse-resolve-info): the names of the fields selected, together; null when it asks
 * for no nodes (e.g. only `totalCount`). A page can then read only what they need.
 */
export function nodeSelection(info: GraphQLResolveInfo): Set<string> | null {
  return selectedNames(nodeTrees(info));
}

/**
 * What the request asks for, under this connection field, of `field` of its nodes: the names of
 * the fields selected under every occurrence, together; null when it does not ask for `field`. A
 * page can then read those rows in its own statement instead of in a DataLoader batch after it,
 * and only what they are asked for.
 */
export function nodeFieldSelection(info: GraphQLResolveInfo, field: string): Set<string> | null {
  return selectedNames(nodeTrees(info).flatMap((node) => fieldsNamed(node.fieldsByTypeName, field)));
}

/**
 * What each field of a GraphQL type reads of its entity, where that is not the field's own
 * property (e.g. `plan: ['planId']`). A new field resolver that reads the entity belongs in its
 * type's table.
 */
export type FieldReads = Readonly<Record<string, readonly string[]>>;

/**
 * The properties of an entity that `selection` (names of fields of its type) reads, `id` always:
 * from `reads`, or the field's own property when `isColumn` says it is a column. Undefined when a
 * field is neither: then the whole entity is read.
 */
export function propertiesRead(
  selection: ReadonlySet<string>,
  reads: FieldReads,
  isColumn: (property: string) => boolean,
): Set<string> | undefined {
  const properties = new Set(['id']);
  for (const field of selection) {
    const read = reads[field] ?? (isColumn(field) ? [field] : undefined);
    if (!read) return undefined;
    read.forEach((property) => properties.add(property));
  }
  return properties;
}
