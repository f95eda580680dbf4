// Prints the layer picture of docs/ARCHITECTURE.md from the dependency rules (.dependency-cruiser.cjs):
// `npm run layers`. test/architecture/dependency-rules.spec.ts fails when the document differs.
const { LAYERS } = require('../.dependency-cruiser.cjs');

function picture() {
  const rows = [...LAYERS].reverse().map((layer, i) => `  ${String(LAYERS.length - 1 - i).padStart(2)}  ${layer.join(', ')}`);
  return ['```', '  apps/api, apps/worker, apps/launcher ──► apps/composition, any library', ...rows, '```'].join('\n');
}

module.exports = { picture };
if (require.main === module) console.log(picture());
