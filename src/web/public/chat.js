// Local web chat: Web Chat polling our own Direct Line endpoint. The conversation is kept in localStorage
// so a reload resumes the same interview.
(() => {
  const STORAGE_KEY = 'sme-interview.webchat';
  const params = new URLSearchParams(location.search);
  const requested = params.get('lang');
  const lang =
    requested === 'en' || requested === 'fr' ? requested : navigator.language.startsWith('fr') ? 'fr' : 'en';
  const LABELS = {
    fr: {
      title: 'Entretien',
      restart: 'Nouvelle conversation',
      failed: 'Le service de conversation ne répond pas.',
    },
    en: { title: 'Interview', restart: 'New conversation', failed: 'The chat service is not answering.' },
  };
  const labels = LABELS[lang];
  // What the Direct Line endpoint takes of a message (MAX_TEXT_LENGTH in client-activity.ts). A longer paste
  // is cut here, so the request stays small; the bot still sees the answer was too long and says how much of
  // it it kept, as in the terminal.
  const MAX_TEXT_LENGTH = 20000;
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  document.documentElement.lang = lang;
  document.getElementById('title').textContent = labels.title;
  document.getElementById('restart').textContent = labels.restart;

  function readSaved() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (
        saved &&
        typeof saved.token === 'string' &&
        typeof saved.conversationId === 'string' &&
        typeof saved.userId === 'string'
      ) {
        return saved;
      }
    } catch {
      // A damaged entry just means a new conversation.
    }
    return null;
  }

  async function stillValid(saved) {
    const response = await fetch(`/directline/conversations/${encodeURIComponent(saved.conversationId)}`, {
      headers: { authorization: `Bearer ${saved.token}` },
    });
    return response.ok;
  }

  async function newConversation() {
    const response = await fetch('/directline/tokens/generate', { method: 'POST' });
    if (!response.ok) throw new Error(`tokens/generate answered ${response.status}`);
    const body = await response.json();
    const saved = { token: body.token, conversationId: body.conversationId, userId: body.userId };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    return saved;
  }

  function keepFirstUnits(text) {
    const cut = text.slice(0, MAX_TEXT_LENGTH);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  }

  /** Web Chat's store, with every message it posts cut to MAX_TEXT_LENGTH. */
  function createCappingStore() {
    return window.WebChat.createStore({}, () => (next) => (action) => {
      const activity = action.type === 'DIRECT_LINE/POST_ACTIVITY' ? action.payload.activity : null;
      if (!activity || typeof activity.text !== 'string' || activity.text.length <= MAX_TEXT_LENGTH) {
        return next(action);
      }
      const text = keepFirstUnits(activity.text);
      return next({ ...action, payload: { ...action.payload, activity: { ...activity, text } } });
    });
  }

  async function start() {
    let saved = readSaved();
    let resuming = saved !== null && (await stillValid(saved));
    if (!resuming) {
      saved = await newConversation();
      resuming = false;
    }
    const directLine = window.WebChat.createDirectLine({
      domain: `${location.origin}/directline`,
      token: saved.token,
      // Given a conversation id, Direct Line reconnects to it (and replays it) instead of starting one.
      conversationId: resuming ? saved.conversationId : undefined,
      // Sent with the start of a new conversation, so the bot greets the reader in the page's language.
      conversationStartProperties: { locale },
      webSocket: false,
      pollingInterval: 500,
    });
    window.WebChat.renderWebChat(
      {
        directLine,
        store: createCappingStore(),
        userID: saved.userId,
        locale,
        styleOptions: { hideUploadButton: true, botAvatarInitials: 'PME', userAvatarInitials: '' },
      },
      document.getElementById('webchat'),
    );
  }

  document.getElementById('restart').addEventListener('click', () => {
    localStorage.removeItem(STORAGE_KEY);
    location.reload();
  });

  start().catch((error) => {
    const status = document.getElementById('status');
    status.hidden = false;
    status.textContent = `${labels.failed} (${error.message})`;
  });
})();
