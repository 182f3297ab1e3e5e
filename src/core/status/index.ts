// Status blocks (SPEC §1): module README → Module + findings, and the order modules are listed in.
export { parseStatusBlock, type StatusBlockInput } from './parse-status-block.js';
export { checkDuplicateOrders } from './duplicate-orders.js';
export { NO_ORDER, orderFromId, sortModules } from './module-order.js';
export { ACCEPTED_STATUSES, normalizeStatus, STATUS_LABELS, suggestStatus } from './status-labels.js';
export { readableId, plainHeading } from './module-title.js';
