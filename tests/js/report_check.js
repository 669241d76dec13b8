// Opens report.html from file:// in headless Chromium (Debian's, driven by playwright-core) and does what a reader
// would: waits for the graph to draw, searches a name, hides a node type, clicks a node and reads the panel, and
// keeps a screenshot. Prints what it saw as JSON for tests/test_report.py, with every request the page made.
//
//   node report_check.js REPORT.html SCREENSHOT.png SEARCH_TEXT NODE_KEY
'use strict';
const { chromium } = require('playwright-core');
const { pathToFileURL } = require('url');

const [report, screenshot, searchText, nodeKey] = process.argv.slice(2);
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'];

async function panelTitle(page) {
  return page.$eval('#panel', (panel) => (panel.querySelector('h3') || {}).textContent || null);
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const result = { requests: [], errors: [] };
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1100 } });
    context.on('request', (request) => result.requests.push(request.url()));
    const page = await context.newPage();
    page.on('pageerror', (error) => result.errors.push(String(error)));
    page.on('console', (message) => { if (message.type() === 'error') result.errors.push(message.text()); });
    await page.goto(pathToFileURL(report).href);
    await page.waitForFunction(() => window.sidegraphFirstRender !== undefined, null, { timeout: 60000 });
    result.firstRender = await page.evaluate(() => window.sidegraphFirstRender);
    result.nodes = await page.evaluate(() => window.sidegraph.graph.order);

    // search: typing a name lists it; Enter selects the first match and opens its panel
    await page.fill('#search', searchText);
    result.searchResults = await page.$$eval('#search-results li a', (links) => links.map((a) => a.textContent));
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => document.querySelector('#panel h3') !== null);
    result.searchPanel = await panelTitle(page);

    // filter: unticking "person" hides every person
    const before = await page.evaluate(() => window.sidegraph.visibleNodes());
    await page.uncheck('[data-filter="type"][value="person"]');
    const after = await page.evaluate(() => window.sidegraph.visibleNodes());
    const persons = await page.evaluate(() => window.sidegraph.graph.filterNodes((_, a) => a.category === 'person').length);
    const hiddenShown = await page.evaluate(() => {
      const renderer = window.sidegraph.renderer;
      return window.sidegraph.graph.filterNodes((key, a) => a.category === 'person' && !renderer.getNodeDisplayData(key).hidden).length;
    });
    result.filter = { before, after, persons, personsStillDrawn: hiddenShown };
    await page.check('[data-filter="type"][value="person"]');

    // click: the node under the mouse opens its panel, with the evidence of its links
    await page.click('#search-results', { position: { x: 1, y: 1 }, force: true }).catch(() => {});
    await page.evaluate(() => window.sidegraph.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await page.evaluate(() => window.sidegraph.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await page.evaluate((key) => {
      // zoom on the node so that nothing else lies under the pointer
      const data = window.sidegraph.renderer.getNodeDisplayData(key);
      window.sidegraph.renderer.getCamera().setState({ x: data.x, y: data.y, ratio: 0.05, angle: 0 });
    }, nodeKey);
    await page.waitForTimeout(300);
    const point = await page.evaluate((key) => window.sidegraph.viewportPosition(key), nodeKey);
    const box = await page.$eval('#graph-view', (view) => { const r = view.getBoundingClientRect(); return { x: r.x, y: r.y }; });
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await page.waitForFunction(() => document.querySelector('#panel h3') !== null);
    result.clickPanel = await panelTitle(page);
    result.evidence = await page.$$eval('#panel q', (quotes) => quotes.map((q) => q.textContent));
    await page.evaluate(() => window.sidegraph.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshot });
  } catch (error) {
    result.errors.push(`check failed: ${error.stack || error}`);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(result));
})();
