export { findZone, type ZoneResult } from './find-zone.js';
export { spliceZone } from './splice-zone.js';
export {
  endMarker,
  missingZoneMessage,
  startMarker,
  zoneHelp,
  type ZoneName,
} from './markers.js';
export { renderProgress, type RenderProgressOptions } from './render-progress.js';
export { sortModules } from '../status/module-order.js';
export { progressLine, statusCounts } from './progress-line.js';
export { cellContent, columnHeader, DEFAULT_HEADERS } from './columns.js';
export { extraText, oneLine, readableKey, relativeLink } from './cell-text.js';
export { STATUS_LABELS, UNKNOWN_LABEL } from './labels.js';
