// Everything the charts, the summary and the page say about the journey over time, in one value.
import { weeklySeries, type WeekPoint } from './burnup.js';
import { durations, type TopicDuration } from './durations.js';
import { forecasts, type Forecast } from './forecast.js';
import { streaks, type Streaks } from './streaks.js';
import type { JourneyHistory } from './types.js';

export interface JourneyStats {
  series: WeekPoint[];
  streaks: Streaks;
  durations: TopicDuration[];
  forecasts: Forecast[];
}

export function journeyStats(history: JourneyHistory, today: string, blocks?: ReadonlyMap<string, { started?: string; completed?: string }>): JourneyStats {
  return { series: weeklySeries(history), streaks: streaks(history, today), durations: durations(history.topics, blocks), forecasts: forecasts(history.topics) };
}
