import { describe, expect, it } from 'vitest';
import { idFromNotesLink, idFromTopic, slugify } from '../../../src/core/init/module-id.js';

describe('idFromTopic', () => {
  it.each([
    ['Module 4: LLM Pretraining', '04-llm-pretraining'],
    ['Module 10: Ethical Considerations', '10-ethical-considerations'],
    ['Module 1: Foundations of AI and Machine Learning', '01-foundations-of-ai-and-machine-learning'],
    ['3. Attention', '03-attention'],
    ['Week 2 - Tokens & BPE', '02-tokens-bpe'],
    ['#5 Agents', '05-agents'],
    ['🚀 Module 2: Python & NumPy!', '02-python-numpy'],
    ['Module 7: Llama 3.1 / DeepSeek-V2 (MoE)', '07-llama-3-1-deepseek-v2-moe'],
    ['Café Crème: Éthique', 'cafe-creme-ethique'],
    ['Transformers', 'transformers'],
    ['Llama 3 deep dive', 'llama-3-deep-dive'],
    ['Module 12', '12'],
    ['007: Bond', '07-bond'],
    ['🚀✨', null],
  ])('%j → %j', (topic, id) => {
    expect(idFromTopic(topic)).toBe(id);
  });
});

describe('idFromNotesLink', () => {
  it.each([
    ['modules/01-foundations/README.md', '01-foundations'],
    ['./modules/01-foundations/README.md', '01-foundations'],
    ['/modules/01-foundations/readme.md', '01-foundations'],
    ['modules/01-foundations/', '01-foundations'],
    ['modules/01-foundations', '01-foundations'],
    ['modules/01-foundations/README.md#notes', '01-foundations'],
    ['modules/caf%C3%A9/README.md', 'café'],
    ['modules/01-foundations/notes.md', null],
    ['notes/01-foundations/README.md', null],
    ['https://example.com/modules/x/README.md', null],
    ['modules/../README.md', null],
    ['modules/%E0%A4%A/README.md', null],
  ])('%j → %j', (url, id) => {
    expect(idFromNotesLink(url, 'modules')).toBe(id);
  });

  it('follows a configured modules folder', () => {
    expect(idFromNotesLink('topics/02-x/README.md', 'topics')).toBe('02-x');
    expect(idFromNotesLink('modules/02-x/README.md', 'topics')).toBeNull();
  });
});

describe('slugify', () => {
  it('keeps letters and digits of any script, joins the rest with single hyphens', () => {
    expect(slugify('  Ünïcode — 日本語 & more!! ')).toBe('unicode-日本語-more');
  });
});
