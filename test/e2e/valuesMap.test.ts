// The values map in the browser, as a person meets it: the sample journal's map with its gap markers, a
// click that opens a commitment's note, hostile note text shown as text, light and dark themes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { findInWebview, runCommand, screenshot } from './helpers';
import { workbench } from './workbench';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'sample', 'coaching');

/** A session whose commitments try to inject markup and script. */
const HOSTILE_NOTE = `---
type: coaching-session
id: s-2026-11-25
date: "2026-11-25"
focus: [hostile-area]
actions:
  - id: a-20261125-x55a
    text: "<img src=x onerror=\\"document.title='pwned'\\">"
    focus: hostile-area
    values: [hostile]
    success: "**bold** <iframe src=javascript:alert(4)></iframe> [x](command:workbench.action.quit)"
    due: "2026-12-02"
    status: open
  - id: a-20261125-x55b
    text: "</script><script>alert(1)</script>"
    due: "2026-12-02"
    status: open
---
`;

/** Hostile text in every other field the map shows: the vision, a value's name, a focus area's title and success. */
const HOSTILE_VISION = '<svg onload="document.title=\'pwned\'"></svg> \u202Ereversed';
const HOSTILE_VALUE = '$(alert) [quit](command:workbench.action.quit) <b>bold</b>';
const HOSTILE_AREA = '"] --> n0 %% `tick` <style>*{display:none}</style>';
const HOSTILE_AREA_SUCCESS = '<img src=y onerror=alert(3)>';
const HOSTILE_AREA_NOTE = `---
type: coaching-focus-area
id: hostile-area
title: ${JSON.stringify(HOSTILE_AREA)}
values: [hostile]
status: active
success: ${JSON.stringify(HOSTILE_AREA_SUCCESS)}
---
`;

/** The sample's big picture with the hostile vision and one more value (served by the hostile commitment). */
function hostileBigPicture(text: string): string {
  const withVision = text.replace(/^vision: .*$/m, `vision: ${JSON.stringify(HOSTILE_VISION)}`);
  return withVision.replace(/\n---\n/, `\n  - id: hostile\n    name: ${JSON.stringify(HOSTILE_VALUE)}\n---\n`);
}

/** Switches the colour theme through the workspace settings (the theme picker also lists the marketplace). */
const THEME_CLASS = {
  'Default Light Modern': 'vs', 'Default Dark Modern': 'vs-dark', 'Default High Contrast': 'hc-black', 'Default High Contrast Light': 'hc-light',
} as const;

async function useTheme(theme: keyof typeof THEME_CLASS): Promise<void> {
  const { page, workspace } = workbench();
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme }, null, 2));
  await page.waitForFunction(`document.querySelector('.monaco-workbench')?.classList.contains('${THEME_CLASS[theme]}')`, undefined, { timeout: 20_000 });
  await page.waitForTimeout(800); // the webview gets the new --vscode-* variables
}

interface HcProbe {
  background: string;
  contrastBorder: string;
  contrastActiveBorder: string;
  errorForeground: string;
  warningForeground: string;
  nodes: { label: string; stroke: string; strokeWidth: number; fill: string; text: string; focused: boolean; overdue: boolean; unlinked: boolean }[];
  legend: { text: string; color: string }[];
}

/**
 * Runs in the map's webview: the theme's colours (resolved to rgb by the browser), and for every node its
 * outline, its box and its text colour as drawn. A box with no fill of its own shows the page background.
 */
