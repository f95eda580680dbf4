// Validates Kubernetes objects (JSON array on stdin) against the schemas of kubernetes-models, which
// is an ES module only (Jest runs CommonJS, hence this separate process). Prints one result per object.
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';

const groups = { 'apps/v1': apps, 'autoscaling/v2': autoscaling, 'batch/v1': batch, 'policy/v1': policy, v1: core };
let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = JSON.parse(input).map((object) => {
  const Model = groups[object.apiVersion]?.[object.kind];
  const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  if (!Model) return { name, error: 'no schema for this apiVersion and kind' };
  try {
    new Model(object).validate();
    return { name, error: null };
  } catch (error) {
    return { name, error: String(error.message ?? error) };
  }
});
process.stdout.write(JSON.stringify(results));
