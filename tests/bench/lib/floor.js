// The floor any highlighter pays: one TreeWalker pass over the text nodes, one combined RegExp of
// the surface forms (alternation, longest first, whole-word by Unicode letters and digits,
// case-insensitive) run on each text node, nothing painted. A classic-script fragment: the
// benchmark pastes it into the scripts that run it (the whole-page floor, the engine-only harness).

function tlbFloorRegExp(forms) {
  const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
}

function tlbFloorSearch(root, re) {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let matches = 0;
  let chars = 0;
  // The walker does not visit `root` itself, which may be a text node (an appended one).
  const first = root.nodeType === Node.TEXT_NODE ? root : walker.nextNode();
  for (let n = first; n; n = walker.nextNode()) {
    if (skip.has(n.parentNode?.nodeName)) continue;
    const text = n.data;
    chars += text.length;
    re.lastIndex = 0;
    while (re.exec(text)) matches++;
  }
  return { matches, chars };
}

// biome-ignore lint/correctness/noUnusedVariables: called by the scripts this is pasted into
function tlbFloor(root, forms) {
  return tlbFloorSearch(root, tlbFloorRegExp(forms));
}
