// Reads ITF files with Quint's own ITF reader (ofItfNormalized, the one Quint uses to print
// Apalache's traces) and prints each state as one line of JSON without Quint's expression ids.
// Usage: node read-itf.js QUINT_PACKAGE_DIR FILE.itf.json...
const path = require('path');
const fs = require('fs');
const itf = require(path.join(process.argv[2], 'dist', 'src', 'itf.js'));
const noIds = (key, value) => key === 'id' ? undefined : typeof value === 'bigint' ? value.toString() : value;
for (const file of process.argv.slice(3)) {
  const trace = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Quint's mbt:: variables are its own metadata; finalspec does not write them back.
  trace.vars = trace.vars.filter(v => !v.startsWith('mbt::'));
  trace.states.forEach(s => Object.keys(s).filter(k => k.startsWith('mbt::')).forEach(k => delete s[k]));
  for (const state of itf.ofItfNormalized(trace)) {
    console.log(JSON.stringify(state, noIds));
  }
}
