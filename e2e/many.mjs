// The list page with many Rollouts (argo-rollouts#4733: Argo's UI freezes at 123).
//
//   node e2e/many.mjs URL NAMESPACE COUNT outdir
//
// The namespace holds COUNT canaries web-0 … web-(COUNT-1), each paused at a `pause: {}` step.
// Measures (prints, never asserts) the time until every card is drawn, the time a filter takes,
// and the time from a Promote (through the API) until its card shows the change; checks that the
// filter and the live update work. Exit code 0 when they do.
import { join } from 'node:path';
import { run } from './browser.mjs';

const [url, namespace, countText, outdir] = process.argv.slice(2);
const count = Number(countText);
await run('many', outdir, { width: 1440, height: 900 }, async (page) => {
  const start = Date.now();
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, count, { timeout: 60_000 });
  const drawn = Date.now() - start;
  console.log(`many: ${count} cards drawn ${drawn} ms after navigation`);
  await page.screenshot({ path: join(outdir, 'dashboard-many.png') });
  const list = await page.evaluate(async (ns) => {
    const t = performance.now();
    const body = await (await fetch(`api/v1/rollouts/${ns}/info`)).text();
    return { ms: Math.round(performance.now() - t), bytes: body.length };
  }, namespace);
  console.log(`many: GET rollouts/${namespace}/info, informers warm: ${list.ms} ms, ${list.bytes} bytes`);

  const t0 = Date.now();
  await page.getByRole('searchbox', { name: 'Filter by name or label tag:value' }).fill(`"web-${count - 1}"`);
  await page.waitForFunction(() => document.querySelectorAll('.card:not([hidden])').length === 1);
  console.log(`many: filtering to one card took ${Date.now() - t0} ms`);
  await page.getByRole('searchbox').fill('');

  const card = page.locator('.card[data-name="web-0"]');
  const t1 = Date.now();
  const status = await page.evaluate(async (ns) => {
    const response = await fetch(`api/v1/rollouts/${ns}/web-0/promote`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"full":false}',
    });
    return response.status;
  }, namespace);
  if (status !== 200) throw new Error(`promote answered ${status}`);
  await card.locator('dd', { hasText: 'Progressing' }).waitFor({ timeout: 30_000 });
  console.log(`many: a promote reached its card ${Date.now() - t1} ms after the request`);

  // web-1 has an AnalysisRun: its panel shows the metric and its measurements.
  await page.locator('.card[data-name="web-1"]').getByRole('link', { name: 'web-1' }).click();
  await page.getByRole('button', { name: /web-1-bbb-2-1/ }).click();
  const panel = page.getByRole('dialog', { name: /Analysis run web-1-bbb-2-1/ });
  await panel.getByText('success-rate (Successful)').waitFor();
  await panel.getByRole('cell', { name: '[0.99]' }).first().waitFor();
  console.log('many: the AnalysisRun panel shows its metric and measurements');
  await page.screenshot({ path: join(outdir, 'dashboard-analysis.png') });
});