const HC_PROBE = `(() => {
  const resolve = (name) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(' + name + ')';
    document.body.appendChild(probe);
    const value = getComputedStyle(probe).color;
    probe.remove();
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() ? value : '';
  };
  const background = getComputedStyle(document.body).backgroundColor;
  const opaque = (c) => (c === 'none' || c === 'transparent' || /rgba\\(.*, 0\\)$/.test(c) ? background : c);
  const nodes = [...document.querySelectorAll('svg.map g.node')].map((g) => {
    const rect = g.querySelector('rect');
    const r = getComputedStyle(rect);
    return {
      label: (g.textContent || '').slice(0, 40), stroke: r.stroke, strokeWidth: parseFloat(r.strokeWidth), fill: opaque(r.fill),
      text: getComputedStyle(g.querySelector('text')).fill, focused: g === document.activeElement,
      overdue: g.classList.contains('overdue'), unlinked: g.classList.contains('kind-unlinked'),
    };
  });
  const legend = [...document.querySelectorAll('.legend li')].map((li) => ({ text: li.textContent, color: getComputedStyle(li).color }));
  return {
    background, contrastBorder: resolve('--vscode-contrastBorder'), contrastActiveBorder: resolve('--vscode-contrastActiveBorder'),
    errorForeground: resolve('--vscode-editorError-foreground'), warningForeground: resolve('--vscode-editorWarning-foreground'), nodes, legend,
  };
})()`;

