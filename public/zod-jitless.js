// Runs before the app's modules (a classic script in index.html). zod decides at schema creation
// whether to compile fast paths by probing `new Function("")`; under the page's CSP (script-src
// 'self', no 'unsafe-eval') that probe is refused and reported as a CSP violation, although zod
// catches it. zod reads this shared setting and skips the probe.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
