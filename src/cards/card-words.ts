// The two helpers every store-wide card writes with: a wrapping TextBlock, and a count with its noun.
import type { TextBlock } from './adaptive-card';

export const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

export { plural } from '../methods/plural';
