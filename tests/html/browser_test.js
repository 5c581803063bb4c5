#!/usr/bin/env node
// The HTML report in a real browser (ctest html_report_browser). Runs viewcheck with --html on a
// few corpus files and on hostile.c (under a file name full of markup), then drives Debian's
// headless Chromium through playwright-core over file:// URLs and checks the DOM: one table row
// per finding, sorting by a click on a header, filtering, step links that reach their anchors,
// hostile source shown as text with no injected script run, no request leaving file://. Saves
// screenshots of the index and of a finding page in the work directory and prints their paths.
'use strict';

const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const CORPUS_FILES = {
  'src/views': ['vc004_seed_slice.c', 'vc004_helper_clip.c', 'flow_vc005_and_condition.c'],
  'src/release': ['vc007_double_release.c', 'ipa_vc007_use_in_helper.c', 'vc006_live_slice.c'],
  'src/overlap': ['vc002_stencil_inplace.c', 'vc003_loop_residual.c', 'vc001_diagonal_fill.c'],
};
// A file name that is itself markup: it shows up in the table, the charts and the pages.
const HOSTILE_NAME = 'hostile<img src=x onerror=window.__pwned=9>\'&".c';
const HOSTILE_TEXT = "'<script>alert(1)</script>'";
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync'];

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length)
      throw new Error(`usage: browser_test.js --viewcheck EXE --corpus DIR --include DIR ` +
                      `--work DIR --chromium EXE [--node-modules DIR]`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const key of ['viewcheck', 'corpus', 'include', 'work', 'chromium'])
    if (!args[key]) throw new Error(`missing --${key}`);
  return args;
}

function loadPlaywright(nodeModules) {
  const paths = [nodeModules, __dirname].filter(Boolean);
  try {
    return require(require.resolve('playwright-core', { paths }));
  } catch (e) {
    throw new Error(`playwright-core not found in ${paths.join(', ')}: run 'npm ci' in ` +
                    `${nodeModules ? path.dirname(nodeModules) : __dirname} (${e.message})`);
  }
}

// The sources to analyze, copied under work/: directories give the per-directory chart bars. An
// empty .viewcheck.yaml keeps any configuration further up the tree (exclusions) out.
function prepareSources(args) {
  fs.rmSync(args.work, { recursive: true, force: true });
  const files = [];
  for (const [dir, names] of Object.entries(CORPUS_FILES)) {
    fs.mkdirSync(path.join(args.work, dir), { recursive: true });
    for (const name of names) {
      fs.copyFileSync(path.join(args.corpus, name), path.join(args.work, dir, name));
      files.push(path.join(dir, name));
    }
  }
  fs.mkdirSync(path.join(args.work, 'src/evil'), { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'hostile.c'), path.join(args.work, 'src/evil', HOSTILE_NAME));
  files.push(path.join('src/evil', HOSTILE_NAME));
  fs.writeFileSync(path.join(args.work, 'src/.viewcheck.yaml'), '# analyze everything here\n');
  return files;
}

