// Run axe-core on each page in headless Chromium (the installed Debian browser, driven by
// playwright-core) and fail on any violation. Usage: node axe.cjs CHROMIUM PAGE...
const { chromium } = require("playwright-core");
const axe = require("axe-core");

(async () => {
  const [executablePath, ...pages] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  let failed = 0;
  for (const page of pages) {
    const tab = await browser.newPage();
    await tab.goto("file://" + page);
    await tab.addScriptTag({ content: axe.source });
    const result = await tab.evaluate(() => window.axe.run(document));
    for (const v of result.violations) {
      failed += 1;
      console.log(`${page}: ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(" ")}`);
    }
    await tab.close();
  }
  await browser.close();
  if (failed) {
    console.log(`axe: ${failed} violations`);
    process.exit(1);
  }
  console.log(`axe: no violations in ${pages.length} pages`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
