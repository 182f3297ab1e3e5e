import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/core/config.js';
import { datesText } from '../../../src/core/table/columns.js';
import { renderProgress } from '../../../src/core/table/index.js';
import { shortTitle } from '../../../src/core/table/short-title.js';
import { module } from './modules.js';

const resource = (title: string, url: string) => ({ title, url, line: 1, column: 1 });
const mods = () => [
  module('01-a', {
    title: 'A',
    status: 'in-progress',
    resources: [
      resource('Attention Is All You Need (Vaswani et al., 2017)', 'https://arxiv.org/abs/1706.03762'),
      resource('RoFormer: Enhanced Transformer with Rotary Position Embedding', 'https://arxiv.org/abs/2104.09864'),
      resource('Notes', '../../docs/n.md'),
    ],
  }),
];
const row = (style: 'full' | 'short' | 'count') =>
  renderProgress(mods(), { columns: [{ key: 'topic' }, { key: 'resources' }], readme: 'README.md', resources: style }).split('\n').find((l) => l.startsWith('| [A]'))!;

describe('table.resources', () => {
  it('short (the default): titles cut to a few words, the whole title kept as the tooltip', () => {
    expect(row('short')).toContain(
      '[Attention Is All You Need](https://arxiv.org/abs/1706.03762 "Attention Is All You Need (Vaswani et al., 2017)") · [RoFormer](https://arxiv.org/abs/2104.09864 "RoFormer: Enhanced Transformer with Rotary Position Embedding") · [Notes](docs/n.md)',
    );
  });

  it('full: every title as written', () => {
    expect(row('full')).toContain('[Attention Is All You Need (Vaswani et al., 2017)](https://arxiv.org/abs/1706.03762), [RoFormer: Enhanced Transformer with Rotary Position Embedding](https://arxiv.org/abs/2104.09864), [Notes](docs/n.md)');
  });

  it('count: how many, linking to the module README that lists them', () => {
    expect(row('count')).toMatch(/\| \[3 resources\]\(modules\/01-a\/README\.md\) +\|$/);
  });

  it('is read from .odyssey.yml, and a wrong value names the values it takes', () => {
    expect(parseConfig('table:\n  resources: count\n').table.resources).toBe('count');
    expect(parseConfig('').table.resources).toBe('short');
    expect(() => parseConfig('table:\n  resources: tiny\n')).toThrow(ConfigError);
    expect(() => parseConfig('table:\n  resources: tiny\n')).toThrow(/`table.resources`: expected one of full, short, count/);
  });
});

describe('shortTitle', () => {
  it.each([
    ['Deep Learning (Ian Goodfellow, Yoshua Bengio and Aaron Courville)', 'Deep Learning'],
    ['Stanford CS229 Machine Learning', 'Stanford CS229 Machine Learning'],
    ['DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning', 'DeepSeek-R1'],
    ['Training language models to follow instructions with human feedback (InstructGPT)', 'Training language models to follow instructions…'],
    ['Language Models (Mostly) Know What They Know', 'Language Models (Mostly) Know What They…'],
    ['  spaced\n title  ', 'spaced title'],
  ])('%j → %j', (title, short) => expect(shortTitle(title)).toBe(short));
});

describe('the dates column', () => {
  it('writes the year once when both dates share it, and an open arrow while in progress', () => {
    expect(datesText('2026-01-12', '2026-03-01')).toBe('2026-01-12 → 03-01');
    expect(datesText('2025-12-01', '2026-01-10')).toBe('2025-12-01 → 2026-01-10');
    expect(datesText('2026-06-20', undefined)).toBe('2026-06-20 →');
    expect(datesText(undefined, '2026-06-20')).toBe('→ 2026-06-20');
    expect(datesText(undefined, undefined)).toBe('');
  });
});
