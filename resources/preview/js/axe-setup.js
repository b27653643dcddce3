// SPDX-License-Identifier: GPL-3.0-or-later
// Body of an async function run once per page, in the "tayori-axe" script world, right after
// axe.min.js: keeps every rule's English help and ACT ids, then switches axe to Japanese and
// off serialising nodes to HTML (findings do not use it, and it costs ~10 % of a run).
// locale: the text of axe-core's locales/ja.json.
globalThis.tayoriAxeRules = Object.fromEntries(axe.getRules().map(rule => [
    rule.ruleId, { help: rule.help, actIds: rule.actIds ?? [] },
]));
axe.configure({ locale: JSON.parse(locale), noHtml: true });
return axe.version;
