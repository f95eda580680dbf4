import { describe, expect, it } from 'vitest';
import { formatEuros, parseEuros } from './enforcement-logic';

describe('amounts', () => {
  it('reads euros written the Dutch or the English way', () => {
    expect(parseEuros('1.250,50')).toBe(125050);
    expect(parseEuros('€ 300')).toBe(30000);
    expect(parseEuros('1250.5')).toBe(125050);
    expect(parseEuros('1,250.00')).toBe(125000);
    expect(parseEuros('10.000')).toBe(1000000);
  });
  it('refuses what is not an amount', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('tien')).toBeNull();
    expect(parseEuros('0')).toBeNull();
    expect(parseEuros('-5')).toBeNull();
  });
  it('formats cents as euros', () => {
    expect(formatEuros(125050, 'nl').replace(/\s/g, ' ')).toBe('€ 1.250,50');
    expect(formatEuros(125050, 'en')).toBe('€1,250.50');
  });
});