function viewcheck(args, argv) {
  const r = spawnSync(args.viewcheck, argv, { cwd: args.work, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`viewcheck ${argv.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r;
}

// Two runs into a fresh database (the trend chart has two points), the second with --html and
// JSON; then `viewcheck report --html` renders the stored run again.
function runViewcheck(args, files) {
  const db = path.join(args.work, 'results.db');
  const compiler = ['--', '-I', args.include];
  viewcheck(args, ['-q', '--db', db, ...files.slice(0, 3), ...compiler]);
  viewcheck(args, ['-q', '--db', db, '-f', 'json', '-o', 'findings.json', '--html', 'report',
                   ...files, ...compiler]);
  viewcheck(args, ['report', '--db', db, '--html', 'stored']);
  const findings = JSON.parse(fs.readFileSync(path.join(args.work, 'findings.json'))).findings;
  assert.ok(findings.length >= 10, `expected at least 10 findings, got ${findings.length}`);
  assert.ok(findings.some((f) => f.suppressed), 'expected a suppressed finding');
  return findings;
}

function checkFiles(args, findings) {
  for (const dir of ['report', 'stored']) {
    for (let i = 1; i <= findings.length; i++)
      assert.ok(fs.existsSync(path.join(args.work, dir, `finding-${i}.html`)), `${dir}/finding-${i}`);
    for (const name of fs.readdirSync(path.join(args.work, dir))) {
      const html = fs.readFileSync(path.join(args.work, dir, name), 'utf8');
      assert.ok(!/<script>alert|<script>window|<img /i.test(html), `${dir}/${name}: raw markup`);
      assert.ok(!/(src|href)="(https?:)?\/\//i.test(html), `${dir}/${name}: a network reference`);
    }
  }
}

const url = (args, dir, name) => pathToFileURL(path.join(args.work, dir, name)).href;

async function visibleColumn(page, column) {
  return page.$$eval('#findings tbody tr:not([hidden])',
                     (rows, c) => rows.map((r) => r.cells[c].textContent.trim()), column);
}

async function checkSort(page, findings) {
  const sorted = (xs) => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await page.click('#findings th:nth-child(2) button'); // Rule
  const rules = await visibleColumn(page, 1);
  assert.deepEqual(rules, sorted(findings.map((f) => f.rule)), 'rule column ascending');
  assert.equal(await page.getAttribute('#findings th:nth-child(2)', 'aria-sort'), 'ascending');
  await page.click('#findings th:nth-child(2) button');
  assert.deepEqual(await visibleColumn(page, 1), sorted(rules).reverse(), 'rule descending');
  await page.click('#findings th:nth-child(3) button'); // Level: errors first
  const levels = await visibleColumn(page, 2);
  assert.deepEqual(levels, sorted(levels), 'level column ascending');
  assert.equal(levels[0], 'error');
  await page.click('#findings th:nth-child(1) button'); // # restores the report's order
  const numbers = (await visibleColumn(page, 0)).map(Number);
  assert.deepEqual(numbers, findings.map((_, i) => i + 1), 'number column ascending');
}

async function checkFilter(page, findings) {
  const visible = async () => (await visibleColumn(page, 0)).length;
  await page.fill('#filter-text', 'release');
  const expected = findings.filter((f) =>
    [f.file, f.rule, f.function, f.message].join(' ').toLowerCase().includes('release')).length;
  assert.ok(expected > 0 && expected < findings.length);
  assert.equal(await visible(), expected, 'text filter');
  assert.equal(await page.textContent('#shown-count'), String(expected));
  await page.fill('#filter-text', 'no such text anywhere');
  assert.equal(await visible(), 0, 'text filter hides every row');
  await page.fill('#filter-text', '');
  await page.selectOption('#filter-rule', 'VC007');
  assert.equal(await visible(), findings.filter((f) => f.rule === 'VC007').length, 'rule filter');
  await page.selectOption('#filter-rule', '');
  await page.selectOption('#filter-level', 'warning');
  assert.equal(await visible(), findings.filter((f) => f.level === 'warning').length, 'level');
  await page.selectOption('#filter-level', '');
  await page.uncheck('#filter-suppressed');
  assert.equal(await visible(), findings.filter((f) => !f.suppressed).length, 'suppressed');
  await page.check('#filter-suppressed');
  assert.equal(await visible(), findings.length);
}

async function checkIndex(page, args, findings, dir) {
  await page.goto(url(args, dir, 'index.html'));
  assert.equal(await page.locator('#findings tbody tr').count(), findings.length, 'table rows');
  assert.equal(await page.textContent('#count-findings .n'), String(findings.length));
  assert.ok(await page.locator('#per-rule svg rect').count() > 0, 'chart per rule');
  assert.ok(await page.locator('#per-directory svg rect').count() >= 4, 'chart per directory');
  assert.equal(await page.locator('#trend svg g title').count(), 2, 'trend: two stored runs');
  assert.ok((await page.textContent('#findings')).includes(HOSTILE_NAME), 'file name as text');
  assert.equal(await page.locator('script').count(), 1, 'only the report\'s own script');
  assert.equal(await page.locator('img').count(), 0, 'no injected image');
}

async function checkFindingPage(page, args, findings, i) {
  const f = findings[i];
  await page.goto(url(args, 'report', `finding-${i + 1}.html`));
  const anchors = await page.$$eval('a[href^="#"]', (as) => as.map((a) => a.getAttribute('href')));
  const steps = await page.locator('ol.steps li').count();
  assert.equal(steps, f.notes.length + 1, `finding ${i + 1}: steps`);
  for (const a of anchors)
    assert.equal(await page.locator(`[id="${a.slice(1)}"]`).count(), 1, `${a} exists`);
  for (let k = 1; k <= steps; k++)
    assert.ok(anchors.includes(`#step-${k}`), `finding ${i + 1}: a link to step ${k}`);
  assert.equal(await page.locator('#rule h2').count(), 1, 'the rule\'s documentation');
  assert.equal(await page.locator('script').count(), 0, 'no script on a finding page');
  assert.equal(await page.locator('img').count(), 0, 'no injected image');
}

async function checkHostilePage(page, args, findings) {
  const i = findings.findIndex((f) => f.file.includes('hostile') && !f.suppressed);
  assert.ok(i >= 0, 'a finding in the hostile file');
  await checkFindingPage(page, args, findings, i);
  const text = await page.textContent('body');
  for (const s of [HOSTILE_TEXT, HOSTILE_NAME, String.raw`'&' \"<script>alert(2)</script>\"`,
                   '"<script>alert(\'b\')</script>" & more', '"&lt;"'])
    assert.ok(text.includes(s), `shown as text: ${s}`);
  await page.click('ol.steps li:nth-child(3) a.step');
  assert.equal(new URL(page.url()).hash, '#step-3');
  assert.equal(await page.$eval(':target', (e) => e.id), 'step-3', 'the step link reaches its block');
  const s = findings.findIndex((f) => f.file.includes('hostile') && f.suppressed);
  await page.goto(url(args, 'report', `finding-${s + 1}.html`));
  assert.ok((await page.textContent('.notice')).includes('<script>window.__pwned = 3</script>'));
  return i;
}

async function main() {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const { chromium } = loadPlaywright(args['node-modules']);
  const findings = runViewcheck(args, prepareSources(args));
  checkFiles(args, findings);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'viewcheck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium, headless: true, args: LAUNCH_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const requests = [], errors = [];
  let shots;
  try {
    const page = context.pages()[0] || (await context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
    await checkIndex(page, args, findings, 'stored');
    await checkIndex(page, args, findings, 'report');
    await checkSort(page, findings);
    await checkFilter(page, findings);
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
    shots = [path.join(args.work, '..', 'report.png'), path.join(args.work, '..', 'finding.png')];
    await page.screenshot({ path: shots[0], fullPage: true });
    for (let i = 0; i < findings.length; i++)
      await checkFindingPage(page, args, findings, i);
    await checkHostilePage(page, args, findings);
    const hostile = findings.findIndex((f) => f.file.includes('hostile') && !f.suppressed);
    await page.goto(url(args, 'report', `finding-${hostile + 1}.html`));
    assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
    await page.screenshot({ path: shots[1], fullPage: true });
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  assert.deepEqual(errors, [], 'no script error and no dialog');
  const away = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
  assert.deepEqual(away, [], 'no request leaves file://');
  for (const shot of shots) console.log(`screenshot: ${shot}`);
  console.log(`html_report_browser: ${findings.length} findings checked in ` +
              `${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`html_report_browser: FAILED: ${e.stack || e}`);
  process.exit(1);
});
