// Writes odyssey.schema.json from the configuration's one definition (src/core/config/schema.ts).
// `npm run schema`; tests/core/config-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { configSchemaText } from '../src/core/config/schema.js';

writeFileSync(new URL('../odyssey.schema.json', import.meta.url), configSchemaText());
