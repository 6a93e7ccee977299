// CardKit card console: live readers and cards from /console/events (server-sent events).
// Local file, no inline script (the Content-Security-Policy allows 'self' only); every text a
// person reads comes from the page (data-* attributes rendered in the visitor's language).
'use strict';
(function () {
  const readers = document.getElementById('readers');
  if (!readers) return;
  const events = document.getElementById('events');
  const service = document.getElementById('service');
  const texts = document.getElementById('l10n').dataset;
  const template = document.getElementById('t-reader');
  const rows = new Map();

  function row(name) {
    let li = rows.get(name);
    if (!li) {
      li = template.content.firstElementChild.cloneNode(true);
      li.querySelector('.name').textContent = name;
      li.dataset.reader = name;
      rows.set(name, li);
      readers.appendChild(li);
      showCard(li, null);
    }
    return li;
  }

  function showCard(li, e) {
    li.querySelector('.state').textContent = e ? texts.card : texts.noCard;
    li.querySelector('.atr').textContent = e ? e.atr : '';
    li.querySelector('.identified').textContent = e ? (e.identified.length ? e.identified.join(' / ') : texts.unknown) : '';
    li.classList.toggle('has-card', !!e);
  }

  function log(kind, e) {
    const item = document.createElement('li');
    const time = new Date(e.time).toLocaleTimeString(document.documentElement.lang);
    item.textContent = time + ' ' + kind + (e.reader ? ': ' + e.reader : '') + (e.atr ? ' ' + e.atr : '');
    item.dataset.kind = e.kind;
    events.insertBefore(item, events.firstChild);
  }

  const source = new EventSource('/console/events');
  source.onopen = function () { service.textContent = texts.serviceOk; service.className = 'status status-ok'; };
  source.onerror = function () { service.textContent = texts.disconnected; service.className = 'status status-bad'; };
  source.onmessage = function (message) {
    const e = JSON.parse(message.data);
    switch (e.kind) {
      case 'ReaderAdded': row(e.reader); log(texts.readerAdded, e); break;
      case 'ReaderRemoved': {
        const li = rows.get(e.reader);
        if (li) { li.remove(); rows.delete(e.reader); }
        log(texts.readerRemoved, e);
        break;
      }
      case 'CardInserted': showCard(row(e.reader), e); log(texts.cardInserted, e); break;
      case 'CardRemoved': showCard(row(e.reader), null); log(texts.cardRemoved, e); break;
      case 'ServiceLost':
        service.textContent = texts.serviceLost; service.className = 'status status-bad';
        rows.forEach(function (li) { li.remove(); }); rows.clear();
        log(texts.serviceLost, e);
        break;
      case 'ServiceRestored':
        service.textContent = texts.serviceOk; service.className = 'status status-ok';
        log(texts.serviceRestored, e);
        break;
    }
  };
})();
