// Charts drawn with plain DOM elements: a heatmap table for the value matrix, bars for the levers.
window.DashboardCharts = (() => {
  // Names of value forms and levers, and how a matrix cell's tooltip reads ("{row} × {column} : {count}"), in
  // the page's language: set once the dashboard has its words.
  let names = {};
  let matrixCell = '';
  const setWords = (words) => {
    names = words.names;
    matrixCell = words.matrixCell;
  };
  const label = (id) => names[id] ?? id.replaceAll('_', ' ');
  const fill = (pattern, values) => pattern.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

  function element(tag, attributes = {}, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** valueMatrix[a][b] as a table; cell shade grows with the count (the largest is darkest). */
  function valueMatrix(container, matrix) {
    const ids = Object.keys(matrix);
    let max = 0;
    for (const a of ids) for (const b of ids) max = Math.max(max, matrix[a][b] ?? 0);
    const table = element('table', { class: 'heatmap', 'data-max': String(max) });
    const head = element('tr');
    head.append(element('th'));
    for (const id of ids)
      head.append(element('th', { scope: 'col', class: 'col', title: label(id) }, label(id)));
    table.append(head);
    for (const a of ids) {
      const row = element('tr');
      row.append(element('th', { scope: 'row' }, label(a)));
      for (const b of ids) {
        const count = matrix[a][b] ?? 0;
        const cell = element(
          'td',
          {
            'data-count': String(count),
            title: fill(matrixCell, { row: label(a), column: label(b), count: String(count) }),
          },
          count ? String(count) : '',
        );
        const strength = max ? count / max : 0;
        cell.style.backgroundColor = `rgba(43, 87, 151, ${strength.toFixed(3)})`;
        if (strength > 0.5) cell.classList.add('strong');
        row.append(cell);
      }
      table.append(row);
    }
    container.replaceChildren(table);
  }

  /**
   * One bar per lever, its length proportional to how often the lever was evidenced. With `strengthOf`
   * (an interview's reading: lever id to its strength and the words saying it), each bar is coloured by
   * how well the lever is evidenced and says so in words; a study's totals have no such reading.
   */
  function leverBars(container, levers, strengthOf) {
    const entries = Object.entries(levers);
    const max = Math.max(1, ...entries.map(([, lever]) => lever.count));
    const list = element('div', { class: 'bars' });
    for (const [id, lever] of entries) {
      const bar = element('div', { class: 'lever-bar', 'data-lever': id, 'data-count': String(lever.count) });
      const fill = element('span', { class: 'fill' });
      fill.style.width = `${Math.round((lever.count / max) * 100)}%`;
      bar.append(
        element('span', { class: 'name' }, label(id)),
        fill,
        element('span', { class: 'count' }, String(lever.count)),
      );
      const reading = strengthOf?.(id);
      if (reading) {
        bar.setAttribute('data-strength', reading.strength);
        bar.append(element('span', { class: 'strength' }, reading.text));
      }
      list.append(bar);
    }
    container.replaceChildren(list);
  }

  /** The verdict on an interview's lever balance, in the words of its reading. */
  function leverVerdict(node, reading) {
    node.setAttribute('data-verdict', reading.verdict);
    node.textContent = reading.text;
  }

  return { element, label, fill, setWords, valueMatrix, leverBars, leverVerdict };
})();
