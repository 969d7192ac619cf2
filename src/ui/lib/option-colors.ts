/**
 * One colour (and one line pattern) per option, everywhere an option is drawn: the summary tiles,
 * the option cards, the cost-by-component bars and the cost-against-replicas lines. The colours
 * are assigned by position in the domain's option list, so an option added there gets its own
 * colour without an edit here (option-colors.test.ts fails if the palette runs out).
 *
 * Every colour keeps at least 3:1 contrast (WCAG 1.4.11, graphics) against the panel background
 * of both themes (app.css --panel, light and dark); the test reads app.css to hold that.
 */
import { OPTION_IDS, type OptionId } from '../../domain/cost/estimate-types.ts';

/** Blue, teal, orange, purple, magenta, green, brown, slate: told apart by hue, and by dash pattern in the line chart. */
export const OPTION_PALETTE = [
  { color: '#2f6fdb', dash: undefined },
  { color: '#0f8a84', dash: '6 3' },
  { color: '#c25e00', dash: '2 3' },
  { color: '#8a55d6', dash: '10 3 2 3' },
  { color: '#c2417e', dash: '12 4' },
  { color: '#5f8a00', dash: '4 2 4 6' },
  { color: '#a0702a', dash: '1 4' },
  { color: '#6b7a8f', dash: '8 2 2 2 2 2' },
] as const satisfies readonly { color: string; dash: string | undefined }[];

export interface OptionStyle {
  /** Stroke and fill colour of the option. */
  color: string;
  /** SVG stroke-dasharray of the option's line (undefined: solid). */
  dash: string | undefined;
}

const STYLES = new Map<string, OptionStyle>(
  OPTION_IDS.map((id, index) => [id, OPTION_PALETTE[index % OPTION_PALETTE.length]!]),
);
const FALLBACK: OptionStyle = { color: '#6b7a8f', dash: undefined };

/** The colour and dash pattern of an option (by its place in OPTION_IDS). */
export function optionStyle(id: OptionId): OptionStyle {
  return STYLES.get(id) ?? FALLBACK;
}

export function optionColor(id: OptionId): string {
  return optionStyle(id).color;
}

const channel = (hex: string, at: number) => Number.parseInt(hex.slice(at, at + 2), 16);

/**
 * `color` mixed with white by `fraction` (0: the colour itself, 1: white): the lighter shades of an
 * option's bar mark its bill categories, so the hue still says which option a segment belongs to.
 */
export function tint(color: string, fraction: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  const mix = (c: number) =>
    Math.round(c + (255 - c) * f)
      .toString(16)
      .padStart(2, '0');
  return `#${mix(channel(color, 1))}${mix(channel(color, 3))}${mix(channel(color, 5))}`;
}
