{! Served as /sandbox/assets/sandbox.js. A Qute template (so native images carry it like every template), kept
   verbatim between the unparsed-section markers: no expression in it. !}{|
// InvoiceIQ sandbox: the phone simulator page. Vanilla JavaScript, no framework, no build step.
// Polls GET /sandbox/api/state every second and redraws the two phones when the state's version changes; every
// action posts to /sandbox/api/..., which turns it into the providers' real traffic to the service.
(function () {
  'use strict';

  var POLL_MS = 1000;
  var body = document.body;
  var view = {
    customer: body.getAttribute('data-customer') || '254712345678',
    version: -1,
    shownCustomer: null,
    promptId: null,
    busy: false
  };

  function $(id) {
    return document.getElementById(id);
  }

  // The page's words, in the page's language: the body's data-t-* attributes (SandboxPhrases), with their
  // {placeholders} filled from values; the English when an attribute is missing.
  function t(name, english, values) {
    var text = body.getAttribute('data-t-' + name) || english;
    return text.replace(/\{([a-zA-Z]+)\}/g, function (whole, key) {
      return values && Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  // ---- talking to the sandbox API ----------------------------------------------------------------------------

  function api(method, path, payload) {
    var init = { method: method, cache: 'no-store', headers: { 'Accept': 'application/json' } };
    if (payload !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (notJson) {
          data = null;
        }
        if (!response.ok) {
          throw new Error((data && data.error)
            || t('answered-http', 'The sandbox answered HTTP {status}.', { status: response.status }));
        }
        return data;
      });
    });
  }

  var errorTimer = null;

  function showError(message) {
    var box = $('error');
    box.textContent = message;
    box.hidden = false;
    if (errorTimer) {
      clearTimeout(errorTimer);
    }
    errorTimer = setTimeout(function () {
      box.hidden = true;
    }, 8000);
  }

  // ---- drawing -----------------------------------------------------------------------------------------------

  var URL_PATTERN = /https?:\/\/[^\s<>"]+/g;

  /** Text with its links made clickable (the pay link of an invoice SMS above all). */
  function appendText(parent, text) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var url = match[0].replace(/[.,;:!?)]+$/, '');
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = document.createElement('a');
      link.href = url;
      link.textContent = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.className = url.indexOf('/pay/') >= 0 ? 'pay-link' : 'link';
      link.setAttribute('data-testid', link.className);
      parent.appendChild(link);
      last = match.index + url.length;
      URL_PATTERN.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function time(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  var TICKS = { sending: '🕓', accepted: '✓', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

  function messageItem(pane, m) {
    var li = document.createElement('li');
    li.setAttribute('data-pane', pane);
    li.setAttribute('data-channel', m.channel);
    li.setAttribute('data-message-id', m.id);
    if (m.kind === 'note') {
      li.className = 'note ' + m.channel;
      li.textContent = m.text;
      return li;
    }
    li.className = 'msg ' + m.direction + ' ' + m.channel;
    li.setAttribute('data-direction', m.direction);
    li.setAttribute('data-status', m.status);
    li.setAttribute('data-kind', m.kind);

    var channel = document.createElement('span');
    channel.className = 'channel';
    channel.textContent = m.channel === 'sms' ? 'SMS' : 'WhatsApp';
    li.appendChild(channel);

    var text = document.createElement('span');
    text.className = 'text';
    appendText(text, m.text);
    li.appendChild(text);

    if (m.direction === 'in' && m.buttons && m.buttons.length) {
      var buttons = document.createElement('div');
      buttons.className = 'buttons';
      m.buttons.forEach(function (b) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'reply';
        button.setAttribute('data-button-id', b.id);
        button.setAttribute('data-pane', pane);
        button.textContent = b.title;
        button.addEventListener('click', function () {
          tap(pane, b.id, button);
        });
        buttons.appendChild(button);
      });
      li.appendChild(buttons);
    }

    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.appendChild(document.createTextNode(time(m.at) + ' '));
    if (m.direction === 'out' || m.channel === 'whatsapp') {
      var tick = document.createElement('span');
      tick.className = 'tick ' + m.status;
      tick.title = m.status;
      tick.textContent = TICKS[m.status] || '';
      meta.appendChild(tick);
    }
    li.appendChild(meta);
    return li;
  }

  function drawPane(pane, data, list) {
    var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    var items = document.createDocumentFragment();
    data.messages.forEach(function (m) {
      items.appendChild(messageItem(pane, m));
    });
    list.replaceChildren(items);
    if (atBottom || view.shownCustomer !== data.number) {
      list.scrollTop = list.scrollHeight;
    }
  }

  function drawCustomerHead(customer, phones) {
    var badge = $('customer-channels');
    badge.textContent = customer.whatsApp ? t('whatsapp-and-sms', 'WhatsApp + SMS')
      : t('sms-only', 'No WhatsApp: SMS only');
    badge.className = customer.whatsApp ? 'badge' : 'badge sms-only';
    $('customer-wa-input').disabled = !customer.whatsApp;
    $('customer-wa-send').disabled = !customer.whatsApp;
    var list = $('known-phones');
    list.replaceChildren();
    phones.forEach(function (number) {
      if (number !== body.getAttribute('data-merchant')) {
        var option = document.createElement('option');
        option.value = number;
        list.appendChild(option);
      }
    });
  }

  function drawPrompt(prompt) {
    var dialog = $('stk-dialog');
    if (!prompt) {
      dialog.hidden = true;
      view.promptId = null;
      return;
    }
    if (view.promptId !== prompt.checkoutRequestId) {
      view.promptId = prompt.checkoutRequestId;
      dialog.setAttribute('data-checkout-request-id', prompt.checkoutRequestId);
      $('stk-text').textContent = t('stk-question',
        'Do you want to pay KES {amount} to {business} for account {account}?', {
          amount: Number(prompt.amount).toLocaleString('en-KE'), business: prompt.business, account: prompt.account
        });
      $('stk-pin').value = '';
      $('stk-ok').disabled = false;
      $('stk-cancel').disabled = false;
      dialog.hidden = false;
      if (document.activeElement === body || document.activeElement === null) {
        $('stk-pin').focus();
      }
    }
    $('stk-timer').textContent = t('stk-timer', 'No answer within {seconds} s and the sandbox answers OK for you.',
      { seconds: prompt.secondsLeft });
  }

  function draw(state) {
    var customerChanged = view.shownCustomer !== state.customer.number;
    if (state.version !== view.version || customerChanged) {
      drawPane('merchant', state.merchant, $('merchant-messages'));
      drawPane('customer', state.customer, $('customer-messages'));
      drawCustomerHead(state.customer, state.phones);
      view.version = state.version;
      view.shownCustomer = state.customer.number;
    }
    drawPrompt(state.customer.prompt);
  }

  // ---- polling -----------------------------------------------------------------------------------------------

  function refresh() {
    return api('GET', '/sandbox/api/state?customer=' + encodeURIComponent(view.customer)).then(draw);
  }

  function loop() {
    refresh().catch(function (e) {
      showError(e.message);
    }).then(function () {
      setTimeout(loop, POLL_MS);
    });
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  function send(button, path, payload, input) {
    button.disabled = true;
    return api('POST', path, payload).then(function () {
      if (input) {
        input.value = '';
      }
      return refresh();
    }).catch(function (e) {
      showError(e.message);
    }).then(function () {
      button.disabled = false;
    });
  }

  function tap(pane, buttonId, button) {
    var payload = pane === 'merchant' ? { buttonId: buttonId } : { number: view.customer, buttonId: buttonId };
    send(button, '/sandbox/api/' + pane + '/taps', payload);
  }

  function onSubmit(formId, inputId, buttonId, path, payloadOf) {
    $(formId).addEventListener('submit', function (event) {
      event.preventDefault();
      var input = $(inputId);
      var text = input.value;
      if (!text.trim()) {
        input.focus();
        return;
      }
      send($(buttonId), path, payloadOf(text), input).then(function () {
        input.focus();
      });
    });
  }

  function answerPrompt(action) {
    var id = view.promptId;
    if (!id) {
      return;
    }
    $('stk-ok').disabled = true;
    $('stk-cancel').disabled = true;
    api('POST', '/sandbox/api/stk/' + encodeURIComponent(id), { action: action, pin: $('stk-pin').value })
      .catch(function (e) {
        showError(e.message);
      })
      .then(function () {
        $('stk-dialog').hidden = true;
        return refresh();
      });
  }

  function chooseCustomer() {
    var number = $('customer-number').value.trim();
    if (!number || number === view.customer) {
      return;
    }
    var previous = view.customer;
    view.customer = number;
    refresh().then(function () {
      view.customer = view.shownCustomer;
      $('customer-number').value = view.customer;
      var url = new URL(window.location.href);
      url.searchParams.set('customer', view.customer);
      window.history.replaceState(null, '', url.toString());
    }).catch(function (e) {
      view.customer = previous;
      showError(e.message);
    });
  }

  onSubmit('merchant-form', 'merchant-input', 'merchant-send', '/sandbox/api/merchant/messages', function (text) {
    return { text: text };
  });
  onSubmit('customer-wa-form', 'customer-wa-input', 'customer-wa-send', '/sandbox/api/customer/whatsapp',
    function (text) {
      return { number: view.customer, text: text };
    });
  onSubmit('customer-sms-form', 'customer-sms-input', 'customer-sms-send', '/sandbox/api/customer/sms',
    function (text) {
      return { number: view.customer, text: text };
    });
  // Lipa na M-PESA from the menu: Safaricom's C2B confirmation, played through the real endpoint
  function payFromMenu(kind, button) {
    var amount = parseInt($('menu-amount').value, 10);
    if (!(amount > 0)) {
      $('menu-amount').focus();
      return;
    }
    var payload = { number: view.customer, amount: amount };
    if (kind === 'paybill') {
      payload.account = $('menu-account').value;
      if (!payload.account.trim()) {
        $('menu-account').focus();
        return;
      }
    }
    send(button, '/sandbox/api/c2b/' + kind, payload).then(function () {
      $('menu-amount').value = '';
      $('menu-account').value = '';
    });
  }
  $('customer-menu-form').addEventListener('submit', function (event) {
    event.preventDefault();
    payFromMenu('paybill', $('menu-paybill'));
  });
  $('menu-till').addEventListener('click', function () {
    payFromMenu('till', $('menu-till'));
  });
  $('stk-ok').addEventListener('click', function () {
    answerPrompt('ok');
  });
  $('stk-cancel').addEventListener('click', function () {
    answerPrompt('cancel');
  });
  $('stk-pin').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      answerPrompt('ok');
    }
  });
  $('customer-number').addEventListener('change', chooseCustomer);
  $('customer-number').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      chooseCustomer();
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.chip'), function (chip) {
    chip.addEventListener('click', function () {
      $('merchant-input').value = chip.getAttribute('data-fill');
      $('merchant-input').focus();
    });
  });

  loop();
}());
|}
