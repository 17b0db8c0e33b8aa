// Debian's Chromium (or $CHROMIUM) through playwright-core: headless, no sandbox (CI runs as
// root), no background networking (the machine's network is closed), a fresh profile each run.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Runs {@code scenario(page)} in a new browser; prints "<tag>: passed", or "<tag>: FAILED: why"
 * and saves <tag>-failed.png in {@code outdir}, setting exit code 1.
 */
export async function run(tag, outdir, viewport, scenario) {
  const profile = mkdtempSync(join(tmpdir(), 'rollouts-dashboard-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: ARGS,
  });
  let page;
  try {
    page = context.pages()[0] || (await context.newPage());
    await scenario(page);
    console.log(`${tag}: passed`);
  } catch (e) {
    console.log(`${tag}: FAILED: ${e.message}`);
    process.exitCode = 1;
    if (page && outdir) await page.screenshot({ path: join(outdir, `${tag}-failed.png`), fullPage: true }).catch(() => {});
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
