import { describe, expect, it } from 'vitest';
import { listCalls, listEvents } from './contract';

describe('the contract', () => {
  it('names every channel atlas:<area>/<verb>, each once', () => {
    const channels = [...listCalls().map((c) => c.channel), ...listEvents().map((e) => e.channel)];
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^atlas:[a-z]+\/[a-z-]+$/);
  });

  it('exposes events as onX', () => {
    for (const { name } of listEvents()) expect(name).toMatch(/^on[A-Z]/);
  });
});
