import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseStatusBlock } from '../../../src/core/status/index.js';
import { topicTasks } from '../../../src/core/topics/from-module.js';
import { FORM_LABELS, formSections, NEW_TOPIC_LABEL, newTopicTemplate, readNewTopicForm } from '../../../src/core/topics/new-topic-form.js';
import { planNewTopic } from '../../../src/core/topics/new-topic.js';

/** The body GitHub renders from the form: one `### label` section per field, `_No response_` when empty. */
function renderedForm(title: string, resources: string, tasks: string): string {
  const v = (s: string) => (s === '' ? '_No response_' : s);
  return `### ${FORM_LABELS.title}\n\n${v(title)}\n\n### ${FORM_LABELS.resources}\n\n${v(resources)}\n\n### ${FORM_LABELS.tasks}\n\n${v(tasks)}`;
}

describe('the new-topic issue form template', () => {
  it('has the keys GitHub issue forms require, a required title input and two textareas', () => {
    const form = parse(newTopicTemplate()) as Record<string, unknown>;
    expect(form).toMatchObject({ name: 'New topic', title: 'Topic: ', labels: [NEW_TOPIC_LABEL] });
    expect(typeof form.description).toBe('string');
    expect((form.description as string).length).toBeGreaterThan(0);
    const body = form.body as Array<{ type: string; id?: string; attributes: Record<string, unknown>; validations?: { required?: boolean } }>;
    expect(Array.isArray(body)).toBe(true);
    const fields = body.filter((b) => b.type !== 'markdown');
    expect(fields.map((b) => [b.type, b.id, b.attributes.label])).toEqual([
      ['input', 'title', FORM_LABELS.title],
      ['textarea', 'resources', FORM_LABELS.resources],
      ['textarea', 'tasks', FORM_LABELS.tasks],
    ]);
    expect(fields[0]!.validations?.required).toBe(true);
    for (const b of body) {
      expect(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']).toContain(b.type);
      if (b.type === 'markdown') expect(typeof b.attributes.value).toBe('string');
      else expect(b.id).toMatch(/^[a-z0-9_-]+$/);
    }
    // Ids are unique, as GitHub requires.
    const ids = fields.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('reading a rendered new-topic issue', () => {
  it('splits the body into its `### label` sections, with `_No response_` read as empty', () => {
    const s = formSections(renderedForm('Attention', '', 'Read it\nCode it'));
    expect([...s.entries()]).toEqual([
      [FORM_LABELS.title, 'Attention'],
      [FORM_LABELS.resources, ''],
      [FORM_LABELS.tasks, 'Read it\nCode it'],
    ]);
  });

  it('reads title, resources and tasks; blank lines and list markers dropped; CRLF accepted', () => {
    const body = renderedForm('  Attention   mechanisms ', '[The paper](https://arxiv.org/abs/1706.03762)\n\nhttps://example.com/notes', '- Read the paper\n* [ ] Code it\n\n1. Test it').replace(/\n/g, '\r\n');
    expect(readNewTopicForm(body)).toEqual({
      ok: true,
      form: { title: 'Attention mechanisms', resources: ['[The paper](https://arxiv.org/abs/1706.03762)', 'https://example.com/notes'], tasks: ['Read the paper', 'Code it', 'Test it'] },
    });
  });

  it('no title (empty, `_No response_`, or no section at all) is a problem naming the field', () => {
    for (const body of [renderedForm('', 'https://x.org', 'a'), 'just some text', '', null]) {
      const r = readNewTopicForm(body);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toContain(FORM_LABELS.title);
    }
  });
});

describe('planNewTopic', () => {
  const form = { title: 'Attention: the paper!', resources: ['[The paper](https://arxiv.org/abs/1706.03762)', 'https://example.com/x'], tasks: ['Read it', 'Code it'] };

  it('takes the next free two-digit order and a slug of the title; the README reads back as written', () => {
    const p = planNewTopic({ form, existing: ['01-basics', '07-later', 'notes'], modulesDir: 'modules', issue: 12 });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.id).toBe('08-attention-the-paper');
    expect(p.file).toBe('modules/08-attention-the-paper/README.md');
    const parsed = parseStatusBlock({ id: p.id, file: p.file, text: p.text });
    expect(parsed.findings).toEqual([]);
    expect(parsed.module).toMatchObject({ title: 'Attention: the paper!', status: 'todo' });
    expect(parsed.module.resources.map((r) => [r.title, r.url])).toEqual([
      ['The paper', 'https://arxiv.org/abs/1706.03762'],
      ['https://example.com/x', 'https://example.com/x'],
    ]);
    expect(parsed.module.extra.issue).toBe(12);
    expect(topicTasks(p.text).map((t) => [t.text, t.done])).toEqual([
      ['Read it', false],
      ['Code it', false],
    ]);
  });

  it('starts at 01 in an empty journey; no resources means no resources key', () => {
    const p = planNewTopic({ form: { title: 'Basics', resources: [], tasks: [] }, existing: [], modulesDir: 'modules/', issue: 3 });
    expect(p).toEqual({ ok: true, id: '01-basics', file: 'modules/01-basics/README.md', text: '---\ntitle: Basics\nstatus: todo\nissue: 3\n---\n# Basics\n' });
  });

  it('refuses a title whose folder already exists (with any order), and a title with no letters or digits', () => {
    const clash = planNewTopic({ form: { ...form, title: 'Basics' }, existing: ['01-basics'], modulesDir: 'modules', issue: 4 });
    expect(clash.ok).toBe(false);
    if (!clash.ok) expect(clash.problem).toContain('`modules/01-basics`');
    const empty = planNewTopic({ form: { ...form, title: '!!! 🎉' }, existing: [], modulesDir: 'modules', issue: 4 });
    expect(empty.ok).toBe(false);
  });
});
