import { describe, expect, it } from 'vitest';
import * as table from '../../../src/core/table/index.js';

describe('core/table public API', () => {
  it('exports the zone, splice and render functions', () => {
    expect(Object.keys(table).sort()).toEqual(
      [
        'DEFAULT_HEADERS',
        'STATUS_LABELS',
        'UNKNOWN_LABEL',
        'cellContent',
        'columnHeader',
        'endMarker',
        'extraText',
        'findZone',
        'missingZoneMessage',
        'oneLine',
        'progressLine',
        'readableKey',
        'relativeLink',
        'renderProgress',
        'sortModules',
        'spliceZone',
        'startMarker',
        'statusCounts',
        'zoneHelp',
      ].sort(),
    );
  });
});
