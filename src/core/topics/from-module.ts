// A Module (and its README's text, for the nesting of its tasks) → what a topic issue shows.
import type { Module } from '../model.js';
import { parseDocument } from '../document/index.js';
import type { TopicTask } from './types.js';
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
    tasks: topicTasks(readme),
    ...(typeof issue === 'number' && Number.isSafeInteger(issue) && issue > 0 ? { issue } : {}),
  };
}

/** The task list of a module README, with nesting, as the document model reads it. */
export function topicTasks(readme: string): TopicTask[] {
  return parseDocument(readme).tasks.map((t) => ({ text: t.text, done: t.done, line: t.line, depth: t.depth }));
}
