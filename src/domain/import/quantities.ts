/**
 * Resource quantities of each format, to vCPU and GiB.
 *
 * Kubernetes (apimachinery resource.Quantity): a signed decimal number, then one suffix: binary
 * Ki Mi Gi Ti Pi Ei (powers of 1024), decimal n u m k M G T P E (powers of 1000), or a decimal
 * exponent e<n> / E<n>. "1E" is one exa; "1e3" is 1000. No suffix means the base unit (cores, bytes).
 *
 * Compose (compose-spec "byte values"): an integer or decimal with b, k/kb, m/mb, g/gb (1024-based),
 * or a plain number of bytes.
 */
export type QuantityResult = { ok: true; value: number } | { ok: false; problem: string };

const GIB = 1024 ** 3;
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};
const KUBERNETES_QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE]?)$/;

/** A Kubernetes quantity in its base unit (cores or bytes). Numbers (YAML `cpu: 2`) are taken as written. */
export function parseKubernetesQuantity(raw: unknown): QuantityResult {
  if (typeof raw === 'number')
    return Number.isFinite(raw) && raw >= 0
      ? { ok: true, value: raw }
      : { ok: false, problem: `${raw} is not a quantity` };
  if (typeof raw !== 'string')
    return { ok: false, problem: `must be a quantity such as "500m" or "1Gi", not ${typeof raw}` };
  const match = KUBERNETES_QUANTITY.exec(raw.trim());
  if (!match)
    return {
      ok: false,
      problem: `"${raw}" is not a Kubernetes quantity (such as "500m", "1.5", "256Mi", "1G", "1e3")`,
    };
  const number = Number(match[1]);
  const suffix = match[2]!;
  const factor =
    BINARY[suffix] ?? DECIMAL[suffix] ?? (/^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : Number.NaN);
  const value = number * factor;
  if (!Number.isFinite(value)) return { ok: false, problem: `"${raw}" is too large` };
  if (value < 0) return { ok: false, problem: `"${raw}" is negative` };
  return { ok: true, value };
}

/** CPU cores from a Kubernetes quantity: "250m" -> 0.25. */
export const kubernetesCpu = (raw: unknown): QuantityResult => parseKubernetesQuantity(raw);

/** GiB from a Kubernetes memory quantity: "512Mi" -> 0.5, "1G" -> 0.931. */
export function kubernetesMemoryGiB(raw: unknown): QuantityResult {
  const bytes = parseKubernetesQuantity(raw);
  return bytes.ok ? { ok: true, value: bytes.value / GIB } : bytes;
}

const COMPOSE_BYTES = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i;
const COMPOSE_UNIT: Record<string, number> = {
  b: 1,
  k: 2 ** 10,
  kb: 2 ** 10,
  m: 2 ** 20,
  mb: 2 ** 20,
  g: 2 ** 30,
  gb: 2 ** 30,
};

/** GiB from a Compose byte value: "512m" -> 0.5, "1gb" -> 1, 1073741824 -> 1. */
export function composeMemoryGiB(raw: unknown): QuantityResult {
  if (typeof raw === 'number')
    return Number.isFinite(raw) && raw >= 0
      ? { ok: true, value: raw / GIB }
      : { ok: false, problem: `${raw} is not a byte value` };
  if (typeof raw !== 'string') return { ok: false, problem: `must be a byte value such as "512m", not ${typeof raw}` };
  const match = COMPOSE_BYTES.exec(raw.trim());
  if (!match) return { ok: false, problem: `"${raw}" is not a Compose byte value (such as "512m", "1g", "2048k")` };
  return { ok: true, value: (Number(match[1]) * COMPOSE_UNIT[(match[2] ?? 'b').toLowerCase()]!) / GIB };
}

/** Cores from a Compose cpus value: "0.5", 0.5 or "2". */
export function composeCpus(raw: unknown): QuantityResult {
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0
    ? { ok: true, value }
    : { ok: false, problem: `${JSON.stringify(raw)} is not a number of CPUs (such as "0.5")` };
}

/** ECS: CPU units (1024 per vCPU) and MiB, as numbers or numeric strings ("512"), or "1 vCPU" / "2 GB" on task level. */
export function ecsCpuVcpu(raw: unknown): QuantityResult {
  if (typeof raw === 'number')
    return raw >= 0 && Number.isFinite(raw) ? { ok: true, value: raw / 1024 } : bad(raw, 'CPU units');
  if (typeof raw !== 'string') return bad(raw, 'CPU units');
  const units = /^\s*(\d+)\s*$/.exec(raw);
  if (units) return { ok: true, value: Number(units[1]) / 1024 };
  const vcpu = /^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$/i.exec(raw);
  return vcpu ? { ok: true, value: Number(vcpu[1]) } : bad(raw, 'CPU units (such as "512" or "1 vCPU")');
}

export function ecsMemoryGiB(raw: unknown): QuantityResult {
  if (typeof raw === 'number')
    return raw >= 0 && Number.isFinite(raw) ? { ok: true, value: raw / 1024 } : bad(raw, 'MiB');
  if (typeof raw !== 'string') return bad(raw, 'MiB');
  const mib = /^\s*(\d+)\s*$/.exec(raw);
  if (mib) return { ok: true, value: Number(mib[1]) / 1024 };
  const gb = /^\s*(\d+(?:\.\d+)?)\s*gb\s*$/i.exec(raw);
  return gb ? { ok: true, value: Number(gb[1]) } : bad(raw, 'MiB (such as "1024" or "2 GB")');
}

const bad = (raw: unknown, what: string): QuantityResult => ({
  ok: false,
  problem: `${JSON.stringify(raw)} is not ${what}`,
});
