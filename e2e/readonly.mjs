// A read-only dashboard shows no action: no button on the list, none on a Rollout's page, and a
// read-only badge.
//
//   node e2e/readonly.mjs URL ROLLOUT OUTDIR
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, rollout, outdir] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'rollouts-dashboard-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
let page;
try {
  page = context.pages()[0] || (await context.newPage());
  await page.goto(url);
  await page.locator(`.card[data-name="${rollout}"]`).waitFor({ timeout: 60_000 });
  await page.getByText('read-only', { exact: true }).waitFor();
  const onList = await page.locator('button.action').count();
  await page.getByRole('link', { name: rollout, exact: true }).click();
  await page.getByTestId('status').waitFor();
  const onPage = await page.locator('button.action, button:has-text("Rollback"), button:has-text("Edit")').count();
  if (onList || onPage) throw new Error(`read-only, yet ${onList} action buttons on the list and ${onPage} on the page`);
  console.log('readonly: no actions on the list or the page');
  console.log('readonly: passed');
} catch (e) {
  console.log(`readonly: FAILED: ${e.message}`);
  process.exitCode = 1;
  if (page && outdir) await page.screenshot({ path: join(outdir, 'readonly-failed.png'), fullPage: true }).catch(() => {});
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
