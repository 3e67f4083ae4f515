// Interviewer dashboard: inside Teams it signs in with the Teams SSO token; elsewhere with the dashboard
// token printed when the server starts (kept in this browser's localStorage).
(() => {
  const TOKEN_KEY = 'sme-interview.dashboard-token';
  const { element, label, fill, setWords, valueMatrix, leverBars, leverVerdict } = window.DashboardCharts;
  // The page comes worded by the server in the language its request asked for, with its words (from the
  // summary prompts: page, charts, interview list, downloads, messages); a reader whose browser language is
  // the other one gets theirs from GET /api/labels, and keeps the page's if that fails.
  const page = JSON.parse(document.getElementById('labels').textContent);
  const wanted = navigator.language.startsWith('fr') ? 'fr' : 'en';
  let lang = page.lang;
  let words = page.words;

  async function readersWords() {
    if (wanted === lang) return;
    try {
      const response = await fetch(`/api/labels?lang=${wanted}`);
      if (!response.ok) return;
      words = await response.json();
      lang = wanted;
    } catch {
      // Unreachable or unreadable: the page's own words are whole, it reads on in its language.
    }
  }

  /** The page's elements marked data-label="columns.status" and the charts' names, in the words in use. */
  function applyWords() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-label]')) {
      const word = node.dataset.label.split('.').reduce((tree, key) => tree?.[key], words);
      if (typeof word === 'string') node.textContent = word;
    }
    setWords({ names: { ...words.values, ...words.levers }, matrixCell: words.matrixCell });
  }

  const views = ['list-view', 'summary-view', 'study-view'];
  const show = (id) => {
    for (const view of views) document.getElementById(view).hidden = view !== id;
  };
  const message = (content) => {
    const node = document.getElementById('message');
    node.hidden = !content;
    node.textContent = content || '';
  };

  let token = null;

  /** A failure said to the reader in these words; any other is said as `broken`. */
  class Said extends Error {}

  async function api(path) {
    let response;
    try {
      response = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
    } catch {
      throw new Said(words.messages.unreachable);
    }
    if (response.status === 401) {
      localStorage.removeItem(TOKEN_KEY);
      const expired = /error="invalid_token"/.test(response.headers.get('www-authenticate') || '');
      const reason = expired ? words.messages.expired : words.messages.refused;
      askForToken(reason);
      throw new Said(reason);
    }
    // The dashboard asks for no other missing thing than an interview (erased, or never the reader's).
    if (response.status === 404) throw new Said(words.messages.notFound);
    if (!response.ok) throw new Said(fill(words.messages.failed, { status: String(response.status) }));
    return response;
  }

  /** "Télécharger : JSON Markdown …": the buttons named by format, grouped under the one verb. */
  function downloads(container, base, formats) {
    const caption = element(
      'span',
      { class: 'downloads-label', id: `${container.id}-label` },
      words.download,
    );
    container.setAttribute('role', 'group');
    container.setAttribute('aria-labelledby', caption.id);
    container.replaceChildren(caption);
    for (const format of formats) {
      const button = element(
        'button',
        { type: 'button', class: 'download', 'data-format': format },
        words.formats[format],
      );
      const save = async () => {
        const response = await api(`${base}${base.includes('?') ? '&' : '?'}format=${format}`);
        // The server names every export (interview-<id>.<ext>, study.<ext>); without a name the browser picks one.
        const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '')?.[1] ?? '';
        const link = element('a', { href: URL.createObjectURL(await response.blob()), download: name });
        document.body.append(link);
        link.click();
        link.remove();
      };
      button.addEventListener('click', () => save().catch(report));
      container.append(button);
    }
  }

  /**
   * "3 réponses · étape : Les outils": the answers given and, while the interview is not over, the guide part
   * it reached. Never answered/asked: questions are asked one at a time, so 2/3 would read as two-thirds done.
   */
  function progressText({ answered, section }, status) {
    const form = new Intl.PluralRules(lang).select(answered) === 'one' ? 'one' : 'other';
    const answers = words.answers[form].replace('{count}', () => String(answered));
    const part = words.parts[section];
    if (status === 'completed' || !part) return answers;
    return words.progressAt.replace('{answers}', () => answers).replace('{part}', () => part);
  }

  async function showList() {
    const { interviews } = await (await api('/api/interviews')).json();
    const body = document.querySelector('#interviews tbody');
    body.replaceChildren();
    if (interviews.length === 0) message(words.messages.empty);
    else message('');
    for (const interview of interviews) {
      const row = element('tr', { 'data-id': interview.id, 'data-status': interview.status, tabindex: '0' });
      row.append(
        element('td', {}, interview.id),
        // A status this page has no word for (a newer server's) is shown as the API names it.
        element(
          'td',
          { class: `status-${interview.status}` },
          words.statuses[interview.status] ?? interview.status.replaceAll('_', ' '),
        ),
        element('td', {}, words.profiles[interview.profile]),
        element('td', {}, words.languages[interview.language]),
        element('td', {}, progressText(interview.progress, interview.status)),
        element('td', {}, new Date(interview.startedAt).toLocaleString(lang)),
      );
      const open = () => showSummary(interview.id).catch(report);
      row.addEventListener('click', open);
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') open();
      });
      body.append(row);
    }
    show('list-view');
  }

  async function showSummary(id) {
    const interview = `/api/interviews/${encodeURIComponent(id)}`;
    const base = `${interview}/summary`;
    // The lever reading comes worded by the server, as the exports word it.
    const [summary, reading] = await Promise.all([
      api(`${base}?format=json&lang=${lang}`).then((response) => response.json()),
      api(`${interview}/lever-reading?lang=${lang}`).then((response) => response.json()),
    ]);
    document.getElementById('summary-title').textContent =
      `${words.columns.interview} ${summary.interview.id}`;
    valueMatrix(document.getElementById('value-matrix'), summary.valueMatrix);
    leverBars(document.getElementById('lever-chart'), summary.levers, (id) => reading.levers[id]);
    leverVerdict(document.getElementById('lever-balance'), reading);
    const tools = document.getElementById('tools');
    tools.replaceChildren(
      ...summary.tools.map((tool) =>
        element('li', { 'data-tool': tool.id }, `${tool.label} — ${tool.values.map(label).join(', ')}`),
      ),
    );
    downloads(document.getElementById('summary-downloads'), `${base}?lang=${lang}`, [
      'json',
      'md',
      'html',
      'card',
      'csv',
      'qdpx',
    ]);
    message('');
    show('summary-view');
  }

  async function showStudy() {
    // Each interview's lever reading comes worded by the server, as in the interview view.
    const [study, readings] = await Promise.all([
      api(`/api/study?format=json&lang=${lang}`).then((response) => response.json()),
      api(`/api/study/lever-reading?lang=${lang}`).then((response) => response.json()),
    ]);
    valueMatrix(document.getElementById('study-matrix'), study.valueMatrix);
    leverBars(document.getElementById('study-levers'), study.levers);
    const readingOf = new Map(readings.interviews.map((reading) => [reading.id, reading]));
    const charts = element('div', { class: 'panels' });
    for (const interview of study.interviews) {
      const reading = readingOf.get(interview.id);
      const figure = element('figure', { 'data-interview': interview.id });
      const chart = element('div');
      leverBars(chart, interview.levers, (id) => reading?.levers[id]);
      figure.append(
        element('figcaption', {}, `${words.columns.interview} ${interview.ref} · ${interview.id}`),
        chart,
      );
      if (reading) {
        const verdict = element('p', { class: 'verdict' });
        leverVerdict(verdict, reading);
        figure.append(verdict);
      }
      charts.append(figure);
    }
    document
      .getElementById('study-interviews')
      .replaceChildren(element('h3', {}, words.headings.perInterview), charts);
    downloads(document.getElementById('study-downloads'), `/api/study?lang=${lang}`, [
      'json',
      'md',
      'csv',
      'qdpx',
    ]);
    message('');
    show('study-view');
  }

  function report(error) {
    if (error instanceof Said) {
      message(error.message);
      return;
    }
    console.error(error);
    message(words.messages.broken);
  }

  function askForToken(reason) {
    show(null);
    message(reason || '');
    document.getElementById('sign-in').hidden = false;
  }

  document.getElementById('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    token = document.getElementById('token-input').value.trim();
    localStorage.setItem(TOKEN_KEY, token);
    document.getElementById('sign-in').hidden = true;
    showList().catch(report);
  });
  document.getElementById('show-list').addEventListener('click', () => showList().catch(report));
  document.getElementById('show-study').addEventListener('click', () => showStudy().catch(report));

  /** Inside Teams (framed), the tab's SSO token; null when not in Teams or SSO is not set up. */
  async function teamsToken() {
    if (window.parent === window || !window.microsoftTeams) return null;
    try {
      await window.microsoftTeams.app.initialize();
      return await window.microsoftTeams.authentication.getAuthToken();
    } catch {
      return null;
    }
  }

  async function start() {
    // A token in the address (#token=…) is taken once, then removed from the address bar.
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
    if (fromHash) {
      localStorage.setItem(TOKEN_KEY, fromHash);
      history.replaceState(null, '', location.pathname);
    }
    token = (await teamsToken()) || localStorage.getItem(TOKEN_KEY);
    if (!token) {
      askForToken();
      return;
    }
    document.getElementById('sign-in').hidden = true;
    await showList();
  }

  // The reader's words before any view: a summary opened after signing in by hand needs them too.
  const ready = readersWords().then(applyWords);
  // A link carrying a token opened in an already open dashboard only changes the hash.
  window.addEventListener('hashchange', () => ready.then(start).catch(report));
  ready.then(start).catch(report);
})();
