// npm start: the product in a browser, on the local org. Serves http://localhost:3000 (PORT to
// change) at once, compiles the package's LWC components (cached), opens the local org on
// .local-org/preview.db (demo data loaded through the org's DML on first start or with --reset)
// and runs the real @AuraEnabled Apex behind every component. Offline.
//   npm start                   start (reuse the data)
//   npm start -- --reset        reload the demo data
//   PORT=4000 npm start         another port
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const started = Date.now();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const reset = args.includes('--reset');
const quiet = args.includes('--quiet');
const portArg = args.find((a) => a.startsWith('--port='));
const PORT = Number(portArg ? portArg.split('=')[1] : process.env.PORT || 3000);
const DB = process.env.PREVIEW_DB
  ? path.resolve(process.env.PREVIEW_DB)
  : path.join(ROOT, '.local-org', 'preview.db');
const small = process.env.PREVIEW_DEMO_SIZE === 'small';
const log = (m) => {
  if (!quiet) console.log(m);
};
const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

// 1. the local org's compiled code (local-org/dist), rebuilt when a source is newer
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return t;
}
const distEntry = path.join(ROOT, 'local-org', 'dist', 'src', 'server', 'index.js');
if (
  !fs.existsSync(distEntry) ||
  newest(path.join(ROOT, 'local-org', 'src')) > fs.statSync(distEntry).mtimeMs
) {
  log('Compiling the local org (local-org/dist)...');
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(ROOT, 'local-org/tsconfig.json')
    ],
    { stdio: 'inherit' }
  );
  if (r.status !== 0) {
    console.error('The local org did not compile (errors above).');
    process.exit(1);
  }
}

const { createPreviewServer } = await import('./server.mjs');
const { buildPreview, OUT } = await import('./build.mjs');
const state = {
  ready: false,
  bundleReady: false,
  phase: 'starting',
  session: null,
  bundleHash: '',
  error: null
};
const { server, resetPersonas } = createPreviewServer({
  root: ROOT,
  bundleDir: OUT,
  state,
  log: process.env.PREVIEW_LOG ? log : () => {}
});

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(PORT, '127.0.0.1', resolve);
});
const url = `http://localhost:${PORT}`;
log(`Referral Program preview: ${url}  (listening after ${since()})`);

// 2. the bundle (cached by content hash) and 3. the org, one after the other (the machine may be small)
try {
  state.phase = 'compiling the components';
  const b = await buildPreview({ log });
  state.bundleHash = b.hash;
  state.bundleReady = true;
  log(`Components ${b.cached ? 'up to date' : 'compiled'} (${b.ms} ms).`);

  state.phase = 'opening the local org';
  const S = await import('../../local-org/dist/src/server/index.js');
  const session = S.openPreviewOrg({ root: ROOT, file: DB, reset });
  state.session = session;
  const ready = fs.existsSync(`${DB}.ready`);
  if (session.fresh || !ready) {
    if (!session.fresh) {
      // a load that was killed half-way: start again from an empty org
      session.org.close();
      state.session = S.openPreviewOrg({ root: ROOT, file: DB, reset: true });
    }
    state.phase =
      'loading the demo data through the org (users, program, 300 advocates, 3,000 referrals)';
    log(
      `Loading demo data into ${path.relative(ROOT, DB)} through the org's DML (a few minutes the first time)...`
    );
    const { loadDemoData } = await import('./demo-data.mjs');
    const r = loadDemoData(state.session, {
      log,
      ...(small ? { advocates: 60, referrals: 400 } : {})
    });
    fs.writeFileSync(
      `${DB}.ready`,
      JSON.stringify({ loadedAt: new Date().toISOString(), ...r }, null, 2)
    );
    log(
      `Demo data loaded in ${(r.ms / 1000).toFixed(1)} s: ${r.counts.referrals.n} referrals, ${r.counts.leads.n} leads, ${r.counts.rewards.n} rewards.`
    );
  }
  const { setPortalAddress } = await import('./demo-data.mjs');
  setPortalAddress(state.session, `${url}/guest`);
  resetPersonas();
  state.ready = true;
  state.phase = 'ready';
  log(`Ready after ${since()}: open ${url}`);
} catch (e) {
  state.error = e.message;
  console.error(`The preview could not start: ${e.stack || e.message}`);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    try {
      state.session?.org.close();
    } catch {
      /* closing on exit */
    }
    server.close();
    process.exit(0);
  });
}
