/**
 * HashiCorp's HCL parser in the browser: the Go program @cdktf/hcl2json ships compiled to
 * WebAssembly (the same parser `cli import` runs in Node), started with the Go runtime glue the
 * package ships (wasm_exec.js, Go's own). This module is its own lazy chunk, and the 1.7 MB
 * compressed WebAssembly file is fetched only when an import holds .tf files.
 */
import '@cdktf/hcl2json/wasm/wasm_exec.js';
import wasmUrl from '@cdktf/hcl2json/main.wasm.gz?url';
import { gunzipSync } from 'fflate';
import type { TerraformJson } from '../../../domain/import/import-types.ts';

type Callback = (error: string | null, result?: string) => void;
interface HclBridge {
  parse?: (filename: string, contents: string, callback: Callback) => void;
}
interface GoRuntime {
  importObject: WebAssembly.Imports;
  exited: boolean;
  run(instance: WebAssembly.Instance): Promise<void>;
}
/** The global object the Go program fills with its functions (as @cdktf/hcl2json's Node bridge sets it up). */
const BRIDGE_GLOBAL = '__parse_terraform_config_wasm__';

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function start(): Promise<Required<HclBridge>> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`the HCL parser could not be loaded (HTTP ${response.status})`);
  const fetched = new Uint8Array(await response.arrayBuffer());
  // A server may already have decoded the gzip (Content-Encoding): use the bytes as they came then.
  const wasm = isGzip(fetched) ? gunzipSync(fetched) : fetched;
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const go = new Go();
  const bridge: HclBridge = {};
  (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;
  const { instance } = await WebAssembly.instantiate(wasm, go.importObject);
  // The program looks its bridge up as global.__parse_terraform_config_wasm__ when it starts (Node's
  // name for the global object). A browser has no `global`, so it is lent for the start only.
  const scope = globalThis as Record<string, unknown>;
  const lent = !('global' in scope);
  if (lent) scope.global = globalThis;
  try {
    // The program registers its functions and waits for calls; run() settles only when it exits.
    void go.run(instance);
  } finally {
    if (lent) delete scope.global;
  }
  for (let tries = 0; typeof bridge.parse !== 'function'; tries++) {
    if (go.exited || tries > 200) throw new Error('the HCL parser did not start');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return bridge as Required<HclBridge>;
}

let started: Promise<Required<HclBridge>> | null = null;

/** Parses one Terraform file into hcl2json's JSON, as the command line does. */
export async function parseTerraformInBrowser(path: string, text: string): Promise<TerraformJson> {
  started ??= start().catch((error: unknown) => {
    started = null;
    throw error;
  });
  const bridge = await started;
  const json = await new Promise<string>((resolve, reject) =>
    bridge.parse(path, text, (error, result) => (error ? reject(new Error(error)) : resolve(result ?? '{}'))),
  );
  return JSON.parse(json) as TerraformJson;
}
