// SPDX-License-Identifier: GPL-3.0-or-later
// Body of an async function that TayoriPreviewView runs in its isolated script world.
// line: a 1-based line of the Markdown body. Scrolls to the innermost body block whose
// data-sourcepos ("L:C-L:C", from cmark) covers it, or else to the last block before it.
let covering = null;
let before = null;
for (const block of document.querySelectorAll('[data-slot="body"] [data-sourcepos]')) {
    const range = /^(\d+):\d+-(\d+):\d+$/.exec(block.getAttribute('data-sourcepos'));
    if (!range)
        continue;
    // Blocks come in source order and nested ones after their parent, so the last
    // covering block is the innermost one.
    if (Number(range[1]) > line)
        break;
    if (line <= Number(range[2]))
        covering = block;
    else
        before = block;
}
const target = covering ?? before;
if (target)
    target.scrollIntoView({ block: 'start' });
return target !== null;
