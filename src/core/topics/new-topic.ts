// A new-topic form → the module it creates: `modules/NN-slug/README.md` (NN the next free order)
// with a status block naming the issue (`issue: N`, so later runs trust the adopted issue) and the
// tasks as boxes. Pure: the run reads the existing module ids and writes the result.
import { slugify } from '../init/module-id.js';
import { statusBlockText } from '../init/status-block-text.js';
import { NO_ORDER, orderFromId } from '../status/module-order.js';
import type { NewTopicForm } from './new-topic-form.js';

export interface NewTopicInput {
  form: NewTopicForm;
  /** Ids (folder names) of the modules that exist now. */
  existing: readonly string[];
  /** The modules folder, root-relative (`modules`). */
  modulesDir: string;
  /** The issue that becomes the topic's issue. */
  issue: number;
}

export type NewTopicPlan = { ok: true; id: string; file: string; text: string } | { ok: false; problem: string };

const slugOf = (id: string): string => id.replace(/^\d+-?/, '');

export function planNewTopic(input: NewTopicInput): NewTopicPlan {
  const slug = slugify(input.form.title);
  if (slug === '') return { ok: false, problem: `the title "${input.form.title}" has no letters or digits to name a folder with: open a new issue with a title in words.` };
  const clash = input.existing.find((id) => id === slug || slugOf(id) === slug);
  if (clash !== undefined) return { ok: false, problem: `a module folder for this title already exists (\`${input.modulesDir}/${clash}\`): nothing was created; give the new topic another title.` };
  const orders = input.existing.map(orderFromId).filter((n) => n !== NO_ORDER);
  const next = (orders.length ? Math.max(...orders) : 0) + 1;
  const id = `${String(next).padStart(2, '0')}-${slug}`;
  const fields: Record<string, unknown> = { title: input.form.title, status: 'todo' };
  if (input.form.resources.length > 0) fields.resources = input.form.resources;
  fields.issue = input.issue;
  const tasks = input.form.tasks.map((t) => `- [ ] ${t}`);
  const text = `${statusBlockText(fields)}# ${input.form.title}\n${tasks.length ? `\n${tasks.join('\n')}\n` : ''}`;
  return { ok: true, id, file: `${input.modulesDir.replace(/\/+$/, '')}/${id}/README.md`, text };
}
