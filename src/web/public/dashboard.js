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

  /** A time as the reader writes dates: their own locale ("en-GB": 24/11/2026) when it is of the page's language. */
  function shownTime(iso) {
    const locale = navigator.language.toLowerCase().startsWith(lang) ? navigator.language : lang;
    return new Date(iso).toLocaleString(locale);
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

  async function api(path, method = 'GET') {
    let response;
    try {
      response = await fetch(path, { method, headers: { authorization: `Bearer ${token}` } });
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

  /**
   * The CSV's separator: semicolons for Excel set to French (it reads a comma-separated file as one column),
   * so by default in the French dashboard; the reader's choice once they make one.
   */
  let csvChoice = null;
  const csvSeparator = () => csvChoice ?? (lang === 'fr' ? 'semicolon' : 'comma');

  function separatorChoice() {
    const select = element('select', { id: 'csv-separator' });
    for (const separator of ['semicolon', 'comma']) {
      const option = element('option', { value: separator }, words.csv[separator]);
      option.selected = separator === csvSeparator();
      select.append(option);
    }
    select.addEventListener('change', () => {
      csvChoice = select.value;
      for (const other of document.querySelectorAll('#csv-separator')) other.value = csvChoice;
    });
    const choice = element('label', { class: 'csv-separator' }, `${words.csv.label} `);
    choice.append(select);
    return choice;
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
        const csv = format === 'csv' ? `&separator=${csvSeparator()}` : '';
        const response = await api(`${base}${base.includes('?') ? '&' : '?'}format=${format}${csv}`);
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
    if (formats.includes('csv')) container.append(separatorChoice());
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

  /** The invitation code of each listed interview (null for one begun without an invitation). */
  const codes = new Map();

  /** The codes the reader sent that nobody has used yet, to match against the interviews that come in. */
  function showPendingInvitations(invitations) {
    const section = document.getElementById('pending-invitations');
    section.hidden = invitations.length === 0;
    section.querySelector('tbody').replaceChildren(
      ...invitations.map((invitation) => {
        const row = element('tr', { 'data-code': invitation.code });
        row.append(
          element('td', {}, invitation.code),
          element('td', {}, shownTime(invitation.createdAt)),
          element('td', {}, words.profiles[invitation.profile] ?? invitation.profile),
          element('td', {}, words.languages[invitation.language] ?? invitation.language),
        );
        return row;
      }),
    );
  }

  /** An interview made from an invitation is named by its code first: the code is what the reader sent. */
  function interviewCell({ id, invitationCode, firm }) {
    const cell = element('td', { class: 'interview-name' });
    // The firm as the respondent presented it (names pseudonymised): what tells interviews apart at a glance.
    if (firm) cell.append(element('div', { class: 'interview-firm' }, firm));
    if (invitationCode) {
      cell.append(
        element(
          'div',
          { class: 'invitation-code', 'data-code': invitationCode },
          fill(words.invitations.codeOf, { code: invitationCode }),
        ),
      );
    }
    cell.append(element('div', { class: 'interview-id' }, id));
    return cell;
  }

  async function showList() {
    const { interviews, pendingInvitations } = await (await api('/api/interviews')).json();
    const body = document.querySelector('#interviews tbody');
    body.replaceChildren();
    codes.clear();
    if (interviews.length === 0) message(words.messages.empty);
    else message('');
    // No headings over no rows: the message says the list is empty.
    document.getElementById('interviews').hidden = interviews.length === 0;
    showPendingInvitations(pendingInvitations ?? []);
    for (const interview of interviews) {
      codes.set(interview.id, interview.invitationCode ?? null);
      const row = element('tr', { 'data-id': interview.id, 'data-status': interview.status, tabindex: '0' });
      row.append(
        interviewCell(interview),
        // A status this page has no word for (a newer server's) is shown as the API names it.
        element(
          'td',
          { class: `status-${interview.status}` },
          interview.consentWithdrawn
            ? words.statusConsentWithdrawn
            : (words.statuses[interview.status] ?? interview.status.replaceAll('_', ' ')),
        ),
        element('td', {}, words.profiles[interview.profile]),
        element('td', {}, words.languages[interview.language]),
        element('td', {}, progressText(interview.progress, interview.status)),
        element('td', {}, shownTime(interview.startedAt)),
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
    const code = codes.get(id) ?? null;
    const codeLine = document.getElementById('summary-code');
    codeLine.hidden = code === null;
    codeLine.textContent = code === null ? '' : fill(words.invitations.codeOf, { code });
    showRespondent(summary.respondent);
    valueMatrix(document.getElementById('value-matrix'), summary.valueMatrix);
    leverBars(document.getElementById('lever-chart'), summary.levers, (id) => reading.levers[id]);
    leverVerdict(document.getElementById('lever-balance'), reading);
    const tools = document.getElementById('tools');
    tools.replaceChildren(...summary.tools.map(toolLine));
    // Those the review applied, then the replies it could not read, as the exports list them (in seq order).
    const corrections = [...summary.corrections, ...summary.unreadCorrections]
      .sort((a, b) => a.seq - b.seq)
      .map((entry) => element('li', {}, entry.description));
    document.getElementById('corrections').replaceChildren(...corrections);
    document.getElementById('corrections-heading').hidden = corrections.length === 0;
    showFacets(summary.facets);
    showAnswers(summary);
    const declined = summary.declined.map((entry) => element('li', {}, entry.question));
    document.getElementById('declined').replaceChildren(...declined);
    document.getElementById('declined-heading').hidden = declined.length === 0;
    shownInterview = { id, code };
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

  /** "Effectif : environ 12": a manager's firm, as the exports give it (an expert's summary reads none). */
  function showRespondent(respondent) {
    const line = document.getElementById('summary-headcount');
    const count = respondent.headcount;
    line.hidden = respondent.profile === 'expert' || count === null;
    if (line.hidden) return;
    const value = respondent.headcountApproximate
      ? fill(words.approximateHeadcount, { count })
      : String(count);
    line.textContent = fill(words.labelled, { label: words.headings.headcount, value });
  }

  /** What the digital transition means to the respondent: opportunities, threats, resources, in their words. */
  function showFacets(facets) {
    const kinds = [
      ['opportunities', 'opportunity'],
      ['threats', 'threat'],
      ['resources', 'resource'],
    ];
    const blocks = [];
    for (const [key, id] of kinds) {
      const quotes = facets[key] ?? [];
      if (quotes.length === 0) continue;
      const list = element('ul', { 'data-facet': id });
      for (const quote of quotes) {
        const item = element('li');
        item.append(element('q', {}, quote));
        list.append(item);
      }
      blocks.push(element('h4', {}, words.facets[id]), list);
    }
    document.getElementById('facets').replaceChildren(...blocks);
    document.getElementById('facets-heading').hidden = blocks.length === 0;
  }

  /**
   * "ERP — Fonctionnelle · Initiateurs : organisation · Bénéficiaires : clients": which value, for whom; then the
   * respondent's first words about it ("On a pris Sage pour les devis."), which say what the class stands for.
   */
  function toolLine(tool) {
    const head = tool.values.length > 0 ? `${tool.label} — ${tool.values.map(label).join(', ')}` : tool.label;
    const parts = [head];
    for (const role of ['initiators', 'beneficiaries'])
      if (tool[role].length > 0) parts.push(labelledIds(role, tool[role], words.actors));
    const line = element('li', { 'data-tool': tool.id }, parts.join(' · '));
    const [quote] = tool.quotes;
    if (quote !== undefined) line.append(element('q', { class: 'tool-quote' }, quote));
    return line;
  }

  /** "Initiateurs : experts-comptables, clients": ids of one kind of tag, named in the words in use. */
  function labelledIds(kind, ids, names) {
    const value = ids.map((id) => names[id] ?? id.replaceAll('_', ' ')).join(', ');
    return fill(words.labelled, { label: words.tagKinds[kind], value });
  }

  /**
   * "Outils et dispositifs : ERP · Formes de valeur : Fonctionnelle · Initiateurs : experts-comptables": an
   * answer's tags, as the exports word them.
   */
  function tagsText(tags) {
    const byRole = (role) => (tags?.actors ?? []).filter((actor) => actor.role === role);
    const kinds = [
      ['tools', tags?.tools, words.tools],
      ['values', tags?.values, words.values],
      ['levers', tags?.levers, words.levers],
      ['facets', tags?.facets, words.facets],
      ['initiators', byRole('initiator'), words.actors],
      ['beneficiaries', byRole('beneficiary'), words.actors],
    ];
    const parts = [];
    for (const [kind, items, names] of kinds) {
      const ids = [...new Set((items ?? []).map((item) => item.id))];
      if (ids.length > 0) parts.push(labelledIds(kind, ids, names));
    }
    return parts.join(' · ');
  }

  /**
   * The answers by theme, then the opening's and the closing's, with their tags, then the questions to ask next
   * and the next steps. Every answer is the respondent's text, put in as text (textContent): markup or Markdown
   * in it is shown, never run.
   */
  function showAnswers(summary) {
    const container = document.getElementById('answers');
    container.replaceChildren();
    // The opening's and the closing's answers after the themes', as the exports show them: the counts include them.
    const others = ['opening', 'closing'].map((id) => ({
      id,
      answers: (summary.otherAnswers ?? []).filter((answer) => answer.section === id),
    }));
    for (const theme of [...summary.themes, ...others]) {
      if (theme.answers.length === 0) continue;
      const list = element('ul', { class: 'theme-answers' });
      for (const answer of theme.answers) {
        const item = element('li', { 'data-seq': String(answer.seq) });
        item.append(
          element('div', { class: 'question' }, answer.question),
          element('p', { class: 'answer-text' }, answer.text),
        );
        if (answer.amended) item.append(element('div', { class: 'amended' }, `(${words.amended})`));
        const tags = tagsText(answer.tags);
        if (tags) item.append(element('div', { class: 'tags' }, tags));
        list.append(item);
      }
      const section = element('section', { 'data-theme': theme.id });
      section.append(element('h4', {}, words.parts[theme.id] ?? theme.id), list);
      container.append(section);
    }
    if (container.childElementCount === 0) container.append(element('p', {}, words.noAnswers));
    for (const [id, lines] of [
      ['next-questions', summary.nextQuestions],
      ['next-steps', summary.nextSteps],
    ]) {
      document.getElementById(id).replaceChildren(...lines.map((line) => element('li', {}, line)));
    }
  }

  /** The interview the summary view shows, for its erase button. */
  let shownInterview = null;

  /** Erasure on the respondent's request: asked in the page first, since nothing can bring it back. */
  function askToErase() {
    if (!shownInterview) return;
    const { id, code } = shownInterview;
    document.getElementById('erase-question').textContent = fill(words.erase.confirm, {
      interview: code ? `${code} (${id})` : id,
    });
    document.getElementById('erase-dialog').showModal();
  }

  async function erase() {
    if (!shownInterview) return;
    const { id, code } = shownInterview;
    shownInterview = null;
    await api(`/api/interviews/${encodeURIComponent(id)}`, 'DELETE');
    await showList();
    message(fill(words.erase.done, { interview: code ? `${code} (${id})` : id }));
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
  document.getElementById('erase-interview').addEventListener('click', askToErase);
  const eraseDialog = document.getElementById('erase-dialog');
  eraseDialog.addEventListener('close', () => {
    if (eraseDialog.returnValue === 'erase') erase().catch(report);
    eraseDialog.returnValue = '';
  });
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
