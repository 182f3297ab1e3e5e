// A Module (and its README's text, for the nesting of its tasks) → what a topic issue shows.
import type { Module } from '../model.js';
import { withDepths } from './task-depths.js';
import type { TopicModule } from './types.js';

export function topicModule(m: Module, readme: string): TopicModule {
  const issue = m.extra.issue;
  return {
    id: m.id,
    file: m.file,
    title: m.title,
    status: m.status,
    ...(m.started ? { started: m.started } : {}),
    ...(m.completed ? { completed: m.completed } : {}),
    ...(m.confidence !== undefined ? { confidence: m.confidence } : {}),
    resources: m.resources,
    tasks: withDepths(readme.charCodeAt(0) === 0xfeff ? readme.slice(1) : readme, m.tasks),
    ...(typeof issue === 'number' && Number.isSafeInteger(issue) && issue > 0 ? { issue } : {}),
  };
}
