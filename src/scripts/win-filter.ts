// Progressive enhancement for win lists: reveal the kind filter and hide the wins of other kinds.

export function enhanceWinFilters(root: ParentNode): void {
  for (const list of root.querySelectorAll<HTMLElement>('[data-win-list]')) {
    const filter = list.querySelector<HTMLElement>('[data-filter]');
    if (!filter) continue;
    const status = filter.querySelector<HTMLElement>('[data-filter-status]');
    const chips = [...filter.querySelectorAll<HTMLButtonElement>('button[data-kind]')];
    filter.hidden = false;
    const apply = (kind: string) => {
      let shown = 0;
      for (const chip of chips) chip.setAttribute('aria-pressed', String(chip.dataset.kind === kind));
      for (const group of list.querySelectorAll<HTMLElement>('[data-group]')) {
        let visible = 0;
        for (const item of group.querySelectorAll<HTMLElement>('li[data-kind]')) {
          // One entry holds a run's wins: it matches any of their kinds.
          const match = kind === '' || (item.dataset.kinds ?? item.dataset.kind ?? '').split(' ').includes(kind);
          item.hidden = !match;
          if (match) visible += 1;
        }
        group.hidden = visible === 0;
        shown += visible;
      }
      if (status) status.textContent = `${shown} ${shown === 1 ? 'entry' : 'entries'} shown`;
    };
    for (const chip of chips) chip.addEventListener('click', () => apply(chip.dataset.kind ?? ''));
  }
}
