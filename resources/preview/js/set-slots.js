// SPDX-License-Identifier: GPL-3.0-or-later
// Body of an async function that TayoriPreviewView runs in its isolated script world.
// slots: slot name -> sanitised HTML. Replaces the content of every [data-slot] element of
// that name in place (the page is never reloaded) and keeps the reader where they were.
const x = window.scrollX;
const y = window.scrollY;
for (const [name, html] of Object.entries(slots)) {
    for (const slot of document.querySelectorAll(`[data-slot="${CSS.escape(name)}"]`))
        slot.innerHTML = html;
}
// The <title> holds the title as plain text, without a slot element.
const title = document.querySelector('[data-slot="title"]');
if ('title' in slots && title)
    document.title = title.textContent;
window.scrollTo(x, y);
return true;
