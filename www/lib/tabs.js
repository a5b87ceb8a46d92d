// The view tabs, per the WAI-ARIA tabs pattern: arrow keys, Home and End move
// between tabs (and show the view), Tab moves into the shown panel.

/** Wires the tablist; returns `show(name)` to switch views from code. */
export function setUpTabs(tablist, onShow) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const panelOf = (tab) => document.getElementById(tab.getAttribute("aria-controls"));

  function select(tab, focus) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      panelOf(other).hidden = !selected;
    }
    if (focus) tab.focus();
    onShow(tab.id.replace(/^tab-/, ""));
  }

  for (const tab of tabs) {
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const index = tabs.indexOf(tab);
      const next = {
        ArrowRight: tabs[(index + 1) % tabs.length],
        ArrowLeft: tabs[(index - 1 + tabs.length) % tabs.length],
        Home: tabs[0],
        End: tabs[tabs.length - 1],
      }[event.key];
      if (next) {
        event.preventDefault();
        select(next, true);
      }
    });
  }
  return (name) => {
    const tab = tabs.find((candidate) => candidate.id === `tab-${name}`);
    if (tab) select(tab, false);
  };
}
