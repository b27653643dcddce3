// SPDX-License-Identifier: GPL-3.0-or-later
// Body of an async function that TayoriPreviewView runs in its isolated script world.
// selector, sourcepos: strings, '' for none. Clears the earlier mark, then marks and scrolls to
// the element @selector finds (a selector relative to the body, or one for the whole page as
// axe gives), else the body block whose data-sourcepos is @sourcepos. Returns whether one was.
const MARK = 'data-tayori-highlight';

for (const element of document.querySelectorAll(`[${MARK}]`))
    element.removeAttribute(MARK);

if (!document.querySelector('style[data-tayori-highlight-style]')) {
    const style = document.createElement('style');
    style.setAttribute('data-tayori-highlight-style', '');
    style.textContent = `[${MARK}] { outline: 3px solid #b3261e; outline-offset: 2px; }`;
    document.head.append(style);
}

function find(root, query) {
    try {
        return root.querySelector(query);
    } catch (e) {
        return null; // not a valid selector
    }
}

const body = document.querySelector('[data-slot="body"]');
let target = null;
if (selector)
    target = (body ? find(body, `:scope > ${selector}`) : null) ?? find(document, selector);
if (!target && sourcepos && body)
    target = find(body, `[data-sourcepos="${CSS.escape(sourcepos)}"]`);
if (target) {
    target.setAttribute(MARK, '');
    target.scrollIntoView({ block: 'center' });
}
return target !== null;
