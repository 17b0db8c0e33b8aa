// A read-only dashboard shows no action: no button on the list, none on a Rollout's page, and a
// read-only badge.
//
//   node e2e/readonly.mjs URL ROLLOUT OUTDIR
import { run } from './browser.mjs';

const [url, rollout, outdir] = process.argv.slice(2);
await run('readonly', outdir, { width: 1280, height: 900 }, async (page) => {
  await page.goto(url);
  await page.locator(`.card[data-name="${rollout}"]`).waitFor({ timeout: 60_000 });
  await page.getByText('read-only', { exact: true }).waitFor();
  const onList = await page.locator('button.action').count();
  await page.getByRole('link', { name: rollout, exact: true }).click();
  await page.getByTestId('status').waitFor();
  const onPage = await page.locator('button.action, button:has-text("Rollback"), button:has-text("Edit")').count();
  if (onList || onPage) throw new Error(`read-only, yet ${onList} action buttons on the list and ${onPage} on the page`);
  console.log('readonly: no actions on the list or the page');
});
