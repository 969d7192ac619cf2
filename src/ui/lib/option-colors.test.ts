import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { OPTION_IDS } from '../../domain/cost/estimate-types.ts';
import { OPTION_PALETTE, optionColor, optionStyle, tint } from './option-colors.ts';

const css = readFileSync(new URL('../app/app.css', import.meta.url), 'utf8');

/** --panel of the light theme (:root) and of the dark one (the prefers-color-scheme block). */
function panelColors(): string[] {
  const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
  const first = (text: string) => /--panel:\s*(#[0-9a-f]{6})/i.exec(text)?.[1];
  return [first(css)!, first(dark)!];
}

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const s = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('option colours', () => {
  it('gives every option in the domain list its own colour and dash pattern', () => {
    expect(OPTION_PALETTE.length).toBeGreaterThanOrEqual(OPTION_IDS.length);
    const colors = OPTION_IDS.map(optionColor);
    expect(new Set(colors).size).toBe(OPTION_IDS.length);
    expect(new Set(OPTION_IDS.map((id) => String(optionStyle(id).dash))).size).toBe(OPTION_IDS.length);
  });

  it('keeps 3:1 contrast against the panel of both themes', () => {
    const panels = panelColors();
    expect(panels).toHaveLength(2);
    expect(panels[0]).not.toBe(panels[1]);
    for (const { color } of OPTION_PALETTE)
      for (const panel of panels) expect(contrast(color, panel), `${color} on ${panel}`).toBeGreaterThanOrEqual(3);
  });

  it('tints towards white by the fraction given', () => {
    expect(tint('#2f6fdb', 0)).toBe('#2f6fdb');
    expect(tint('#2f6fdb', 1)).toBe('#ffffff');
    expect(tint('#000000', 0.5)).toBe('#808080');
  });
});
