/**
 * Regenerates the bundled price snapshot from the AWS Price List, with the same normalizer the
 * pricing proxy uses:
 *
 *   npm run pricing:refresh                          all regions, into public/pricing/ (+ region-catalog.ts)
 *   npm run pricing:refresh -- --out DIR [REGION...] write elsewhere, e.g. to compare before committing
 *
 * Needs AWS credentials from the SDK's default chain with pricing:GetProducts (docs/proxy.md has
 * the IAM policy). Without them it stops before asking AWS anything and writes nothing (exit 1).
 * Instance facts (vCPU, ENIs, max pods), Fargate Spot, the Spot Advisor figures and the load
 * balancer, NAT, IPv4, EBS, CloudWatch Logs and data transfer rates are not queried and are carried
 * over from the current bundled files, with their own sources and dates.
 */
import { join, resolve } from 'node:path';
import { REGION_CATALOG } from '../src/domain/pricing/region-catalog.ts';
import { createBundledSnapshotLoader } from '../src/proxy/load-bundled-snapshot-file.ts';
import { createPricingClient } from '../src/proxy/pricing/create-pricing-client.ts';
import { fetchRegionPriceList } from '../src/proxy/pricing/fetch-region-price-list.ts';
import { DEFAULT_GET_PRODUCTS_POLICY } from '../src/proxy/pricing/get-all-products.ts';
import { RefreshError, buildRefreshedSnapshots } from '../src/proxy/pricing/refresh-bundled-snapshots.ts';
import { renderPricingFiles, writeFilesTogether } from '../src/proxy/pricing/pricing-files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLED_DIR = join(ROOT, 'public', 'pricing');
const CATALOG_MODULE = join(ROOT, 'src', 'domain', 'pricing', 'region-catalog.ts');
const KNOWN = new Set(REGION_CATALOG.map((region) => region.code));

function fail(message: string): never {
  process.stderr.write(`pricing:refresh: ${message}\n`);
  process.exit(1);
}

function readArgs(argv: readonly string[]): { outDir: string | null; regions: string[] } {
  let outDir: string | null = null;
  const regions: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) fail('--out needs a folder');
      outDir = resolve(value);
    } else if (arg.startsWith('-')) {
      fail(`unknown option ${arg}; usage: npm run pricing:refresh [-- --out DIR [REGION...]]`);
    } else if (!KNOWN.has(arg)) {
      fail(`unknown region "${arg.slice(0, 40)}"; known regions are those in public/pricing/index.json`);
    } else {
      regions.push(arg);
    }
  }
  // The bundled files must all share one compile date (src/domain/pricing/bundled-snapshot.test.ts),
  // so the committed set is only ever refreshed whole.
  if (regions.length > 0 && outDir === null)
    fail('refreshing some regions only is allowed with --out DIR, not into public/pricing/');
  return { outDir, regions };
}

async function main(): Promise<void> {
  const { outDir, regions: chosen } = readArgs(process.argv.slice(2));
  const regions = chosen.length > 0 ? chosen : REGION_CATALOG.map((region) => region.code);
  const client = createPricingClient(DEFAULT_GET_PRODUCTS_POLICY.timeoutMs);

  try {
    await client.config.credentials();
  } catch {
    fail(
      'no AWS credentials were found by the SDK default chain (environment, ~/.aws config or SSO, container or instance role). ' +
        'Set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, for an identity allowed pricing:GetProducts. Nothing was written.',
    );
  }

  const compiledOn = new Date().toISOString().slice(0, 10);
  const loadBundledSnapshot = createBundledSnapshotLoader(BUNDLED_DIR);
  let snapshots;
  try {
    snapshots = await buildRefreshedSnapshots(regions, compiledOn, {
      fetchPriceList: (region) => fetchRegionPriceList(client, region, DEFAULT_GET_PRODUCTS_POLICY),
      loadBundledSnapshot,
      maxThrottleRetries: DEFAULT_GET_PRODUCTS_POLICY.maxThrottleRetries,
      onRegionDone: (region, snapshot) => {
        process.stderr.write(
          `  ${region}: ${snapshot.ec2.instances.length} instance types, Fargate ${snapshot.fargate ? 'priced' : 'not priced'}\n`,
        );
      },
    });
  } catch (error) {
    if (error instanceof RefreshError) fail(`${error.message} Nothing was written.`);
    throw error;
  }

  const files = renderPricingFiles(snapshots, compiledOn, {
    pricingDir: outDir ?? BUNDLED_DIR,
    catalogModule: outDir ? null : CATALOG_MODULE,
    generatedBy: 'scripts/refresh-pricing.ts from the AWS Price List',
  });
  await writeFilesTogether(files);
  process.stdout.write(
    `wrote ${files.length} files for ${snapshots.length} regions (prices as of ${compiledOn}) to ${outDir ?? BUNDLED_DIR}\n`,
  );
}

main().catch((error: unknown) => {
  fail(`unexpected failure: ${(error as Error)?.message ?? String(error)}`);
});
