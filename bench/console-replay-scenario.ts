// The record night with perfect sensing, for the console replay benchmark: scenarios/record-night.yaml
// as shipped (radars, an acoustic network, observer posts, the GNN tracker) with its sensors
// replaced by one ideal sensor and its tracker removed, so that the threats are the picture. Made
// from the scenario's own YAML whatever its sensors are, so the benchmark follows the file.

import { parseDocument } from 'yaml';

/** record-night.yaml seen perfectly: `sensors: [{ type: ideal }]`, no `tracking`, the name marked. */
export function recordNightIdeal(recordNight: string): string {
  const doc = parseDocument(recordNight);
  if (doc.errors.length > 0) throw new Error(`record-night.yaml: ${doc.errors[0].message}`);
  if (!doc.has('sensors')) throw new Error('record-night.yaml has no sensors to replace');
  doc.set('sensors', doc.createNode([{ type: 'ideal' }], { flow: true }));
  doc.delete('tracking');
  doc.set('name', `${String(doc.get('name'))} (perfect sensing)`);
  return doc.toString({ lineWidth: 0 });
}
