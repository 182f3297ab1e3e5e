// The floor: every file read once, by the plainest Node script (walk the folders, readFileSync each
// markdown file, count the `](` in it). Run: node floor.mjs ROOT
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

let files = 0;
let links = 0;
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '.git' && e.name !== 'node_modules' && e.name !== '.odyssey') walk(p);
    } else if (e.isFile() && e.name.endsWith('.md')) {
      const t = readFileSync(p, 'utf8');
      files++;
      for (let i = t.indexOf(']('); i !== -1; i = t.indexOf('](', i + 2)) links++;
    }
  }
};
walk(process.argv[2]);
process.stdout.write(JSON.stringify({ files, links }));
