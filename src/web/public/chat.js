// Local web chat: Web Chat polling our own Direct Line endpoint. The conversation is kept in localStorage
// so a reload resumes the same interview; the conversations left for a new one are kept too, so the
// interviews paused in them can be taken up (or erased) there.
(() => {
  const STORAGE_KEY = 'sme-interview.webchat';
  const EARLIER_KEY = 'sme-interview.webchat.earlier';
  /** Conversations kept to go back to; the oldest is dropped beyond (its interview stays in the store). */
  const MAX_EARLIER = 10;
  const params = new URLSearchParams(location.search);
  const requested = params.get('lang');
  const lang =
    requested === 'en' || requested === 'fr' ? requested : navigator.language.startsWith('fr') ? 'fr' : 'en';
  const LABELS = {
    fr: {
      title: 'Entretien',
      avatar: 'PME',
      restart: 'Nouvelle conversation',
      failed: 'Le service de conversation ne répond pas.',
      confirmRestart:
        "Si un entretien est en cours dans cette conversation, il sera mis en pause\u00a0: ses réponses restent enregistrées. Pour y revenir, choisissez cette conversation dans «\u00a0Conversations précédentes\u00a0», en haut de la page, puis écrivez «\u00a0reprendre\u00a0»\u202f; pour l'effacer, écrivez-y «\u00a0effacer mes données\u00a0». Ouvrir une nouvelle conversation\u202f?",
      confirm: 'Ouvrir une nouvelle conversation',
      stay: 'Rester ici',
      earlier: 'Conversations précédentes…',
      earlierOne: 'Conversation du {date}',
      pauseFailed: "L'entretien en cours n'a pas pu être mis en pause\u00a0: réessayez dans un instant.",
      reconnecting: 'Connexion au service perdue\u00a0: la conversation reprendra dès son retour.',
    },
    en: {
      title: 'Interview',
      avatar: 'SME',
      restart: 'New conversation',
      failed: 'The chat service is not answering.',
      confirmRestart:
        'If an interview is under way in this conversation, it will be paused: its answers stay saved. To come back to it, pick this conversation in “Earlier conversations” at the top of the page, then type “resume”; to erase it, type “delete my data” there. Open a new conversation?',
      confirm: 'Open a new conversation',
      stay: 'Stay here',
      earlier: 'Earlier conversations…',
      earlierOne: 'Conversation of {date}',
      pauseFailed: 'The interview under way could not be paused: try again in a moment.',
      reconnecting:
        'Lost the connection to the chat service: the conversation will go on as soon as it is back.',
    },
  };
  /**
   * What pauses the interview of a conversation the respondent leaves, as the end of the terminal's input does:
   * an event, so no message the respondent never typed shows in that conversation, and a finished interview
   * gets no answer.
   */
  const LEAVING_EVENT = 'interview.endOfInput';
  const labels = LABELS[lang];
  // What the Direct Line endpoint takes of a message (MAX_TEXT_LENGTH in client-activity.ts). A longer paste
  // is cut here, so the request stays small; the bot still sees the answer was too long and says how much of
  // it it kept, as in the terminal.
  const MAX_TEXT_LENGTH = 20000;
  const locale = lang === 'fr' ? 'fr-FR' : 'en-US';
  document.documentElement.lang = lang;
  document.getElementById('title').textContent = labels.title;
  document.getElementById('restart').textContent = labels.restart;
  document.getElementById('restart-question').textContent = labels.confirmRestart;
  document.getElementById('restart-confirm').textContent = labels.confirm;
  document.getElementById('restart-stay').textContent = labels.stay;

  const isConversation = (saved) =>
    saved !== null &&
    typeof saved === 'object' &&
    typeof saved.token === 'string' &&
    typeof saved.conversationId === 'string' &&
    typeof saved.userId === 'string';

  function readSaved() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      if (isConversation(saved)) return saved;
    } catch {
      // A damaged entry just means a new conversation.
    }
    return null;
  }

  function readEarlier() {
    try {
      const earlier = JSON.parse(localStorage.getItem(EARLIER_KEY) || '[]');
      if (Array.isArray(earlier)) return earlier.filter(isConversation);
    } catch {
      // A damaged list just means none to go back to.
    }
    return [];
  }

  /** The conversation in the page, whose token the page holds (set once it has started). */
  let current = null;

  /**
   * Leaves the page's conversation for `next` (a new one when null): one the respondent wrote in is kept to
   * come back to, newest first; one they never wrote in holds nothing to come back to.
   */
  function leaveFor(next) {
    const earlier = readEarlier().filter((saved) => saved.conversationId !== next?.conversationId);
    if (current?.wrote) earlier.unshift(current);
    localStorage.setItem(EARLIER_KEY, JSON.stringify(earlier.slice(0, MAX_EARLIER)));
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
    location.reload();
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
    const saved = {
      token: body.token,
      conversationId: body.conversationId,
      userId: body.userId,
      startedAt: new Date().toISOString(),
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    return saved;
  }

  function keepFirstUnits(text) {
    const cut = text.slice(0, MAX_TEXT_LENGTH);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  }

  /** A message the respondent sends makes the conversation one to come back to (it may hold an interview). */
  function noteWriting() {
    if (!current || current.wrote) return;
    current.wrote = true;
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  }

  /**
   * Messages sent that the bot has not been seen to receive (Web Chat shows them "sending" or "failed"), by their
   * clientActivityID: kept across the page's own reload after a lost connection, and sent again then.
   */
  const UNSENT_KEY = 'sme-interview.webchat.unsent';
  const unsent = new Map();

  /** Web Chat's store, with every message it posts cut to MAX_TEXT_LENGTH. */
  function createCappingStore() {
    return window.WebChat.createStore({}, () => (next) => (action) => {
      const id = action.meta?.clientActivityID;
      if (
        action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING' &&
        id &&
        action.payload?.activity?.type === 'message'
      ) {
        const { text, locale: said } = action.payload.activity;
        unsent.set(id, { type: 'message', text, locale: said, channelData: { clientActivityID: id } });
      } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED' && id) unsent.delete(id);
      const activity = action.type === 'DIRECT_LINE/POST_ACTIVITY' ? action.payload.activity : null;
      if (activity?.type === 'message') noteWriting();
      if (!activity || typeof activity.text !== 'string' || activity.text.length <= MAX_TEXT_LENGTH) {
        return next(action);
      }
      const text = keepFirstUnits(activity.text);
      return next({ ...action, payload: { ...action.payload, activity: { ...activity, text } } });
    });
  }

  /**
   * Web Chat's Direct Line stops polling for good after a request that gets no answer (the server restarting):
   * the page would show no more replies, and a message sent meanwhile would look unsent and be sent again.
   * When no poll has come back for a while, the page waits for the server, then reloads, which resumes the
   * conversation from the store.
   */
  const POLL_STALL_MS = 8000;
  /** After the conversation shown again starts coming back, before what was unsent is sent again. */
  const RESEND_DELAY_MS = 1500;
  const HEALTH_RETRY_MS = 2000;
  let lastPoll = Date.now();
  let reconnecting = false;
  function watchPolling() {
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (method, url, ...rest) {
      if (method === 'GET' && /\/directline\/conversations\/[^/]+\/activities/.test(String(url))) {
        this.addEventListener('load', () => {
          lastPoll = Date.now();
        });
      }
      return open.call(this, method, url, ...rest);
    };
    // A page in the background polls slowly, if at all: its stall is counted from when it is seen again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') lastPoll = Date.now();
    });
    setInterval(() => {
      if (reconnecting || document.visibilityState !== 'visible' || Date.now() - lastPoll < POLL_STALL_MS)
        return;
      reconnecting = true;
      const status = document.getElementById('status');
      status.hidden = false;
      status.textContent = labels.reconnecting;
      const reload = () => {
        // What was typed and not received goes with the page: it is sent again once the conversation is back.
        const draft = webChatStore?.getState().sendBoxValue ?? '';
        sessionStorage.setItem(
          UNSENT_KEY,
          JSON.stringify({ conversationId: current.conversationId, activities: [...unsent.values()], draft }),
        );
        location.reload();
      };
      const tryAgain = () =>
        fetch('/healthz', { cache: 'no-store' })
          .then((response) => (response.ok ? reload() : setTimeout(tryAgain, HEALTH_RETRY_MS)))
          .catch(() => setTimeout(tryAgain, HEALTH_RETRY_MS));
      tryAgain();
    }, POLL_STALL_MS / 4);
  }

  let webChatStore = null;

  /** Posts an activity to the page's conversation as its respondent, beside Web Chat's own posts. */
  function postToConversation(activity) {
    return fetch(`/directline/conversations/${encodeURIComponent(current.conversationId)}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${current.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, from: { id: current.userId } }),
    });
  }

  /**
   * After the page's reload on a lost connection: the messages the bot had not received are sent again (with
   * their own clientActivityID, so one it did receive is not run twice) once the conversation shown again has
   * come back, and the draft is put back in the send box.
   */
  function sendAgainWhatWasUnsent(directLine) {
    const saved = JSON.parse(sessionStorage.getItem(UNSENT_KEY) ?? 'null');
    sessionStorage.removeItem(UNSENT_KEY);
    if (!saved || saved.conversationId !== current.conversationId) return;
    const subscription = directLine.activity$.subscribe(() => {
      subscription.unsubscribe();
      setTimeout(async () => {
        for (const activity of saved.activities) {
          await postToConversation(activity).catch(() => undefined);
        }
        if (saved.draft)
          webChatStore.dispatch({ type: 'WEB_CHAT/SET_SEND_BOX', payload: { text: saved.draft } });
      }, RESEND_DELAY_MS);
    });
  }

  async function start() {
    let saved = readSaved();
    let resuming = saved !== null && (await stillValid(saved));
    if (!resuming) {
      saved = await newConversation();
      resuming = false;
    }
    current = saved;
    showEarlier();
    watchPolling();
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
    webChatStore = createCappingStore();
    sendAgainWhatWasUnsent(directLine);
    window.WebChat.renderWebChat(
      {
        directLine,
        store: webChatStore,
        userID: saved.userId,
        locale,
        // A text area: an answer of several lines (Shift+Enter, or pasted) is sent as one message.
        styleOptions: {
          hideUploadButton: true,
          botAvatarInitials: labels.avatar,
          userAvatarInitials: '',
          sendBoxTextWrap: true,
        },
      },
      document.getElementById('webchat'),
    );
  }

  /** The conversations left for another, to go back to: the interview paused there is taken up there. */
  function showEarlier() {
    const select = document.getElementById('earlier');
    const earlier = readEarlier();
    select.hidden = earlier.length === 0;
    const prompt = document.createElement('option');
    prompt.value = '';
    prompt.textContent = labels.earlier;
    select.replaceChildren(prompt);
    for (const saved of earlier) {
      const option = document.createElement('option');
      option.value = saved.conversationId;
      const date = saved.startedAt ? new Date(saved.startedAt).toLocaleString(locale) : '…';
      option.textContent = labels.earlierOne.replace('{date}', () => date);
      select.append(option);
    }
  }

  document.getElementById('earlier').addEventListener('change', (event) => {
    const chosen = readEarlier().find((saved) => saved.conversationId === event.target.value);
    // The conversation left goes into the same list, its interview paused: nothing is left running.
    if (chosen) pauseThenLeaveFor(chosen);
  });

  /**
   * Pauses the interview under way in the page's conversation, as "pause" does but silently, so it is not left
   * "in progress" for ever: the dashboard shows it paused, and "reprendre" there takes it up.
   * Resolves once the bot has recorded it (the endpoint answers after the turn).
   */
  async function pauseCurrent() {
    const response = await postToConversation({ type: 'event', name: LEAVING_EVENT, locale });
    if (!response.ok) throw new Error(`pausing answered ${response.status}`);
  }

  /** Leaves for `next` (a new conversation when null) once the interview under way here, if any, is paused. */
  function pauseThenLeaveFor(next) {
    // Nothing written here, so no interview to leave behind.
    if (!current?.wrote) {
      leaveFor(next);
      return;
    }
    pauseCurrent().then(
      () => leaveFor(next),
      () => {
        const status = document.getElementById('status');
        status.hidden = false;
        status.textContent = labels.pauseFailed;
      },
    );
  }

  const restartDialog = document.getElementById('restart-dialog');
  document.getElementById('restart').addEventListener('click', () => {
    // Once the page knows its conversation: a click before that would leave an interview unpaused.
    started.then(() => {
      if (!current?.wrote) leaveFor(null);
      else restartDialog.showModal();
    });
  });
  restartDialog.addEventListener('close', () => {
    if (restartDialog.returnValue !== 'restart') return;
    restartDialog.returnValue = '';
    pauseThenLeaveFor(null);
  });

  const started = start().catch((error) => {
    const status = document.getElementById('status');
    status.hidden = false;
    status.textContent = `${labels.failed} (${error.message})`;
  });
})();
