/** The WCAG contrast ratio of an element's text against the first opaque background behind it. */
import type { Locator } from '@playwright/test';

export function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let background = 'rgb(255, 255, 255)';
    for (let node: Element | null = element; node; node = node.parentElement) {
      const value = getComputedStyle(node).backgroundColor;
      const parts = rgb(value);
      if (parts.length === 3 || (parts.length === 4 && parts[3] === 1)) {
        background = value;
        break;
      }
    }
    const fg = luminance(rgb(getComputedStyle(element).color));
    const bg = luminance(rgb(background));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}
