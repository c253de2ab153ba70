import { describe, expect, it } from 'vitest';
import { lineSeparatorOf } from './line-separator';

describe('lineSeparatorOf', () => {
  it('takes the first line break of the text', () => {
    expect(lineSeparatorOf('WEBVTT\r\n\r\nx\n')).toBe('\r\n');
    expect(lineSeparatorOf('WEBVTT\n\r\n')).toBe('\n');
    expect(lineSeparatorOf('a\rb\r')).toBe('\r');
    expect(lineSeparatorOf('a\rb\n')).toBe('\r');
    expect(lineSeparatorOf('no break')).toBe('\n');
  });
});
