/* renja_xl web: drag and drop, upload progress, filtering the findings. Plain JS, no
   external resources; the pages work without it (plain form post, self-refreshing page). */
(function () {
  "use strict";

  function $(selector) { return document.querySelector(selector); }

  function megabytes(bytes) { return (bytes / 1048576).toFixed(1); }

  function initUpload() {
    var form = $("#upload");
    if (!form) { return; }
    var input = $("#files"), drop = $("#drop"), list = $("#chosen"), count = $("#chosen-count");
    var bar = $("#upbar"), msg = $("#upmsg"), button = $("#submit");
    var maxFiles = Number(form.dataset.maxFiles), maxBytes = Number(form.dataset.maxFileBytes);

    function show() {
      var files = input.files, total = 0;
      list.textContent = "";
      for (var i = 0; i < files.length; i++) {
        var li = document.createElement("li");
        li.textContent = files[i].name + " (" + megabytes(files[i].size) + " MB)";
        if (files[i].size > maxBytes) { li.className = "bad"; }
        list.appendChild(li);
        total += files[i].size;
      }
      count.textContent = files.length ? form.dataset.chosen.replace("{n}", files.length)
        .replace("{mb}", megabytes(total)) : "";
      if (files.length > maxFiles) { count.textContent += " — " + form.dataset.tooMany; }
    }

    input.addEventListener("change", show);
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        show();
      }
    });

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      });
      xhr.addEventListener("load", function () {
        if (xhr.status < 400 && xhr.responseURL) {
          window.location.assign(xhr.responseURL);
          return;
        }
        var page = new DOMParser().parseFromString(xhr.responseText, "text/html");
        document.replaceChild(document.adoptNode(page.documentElement), document.documentElement);
      });
      xhr.addEventListener("error", function () {
        button.disabled = false; bar.hidden = true; msg.textContent = "";
        form.submit();
      });
      bar.hidden = false; button.disabled = true; msg.textContent = form.dataset.uploading;
      xhr.send(new FormData(form));
    });
  }

  function initFilters() {
    var table = $("#findings");
    if (!table) { return; }
    var controls = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
    var search = $("#search"), shown = $("#shown");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tr.finding"));
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var groups = Array.prototype.slice.call(table.querySelectorAll("tbody"));

    function apply() {
      var want = {}, query = search.value.trim().toLowerCase(), n = 0;
      controls.forEach(function (c) { if (c.value) { want[c.dataset.filter] = c.value; } });
      rows.forEach(function (row, i) {
        var ok = Object.keys(want).every(function (k) { return row.dataset[k] === want[k]; }) &&
          (!query || texts[i].indexOf(query) >= 0);
        row.hidden = !ok;
        if (ok) { n++; }
      });
      groups.forEach(function (group) { group.hidden = !group.querySelector("tr.finding:not([hidden])"); });
      shown.textContent = shown.dataset.template.replace("{n}", n).replace("{total}", rows.length);
    }

    controls.forEach(function (c) { c.addEventListener("change", apply); });
    search.addEventListener("input", apply);
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () { initUpload(); initFilters(); });
}());
