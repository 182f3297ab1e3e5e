// The journey over time (SPEC §10): events from blob texts, weekly burn-up, streaks, durations, forecasts.
export * from './types.js';
export { makeBlobReader, readBlob } from './blob-reading.js';
export { blockDates, emptyReplay, historyOf, historySince, replay, topicIdOf, utcDay, type ReadBlob, type ReplayState, type Track } from './replay.js';
export { weeklySeries, type WeekPoint } from './burnup.js';
export { streaks, type Streaks } from './streaks.js';
export { durations, type TopicDuration } from './durations.js';
export { forecasts, type Forecast } from './forecast.js';
export { weekStart, addDays, daysBetween } from './weeks.js';
export { journeyStats, type JourneyStats } from './stats.js';
export { historyJson, historyText, statsLines } from './format.js';
export { journeyMarkdown } from './journey-markdown.js';
