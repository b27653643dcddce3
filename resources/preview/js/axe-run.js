// SPDX-License-Identifier: GPL-3.0-or-later
// Body of an async function run in the "tayori-axe" script world: axe-core on the whole page
// (WCAG 2.0/2.1 A and AA), reduced to what findings need. Returns null while axe is not in
// this page yet, else JSON: {rules: [{id, kind: "violation"|"incomplete", help, helpEn, tags,
// actIds, nodes: [{impact, selector, sourcepos?, at?}]}]} where sourcepos is the closest
// data-sourcepos in the article body and at the index of the closest source-marked element
// (data-tayori-at, put on HTML input by tayori-axe-check.c).
if (typeof axe === 'undefined' || !globalThis.tayoriAxeRules)
    return null;

// Source marks are read once and removed, so axe never builds selectors from them.
globalThis.tayoriAxeMarks ??= new WeakMap();
for (const element of document.querySelectorAll('[data-tayori-at]')) {
    tayoriAxeMarks.set(element, Number(element.getAttribute('data-tayori-at')));
    element.removeAttribute('data-tayori-at');
}

// In the live preview the body is a slot; a standalone page has data-sourcepos only there.
const bodySlot = document.querySelector('[data-slot="body"]');

function locate(element) {
    for (let node = element; node; node = node.parentElement) {
        if (tayoriAxeMarks.has(node))
            return { at: tayoriAxeMarks.get(node) };
    }
    const block = element?.closest('[data-sourcepos]');
    if (block && (!bodySlot || bodySlot.contains(block)))
        return { sourcepos: block.getAttribute('data-sourcepos') };
    return {};
}

// A long article can have thousands of nodes per rule; the panel lists far fewer, and the
// result has to cross to Tayori's process: at most this many nodes per rule.
const MAX_NODES_PER_RULE = 100;

// A target is a list (one entry per frame) of selectors, or of selector lists in shadow DOM.
function selectorOf(target) {
    const last = target[target.length - 1];
    return Array.isArray(last) ? last.join(' ') : last;
}

async function run() {
    const results = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations', 'incomplete'],
        // Frames are never loaded in our pages: do not wait for them to answer.
        iframes: false,
        elementRef: true,
        // Stylesheets are not fetched again (the page's policy would refuse it anyway).
        preload: false,
    });
    const rules = [];
    for (const [kind, list] of [['violation', results.violations], ['incomplete', results.incomplete]]) {
        for (const rule of list) {
            const english = tayoriAxeRules[rule.id] ?? { help: rule.help, actIds: [] };
            rules.push({
                id: rule.id,
                kind,
                help: rule.help,
                helpEn: english.help,
                tags: rule.tags,
                actIds: english.actIds,
                nodes: rule.nodes.slice(0, MAX_NODES_PER_RULE).map(node => ({
                    impact: node.impact ?? rule.impact ?? '',
                    selector: selectorOf(node.target),
                    ...locate(node.element),
                })),
            });
        }
    }
    return JSON.stringify({ rules });
}

// axe refuses to start while it runs: a second request waits for the first.
const current = (globalThis.tayoriAxeQueue ?? Promise.resolve()).catch(() => null).then(run);
globalThis.tayoriAxeQueue = current;
return await current;
