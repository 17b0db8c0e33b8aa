// The dashboard in a real browser: Debian's Chromium, driven by playwright-core.
//
//   node e2e/dashboard.mjs URL NAMESPACE ROLLOUT outdir
//
// URL is the dashboard's (http://127.0.0.1:PORT/rollouts/), ROLLOUT a canary paused at a
// `pause: {}` step. Opens the list, then the Rollout's page; clicks Promote, confirms, and waits
// until the page shows Healthy without a reload; saves screenshots in outdir. Exit code 0 when all
// of that happened; otherwise it prints what failed and exits 1.
import { join } from 'node:path';
import { run } from './browser.mjs';

const [url, namespace, rollout, outdir] = process.argv.slice(2);
const step = (text) => console.log(`e2e: ${text}`);

await run('e2e', outdir, { width: 1280, height: 900 }, async (page) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(url);
  const card = page.locator(`.card[data-name="${rollout}"]`);
  await card.waitFor({ timeout: 30_000 });
  await card.getByText('Paused').waitFor();
  step(`the list shows ${rollout} Paused`);
  await page.screenshot({ path: join(outdir, 'dashboard-list.png'), fullPage: true });

  await card.getByRole('link', { name: rollout }).click();
  const status = page.getByTestId('status');
  await status.filter({ hasText: 'Paused' }).waitFor({ timeout: 30_000 });
  await page.locator('.step-current').waitFor();
  step(`the page of ${rollout} shows Paused at step ${await page.locator('.step-current').innerText()}`);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.screenshot({ path: join(outdir, 'dashboard-rollout-paused.png'), fullPage: true });

  const promote = page.getByRole('button', { name: 'Promote', exact: true });
  if (!(await promote.isEnabled())) throw new Error('Promote is disabled while Paused');
  if (await page.getByRole('button', { name: 'Retry', exact: true }).isEnabled()) {
    throw new Error('Retry is enabled while Paused (Argo enables it only when Degraded)');
  }
  await promote.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Promote rollout “${rollout}”?`).waitFor();
  await page.screenshot({ path: join(outdir, 'dashboard-confirm.png') });
  await dialog.getByRole('button', { name: 'Yes, promote' }).click();
  step('clicked Promote and confirmed');

  await status.filter({ hasText: 'Healthy' }).waitFor({ timeout: 90_000 });
  if (!(await page.evaluate(() => window.__sameDocument === true))) {
    throw new Error('the page was reloaded');
  }
  step(`the page shows Healthy without a reload`);
  await page.screenshot({ path: join(outdir, 'dashboard-rollout.png'), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(outdir, 'dashboard-rollout-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Set image: a new revision appears, and the canary pauses at its pause step again.
  await page.getByRole('button', { name: 'Edit image of demo' }).click();
  await page.getByRole('textbox', { name: 'New image for demo' }).fill('argoproj/rollouts-demo:green');
  await page.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('button', { name: 'Yes, set image' }).click();
  await page.getByRole('heading', { name: 'Revision 3' }).waitFor({ timeout: 60_000 });
  await page.locator('.image', { hasText: 'argoproj/rollouts-demo:green' }).waitFor();
  await status.filter({ hasText: 'Paused' }).waitFor({ timeout: 60_000 });
  step('set image started revision 3, paused again');

  // Abort: Degraded, and then (only then) Retry is enabled.
  await page.getByRole('button', { name: 'Abort', exact: true }).click();
  await dialog.getByRole('button', { name: 'Yes, abort' }).click();
  await status.filter({ hasText: 'Degraded' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Retry', exact: true }).and(page.locator(':enabled')).waitFor();
  step('abort made it Degraded and enabled Retry');
  await page.screenshot({ path: join(outdir, 'dashboard-rollout-aborted.png'), fullPage: true });

  // Rollback to revision 2: the template is revision 2's again.
  await page.getByRole('button', { name: 'Rollback to revision 2' }).click();
  await dialog.getByRole('button', { name: 'Yes, rollback' }).click();
  await page.locator('.image', { hasText: 'argoproj/rollouts-demo:yellow' }).waitFor({ timeout: 60_000 });
  step('rollback to revision 2 restored its image');

  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.textContent.trim());
  step(`the keyboard reaches: ${focused}`);
  if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
});
