import { expect, it } from 'vitest';
import { plainPreview } from './chat-text';

it('turns a Markdown line into plain words for the session list', () => {
  expect(plainPreview('The market is **in pre-market** (Pre-market).')).toBe('The market is in pre-market (Pre-market).');
  expect(plainPreview('## Levels\n- **SPX** at `5,740.97`, see [the chart](https://x.test)')).toBe('Levels SPX at 5,740.97, see the chart');
  expect(plainPreview('_Next:_ ask about get_key_levels ~~not~~')).toBe('Next: ask about get_key_levels not');
  expect(plainPreview('> quoted\n\n+ item')).toBe('quoted item');
});
