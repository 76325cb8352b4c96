// The action plan editor: rich-text fields and a warning before unsaved changes are lost.
// Without JavaScript the fields stay plain text areas and the forms work the same.
(function () {
  "use strict";

  function upgradeRichText(textarea) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = textarea.name;
    input.id = textarea.id + "-value";
    input.value = textarea.value;
    var editor = document.createElement("trix-editor");
    editor.setAttribute("input", input.id);
    editor.id = textarea.id;
    var label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = textarea.id + "-label";
      editor.setAttribute("aria-labelledby", label.id);
    }
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (textarea.hasAttribute(name)) editor.setAttribute(name, textarea.getAttribute(name));
    });
    textarea.replaceWith(input, editor);
  }

  function warnBeforeLeaving(form) {
    // Shown again after a refused save, the form holds what was typed and not saved.
    var dirty = form.dataset.warnUnsaved === "unsaved";
    function mark() { dirty = true; }
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("trix-change", mark);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = "";
    });
  }

  function start() {
    if (window.customElements) {
      // Trix defines its element once it has loaded; until then the text areas serve.
      window.customElements.whenDefined("trix-editor").then(function () {
        // The toolbar's labels in the page's language, set before any toolbar is drawn.
        var labels = document.getElementById("rich-text-labels");
        if (labels && window.Trix) Object.assign(window.Trix.config.lang, JSON.parse(labels.textContent));
        document.querySelectorAll("textarea[data-rich-text]").forEach(upgradeRichText);
      });
    }
    // Trix takes its toolbar's buttons out of the Tab order (tabindex="-1"); keyboard
    // users reach them with Tab like every other button.
    document.addEventListener("trix-initialize", function (event) {
      var toolbar = event.target.toolbarElement;
      if (toolbar) toolbar.querySelectorAll('button[tabindex="-1"]').forEach(function (button) {
        button.removeAttribute("tabindex");
      });
    });
    // Attachments would bypass the upload checks: the editor takes text only.
    document.addEventListener("trix-file-accept", function (event) { event.preventDefault(); });
    document.querySelectorAll("form[data-warn-unsaved]").forEach(warnBeforeLeaving);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
