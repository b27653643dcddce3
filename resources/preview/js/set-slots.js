// SPDX-License-Identifier: GPL-3.0-or-later
// Body of an async function that TayoriPreviewView runs in its isolated script world.
// slots: slot name -> sanitised HTML. Updates every [data-slot] element of that name in place
// (the page is never reloaded). Only the top-level blocks that changed are replaced: a
// keystroke re-lays out one paragraph, not a 30,000-character article, and the reader stays
// where they were. Blocks that only moved in the source get their data-sourcepos updated.

// Attributes that are not the article's: data-sourcepos shifts whenever a line is added
// above, and the preview's highlight (highlight.js) must survive pushes of other blocks.
const VOLATILE = new Set(['data-sourcepos', 'data-tayori-highlight']);

function stableAttributes(element) {
    return [...element.attributes].filter(attr => !VOLATILE.has(attr.name));
}

// Equal apart from the volatile attributes.
function sameShape(a, b) {
    if (a.isEqualNode(b))
        return true;
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName)
        return false;
    if (a.nodeType !== Node.ELEMENT_NODE)
        return a.nodeValue === b.nodeValue;
    const attributes = stableAttributes(a);
    if (attributes.length !== stableAttributes(b).length ||
        a.childNodes.length !== b.childNodes.length)
        return false;
    for (const attr of attributes) {
        if (b.getAttribute(attr.name) !== attr.value)
            return false;
    }
    for (let i = 0; i < a.childNodes.length; i++) {
        if (!sameShape(a.childNodes[i], b.childNodes[i]))
            return false;
    }
    return true;
}

function syncSourcepos(a, b) {
    if (a.nodeType !== Node.ELEMENT_NODE)
        return;
    const pos = b.getAttribute('data-sourcepos');
    if (pos !== null && a.getAttribute('data-sourcepos') !== pos)
        a.setAttribute('data-sourcepos', pos);
    for (let i = 0; i < a.childNodes.length; i++)
        syncSourcepos(a.childNodes[i], b.childNodes[i]);
}

// Whether the shown node @a can stay for the fresh node @b (its positions brought up to date).
function keep(a, b) {
    if (a.isEqualNode(b))
        return true;
    if (!sameShape(a, b))
        return false;
    syncSourcepos(a, b);
    return true;
}

function update(slot, html) {
    const fresh = document.createElement('template');
    fresh.innerHTML = html;
    const next = [...fresh.content.childNodes];
    const old = [...slot.childNodes];
    let start = 0;
    let oldEnd = old.length;
    let nextEnd = next.length;

    while (start < oldEnd && start < nextEnd && keep(old[start], next[start]))
        start++;
    while (oldEnd > start && nextEnd > start && keep(old[oldEnd - 1], next[nextEnd - 1])) {
        oldEnd--;
        nextEnd--;
    }
    const anchor = old[oldEnd] ?? null;
    for (let i = start; i < oldEnd; i++)
        old[i].remove();
    for (let i = start; i < nextEnd; i++)
        slot.insertBefore(next[i], anchor);
}

const x = window.scrollX;
const y = window.scrollY;
for (const [name, html] of Object.entries(slots)) {
    for (const slot of document.querySelectorAll(`[data-slot="${CSS.escape(name)}"]`))
        update(slot, html);
}
// The <title> holds the title as plain text, without a slot element.
const title = document.querySelector('[data-slot="title"]');
if ('title' in slots && title)
    document.title = title.textContent;
window.scrollTo(x, y);
return true;
