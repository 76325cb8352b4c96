// The header's search field as a WAI-ARIA 1.2 combobox with a listbox popup.
// htmx fetches the suggestions into the listbox as the visitor types (debounced, see
// base.html); this file opens and closes the list, moves the active option with the
// arrow keys (aria-activedescendant: focus stays in the field), opens the chosen one
// with Enter or a click, closes with Escape, and tells screen readers how many there are.
(function () {
  "use strict";

  function setUp(input) {
    var listbox = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById("site-search-status");
    var active = -1;

    function options() {
      return Array.prototype.slice.call(listbox.querySelectorAll('[role="option"]'));
    }

    function announce(count) {
      if (!status) { return; }
      var text = count === 0 ? status.dataset.none
        : count === 1 ? status.dataset.one
        : status.dataset.many.replace("{count}", String(count));
      status.textContent = text;
    }

    function setActive(index) {
      var all = options();
      all.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        all[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function follow(option) {
      if (option && option.dataset.href) { window.location.assign(option.dataset.href); }
    }

    // A new list of suggestions arrived (or an empty one).
    listbox.addEventListener("htmx:afterSettle", function () {
      var count = options().length;
      // The "all results" option is not a suggestion of its own.
      announce(Math.max(count - 1, 0));
      setActive(-1);
      if (count && document.activeElement === input && input.value.trim()) { open(); } else { close(); }
    });

    input.addEventListener("keydown", function (event) {
      var all = options();
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length) { return; }
        event.preventDefault();
        open();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= all.length) { next = 0; }
        if (next < 0) { next = all.length - 1; }
        setActive(next);
      } else if (event.key === "Enter") {
        if (!listbox.hidden && active >= 0) {
          event.preventDefault();
          follow(all[active]);
        }
      } else if (event.key === "Escape") {
        if (!listbox.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("input", function () {
      if (!input.value.trim()) { close(); }
    });
    input.addEventListener("blur", function () { close(); });

    // A press on an option must not take the focus from the field before the click.
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      follow(event.target.closest('[role="option"]'));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('.site-search [role="combobox"]').forEach(setUp);
  });
})();
