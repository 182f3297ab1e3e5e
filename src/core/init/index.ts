// `odyssey init` (SPEC §5): a template README's progress table → module folders with status blocks.
export { columnRole, readColumns, type ColumnRole, type TableColumn } from './columns.js';
export { idFromNotesLink, idFromTopic, slugify } from './module-id.js';
export { draftModules, extraFieldKey, type ModuleDraft } from './module-drafts.js';
export { findProgressTable, WHAT_INIT_LOOKS_FOR, type ProgressTable, type TableRow, type TableSearch } from './progress-table.js';
export { statusBlockText } from './status-block-text.js';
export {
  MARKER_END,
  MARKER_START,
  planInit,
  prepareInit,
  type InitChange,
  type InitChangeKind,
  type InitPlan,
  type InitPlanInput,
  type InitPrepared,
} from './plan.js';
export { renderInitPlan } from './plan-text.js';
export { addChartZone, CHART_END, CHART_START } from './chart-zone.js';
