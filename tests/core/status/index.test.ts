import { expect, it } from 'vitest';
import * as status from '../../../src/core/status/index.js';

it('exports the public API other parts build on', () => {
  expect(Object.keys(status).sort()).toEqual([
    'ACCEPTED_STATUSES',
    'NO_ORDER',
    'STATUS_LABELS',
    'checkDuplicateOrders',
    'normalizeStatus',
    'orderFromId',
    'parseStatusBlock',
    'plainHeading',
    'readableId',
    'sortModules',
    'suggestStatus',
  ]);
});