/** WCAG contrast ratio of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('Values map in the browser', () => {
  let saved: string;
  let journal: string;
  let map: Frame;
  const dialogs: string[] = [];

  before(async () => {
    // The map of the sample journal (plus one hostile note): swap it in for the fixture, put it back after.
    const { page, workspace } = workbench();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    journal = path.join(workspace, 'coaching');
    saved = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-map-e2e-'));
    fs.cpSync(journal, path.join(saved, 'coaching'), { recursive: true });
    fs.rmSync(journal, { recursive: true, force: true });
    fs.cpSync(SAMPLE, journal, { recursive: true });
    fs.writeFileSync(path.join(journal, 'focus-areas', 'hostile-area.md'), HOSTILE_AREA_NOTE);
    const bigPicture = path.join(journal, 'big-picture.md');
    fs.writeFileSync(bigPicture, hostileBigPicture(fs.readFileSync(bigPicture, 'utf8')));
    fs.writeFileSync(path.join(journal, 'sessions', '2026-11-25.md'), HOSTILE_NOTE);
  });

  after(async () => {
    const { page } = workbench();
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
    fs.rmSync(journal, { recursive: true, force: true });
    fs.cpSync(path.join(saved, 'coaching'), journal, { recursive: true });
    fs.rmSync(path.join(workbench().workspace, '.vscode', 'settings.json'), { force: true });
  });

  it('opens from the command palette and draws the sample journal with its gaps', async () => {
    const { page } = workbench();
    await runCommand(page, 'Coaching: Open Values Map');
    // The hostile note is the last one written: wait until the map has it (the journal redraws live).
    const found = await findInWebview(page, 'svg.map g.node.kind-commitment >> text=alert(1)', 60_000);
    map = found.frame;
    const labels = await map.locator('svg.map g.node').evaluateAll((gs) => gs.map((g) => g.textContent ?? ''));
    for (const expected of ['Impact on people', 'Craft', 'Teaching', 'Time with family', 'Lead without the title', 'Linked to no value']) {
      assert.ok(labels.some((l) => l.includes(expected)), `the map shows "${expected}"`);
    }
    // Gaps in the last 30 days (the default period): Craft (its last commitment closed on 2026-10-19),
    // Lead without the title (no open commitment), the hostile commitment with no value (and its lane).
    // Time with family is not one: its commitment closed on 2026-11-02, within the period.
    const gaps = await map.locator('svg.map g.node.gap').evaluateAll((gs) => gs.map((g) => g.textContent ?? ''));
    for (const expected of ['Craft', 'Lead without the title', 'alert(1)', 'Linked to no value']) {
      assert.ok(gaps.some((l) => l.includes(expected)), `"${expected}" is marked as a gap (${gaps.join(' | ')})`);
    }
    assert.ok(!gaps.some((l) => l.includes('Time with family')), gaps.join(' | '));
    assert.strictEqual(await map.locator('svg.map g.node.gap rect.gap-mark').count(), gaps.length);
    const legend = await map.locator('.legend-gaps li').allInnerTexts();
    assert.deepStrictEqual(legend.map((l) => l.replace(/^◌\s*/, '')), [
      '1 value has no action in the last 30 days', '1 focus area has no open commitment', '1 commitment is linked to no value',
    ]);
    // The journal's rhythm, as `coaching-journal stats --today 2026-11-24` counts it for these notes:
    // 11 session notes (the hostile one is dated after today, so it is not in the streak), 12 of the 17
    // commitments closed, 11 of them done or partly.
    const stats = await map.locator('.legend-stats li').allInnerTexts();
    assert.deepStrictEqual(stats.map((l) => l.replace(/^·\s*/, '')), [
      '11 sessions', 'Streak: 10 sessions within 7 days of each other', 'Follow-through: 92% (11 of 12 closed done or partly; 5 open, 1 carried forward)',
    ]);
  });

  it('counts the gaps over the period chosen: none in the last 3 months', async () => {
    await map.locator('#period').selectOption('quarter');
    await map.locator('.legend-gaps li', { hasText: 'focus area' }).waitFor();
    await map.locator('svg.map g.node.gap.kind-value').first().waitFor({ state: 'detached' });
    const legend = await map.locator('.legend-gaps li').allInnerTexts();
    assert.deepStrictEqual(legend.map((l) => l.replace(/^◌\s*/, '')), ['1 focus area has no open commitment', '1 commitment is linked to no value']);
    await map.locator('#period').selectOption('month');
    await map.locator('svg.map g.node.gap.kind-value', { hasText: 'Craft' }).waitFor();
  });

  it('shows hostile note text as text: no element is created and no script runs', async () => {
    const texts = await map.locator('svg.map g.node.kind-commitment text').allTextContents();
    assert.ok(texts.some((t) => t.includes('<img src=x') && t.includes('onerror="document.title=\'pwned\'">')), texts.join(' | '));
    assert.ok(texts.includes('</script><script>alert(1)</script>'), texts.join(' | '));
    assert.strictEqual(await map.locator('img').count(), 0);
    // VS Code adds its own script to the webview document; none may come from a note.
    const scripts = await map.locator('script').evaluateAll((ss) => ss.map((x) => `${x.getAttribute('src') ?? ''} ${x.textContent ?? ''}`));
    assert.strictEqual(scripts.filter((x) => x.includes('/media/map/map.js')).length, 1, scripts.join(' | '));
    assert.ok(!scripts.some((x) => x.includes('alert(1)')), scripts.join(' | '));
    // Every other field, in each node's tooltip (its <title>), exactly as the note has it.
    const tips = await map.locator('svg.map g.node > title').allTextContents();
    for (const [field, text] of [
      ['vision', HOSTILE_VISION], ['value name', HOSTILE_VALUE], ['focus area title', HOSTILE_AREA],
      ['focus area success', `Success: ${HOSTILE_AREA_SUCCESS}`], ['commitment success', 'Success: **bold** <iframe src=javascript:alert(4)></iframe> [x](command:workbench.action.quit)'],
    ]) {
      assert.ok(tips.some((t) => t.includes(text)), `the ${field} is shown as text: ${tips.join(' | ')}`);
    }
    // (VS Code puts its own <style> in the webview's head; none may appear in what the map draws.)
    for (const tag of ['img', 'iframe', 'b', 'style', 'a', 'foreignObject', 'svg:not(.map):not(.swatch)']) {
      assert.strictEqual(await map.locator(`body ${tag}`).count(), 0, `no <${tag}> from a note`);
    }
    assert.notStrictEqual(await map.evaluate('document.title'), 'pwned');
    assert.notStrictEqual(await workbench().page.title(), 'pwned');
    assert.deepStrictEqual(dialogs, []);
  });

  it('moves through the nodes with Tab, each one labelled for screen readers', async () => {
    const nodes = map.locator('svg.map g.node[role="button"]');
    assert.ok((await nodes.count()) >= 10);
    await nodes.first().focus();
    const first = (await map.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label') || ''")) as string;
    await workbench().page.keyboard.press('Tab');
    const second = (await map.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label') || ''")) as string;
    assert.match(first, /^Vision: /);
    assert.match(second, /^(Value|Focus area|Commitment): .*Press Enter to open the note\.$/);
    assert.match(await map.locator('.details').innerText(), /^(Value|Focus area|Commitment): /);
  });

  it('takes screenshots in the light and the dark theme', async () => {
    const { page } = workbench();
    // Room for the map: no side bar, no panel.
    await runCommand(page, 'View: Close Primary Side Bar').catch(() => page.keyboard.press('Escape'));
    await runCommand(page, 'View: Close Panel').catch(() => page.keyboard.press('Escape'));
    await useTheme('Default Light Modern');
    await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).hover();
    await screenshot(page, 'values-map-light');
    await useTheme('Default Dark Modern');
    await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).hover();
    await screenshot(page, 'values-map-dark');
  });

  it('reads in both high-contrast themes: nodes outlined in the contrast border, focus in the active one, text clear of its background', async () => {
    for (const [theme, shot, bodyClass] of [
      ['Default High Contrast', 'values-map-hc-dark', 'vscode-high-contrast'],
      ['Default High Contrast Light', 'values-map-hc-light', 'vscode-high-contrast-light'],
    ] as const) {
      await useTheme(theme);
      await map.locator(`body.${bodyClass}`).waitFor({ timeout: 20_000 });
      // No pointer over the map; keyboard focus on a commitment (the ring a keyboard user follows).
      await workbench().page.mouse.move(1, 450);
      await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).focus();
      await workbench().page.keyboard.press('Tab');
      await workbench().page.keyboard.press('Shift+Tab');
      const probe = (await map.evaluate(HC_PROBE)) as HcProbe;
      const where = `${theme}: ${JSON.stringify(probe)}`;
      assert.ok(probe.contrastBorder && probe.contrastBorder !== probe.background, where);
      assert.ok(probe.contrastActiveBorder, where);
      assert.ok(probe.nodes.length >= 10, where);
      for (const n of probe.nodes) {
        const expected = n.focused ? probe.contrastActiveBorder : n.overdue ? probe.errorForeground : n.unlinked ? probe.warningForeground : probe.contrastBorder;
        assert.strictEqual(n.stroke, expected, `${n.label}: outline (${where})`);
        assert.ok(n.strokeWidth >= 1, `${n.label}: a visible outline (${where})`);
        assert.notStrictEqual(n.text, n.fill, `${n.label}: text unlike its box (${where})`);
        assert.ok(contrast(n.text, n.fill) >= 4.5, `${n.label}: text contrast ${contrast(n.text, n.fill).toFixed(2)} (${where})`);
      }
      assert.strictEqual(probe.nodes.filter((n) => n.focused).length, 1, `one focused node (${where})`);
      assert.strictEqual(probe.nodes.find((n) => n.focused)?.strokeWidth, 3, where);
      for (const l of probe.legend) {
        assert.ok(contrast(l.color, probe.background) >= 4.5, `legend "${l.text}": contrast ${contrast(l.color, probe.background).toFixed(2)} (${where})`);
      }
      await screenshot(workbench().page, shot);
    }
    await useTheme('Default Light Modern');
  });

  it('opens the note of a commitment at its line when the commitment is clicked', async () => {
    const { page } = workbench();
    await map.locator('svg.map g.node.kind-commitment', { hasText: 'Offer Daniel' }).click();
    await page.locator('.tabs-container .tab.active', { hasText: '2026-11-23.md' }).waitFor();
    const lines = fs.readFileSync(path.join(journal, 'sessions', '2026-11-23.md'), 'utf8').split(/\r?\n/);
    const line = lines.findIndex((l) => l.includes('id: a-20261123-y9cj')) + 1;
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor();
    await screenshot(page, 'values-map-opened-note');
  });
});
