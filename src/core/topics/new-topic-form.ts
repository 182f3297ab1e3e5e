// The "new topic" issue form: the template `init` writes (GitHub's issue-forms YAML), and the
// issue GitHub renders from it (`### <label>\n\n<value>` sections, `_No response_` for empty)
// read back into a title, resources and tasks. Pure strings.
import { stringify } from 'yaml';

export const NEW_TOPIC_LABEL = 'new-topic';
export const NEW_TOPIC_TEMPLATE = '.github/ISSUE_TEMPLATE/new-topic.yml';
export const FORM_LABELS = { title: 'Topic title', resources: 'Resources', tasks: 'Tasks' } as const;

/** The issue form `init` writes: a title, resources and tasks. */
export function newTopicTemplate(): string {
  const form = {
    name: 'New topic',
    description: 'Start a new topic in this learning journey: odyssey adds its notes folder and turns this issue into its topic issue.',
    title: 'Topic: ',
    labels: [NEW_TOPIC_LABEL],
    body: [
      {
        type: 'markdown',
        attributes: { value: 'When a collaborator opens this issue, odyssey creates `modules/NN-slug/README.md` (status `todo`) with these resources and tasks, in one commit, and this issue becomes the topic\'s issue.' },
      },
      { type: 'input', id: 'title', attributes: { label: FORM_LABELS.title, description: 'What the topic is called; its folder name is made from it.', placeholder: 'Attention mechanisms' }, validations: { required: true } },
      {
        type: 'textarea',
        id: 'resources',
        attributes: { label: FORM_LABELS.resources, description: 'One per line: `[text](url)` or a bare URL.', placeholder: '[The paper](https://arxiv.org/abs/1706.03762)' },
        validations: { required: false },
      },
      {
        type: 'textarea',
        id: 'tasks',
        attributes: { label: FORM_LABELS.tasks, description: 'One task per line; each becomes a `- [ ]` box in the notes.', placeholder: 'Read the paper\nCode it' },
        validations: { required: false },
      },
    ],
  };
  return stringify(form, { lineWidth: 0 });
}

/** `### label` sections of a rendered issue form → label → value ('' for `_No response_`). */
export function formSections(body: string): Map<string, string> {
  const out = new Map<string, string>();
  const text = body.replace(/\r\n?/g, '\n');
  const parts = text.split(/^### +(.+?)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const label = parts[i]!.trim();
    const value = (parts[i + 1] ?? '').trim();
    if (!out.has(label)) out.set(label, value === '_No response_' ? '' : value);
  }
  return out;
}

export interface NewTopicForm {
  title: string;
  /** `[text](url)` or URLs, as written, one per line. */
  resources: string[];
  tasks: string[];
}

export type FormResult = { ok: true; form: NewTopicForm } | { ok: false; problem: string };

/** Lines of a textarea: blank lines dropped, list markers (`-`, `*`, `1.`, `- [ ]`) taken off. */
function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split('\n')
    .map((l) => l.trim().replace(/^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '').trim())
    .filter((l) => l !== '' && l !== '_No response_');
}

export function readNewTopicForm(body: string | null | undefined): FormResult {
  const s = formSections(body ?? '');
  const title = (s.get(FORM_LABELS.title) ?? '').replace(/\s+/g, ' ').trim();
  if (title === '') {
    return { ok: false, problem: `the form has no title, so no topic was created: open a new issue from the "New topic" form and fill in **${FORM_LABELS.title}**.` };
  }
  return { ok: true, form: { title, resources: lines(s.get(FORM_LABELS.resources)), tasks: lines(s.get(FORM_LABELS.tasks)) } };
}
