// Référentiel, the bulk import: the chosen file is sent as the request's body (text/csv, streamed
// by the browser from the disk, as the API takes it), with the page's CSRF header; the answer is the
// job, which htmx then polls until it is finished. Replacing asks for the confirmation first.
(function () {
  'use strict';

  function start() {
    var form = document.getElementById('import-form');
    if (!form) {
      return;
    }
    var file = document.getElementById('import-file');
    var confirm = document.getElementById('import-confirm');
    var warning = document.getElementById('import-replace-warning');
    var submit = document.getElementById('import-submit');
    var status = document.getElementById('import-status');
    var report = document.getElementById('import-report');

    function mode() {
      return form.querySelector('input[name=mode]:checked').value;
    }

    function showConfirmation() {
      var replace = mode() === 'replace';
      warning.hidden = !replace;
      confirm.required = replace;
      if (!replace) {
        confirm.checked = false;
      }
    }

    function show(text, progress) {
      status.textContent = '';
      var job = document.createElement('div');
      job.id = 'import-job';
      job.className = 'import-job';
      var p = document.createElement('p');
      p.textContent = text;
      job.appendChild(p);
      if (progress !== undefined) {
        var bar = document.createElement('progress');
        bar.max = 100;
        bar.value = progress;
        bar.setAttribute('aria-label', "Envoi du fichier");
        bar.textContent = progress + ' %';
        job.appendChild(bar);
      }
      status.appendChild(job);
    }

    form.querySelectorAll('input[name=mode]').forEach(function (radio) {
      radio.addEventListener('change', showConfirmation);
    });
    showConfirmation();

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var chosen = file.files[0];
      if (!chosen) {
        return;
      }
      var url = form.action + '?mode=' + encodeURIComponent(mode()) + (confirm.checked ? '&confirme=true' : '');
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', 'text/csv');
      xhr.setRequestHeader('HX-Request', 'true');
      var headers = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
      Object.keys(headers).forEach(function (name) {
        xhr.setRequestHeader(name, headers[name]);
      });
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.floor(100 * e.loaded / e.total);
          show('Envoi du fichier ' + chosen.name + ' : ' + percent + ' %', percent);
        }
      });
      xhr.addEventListener('load', function () {
        submit.disabled = false;
        var redirect = xhr.getResponseHeader('HX-Redirect');
        if (redirect) {
          window.location.href = redirect;
          return;
        }
        status.innerHTML = xhr.responseText;
        htmx.process(status);
        var location = xhr.getResponseHeader('Location');
        if (location) {
          var id = location.substring(location.lastIndexOf('/') + 1);
          history.replaceState(null, '', window.location.pathname + '?import=' + encodeURIComponent(id));
        }
      });
      xhr.addEventListener('error', function () {
        submit.disabled = false;
        show("L'envoi du fichier a échoué (réseau ou service indisponible) : rien n'a été importé.");
      });
      submit.disabled = true;
      report.textContent = '';
      show('Envoi du fichier ' + chosen.name + '…', 0);
      xhr.send(chosen);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
