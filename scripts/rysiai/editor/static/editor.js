// The editor's forms work without this script; with it, lists and groups get add, remove and
// reorder buttons, reference fields a search by name, and Markdown fields a preview.
"use strict";
(function () {
  let counter = 1000;
  function showScripted(root) {
    root.querySelectorAll(".ry-js").forEach((element) => { element.hidden = false; });
  }
  function renumber(fragment) {
    const index = String(counter++);
    fragment.querySelectorAll("[name], [id]").forEach((element) => {
      for (const attribute of ["name", "id"]) {
        const value = element.getAttribute(attribute);
        if (value && value.includes("__i__")) element.setAttribute(attribute, value.split("__i__").join(index));
      }
    });
  }
  function setUp(root) {
    showScripted(root);
    root.querySelectorAll(".ry-picker").forEach(picker);
    root.querySelectorAll(".ry-preview-button").forEach(preview);
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const item = button.closest(".ry-item");
    if (button.hasAttribute("data-remove") && item) { item.remove(); return; }
    if (button.hasAttribute("data-move") && item) {
      const sibling = button.dataset.move === "-1" ? item.previousElementSibling : item.nextElementSibling;
      if (sibling && sibling.classList.contains("ry-item")) {
        if (button.dataset.move === "-1") sibling.before(item); else sibling.after(item);
      }
      return;
    }
    if (button.classList.contains("ry-add")) {
      const owner = button.parentElement;
      const template = owner.querySelector(":scope > template");
      const fragment = template.content.cloneNode(true);
      renumber(fragment);
      const items = owner.querySelector(":scope > .ry-items");
      const added = fragment.firstElementChild;
      items.append(fragment);
      setUp(added);
      const first = added.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    }
  });
  function picker(element) {
    if (element.dataset.ready) return;
    element.dataset.ready = "1";
    const text = element.querySelector(".ry-picker-text");
    const id = element.querySelector(".ry-picker-id");
    const shown = element.querySelector(".ry-picker-id-shown");
    const list = element.querySelector(".ry-choices");
    let timer = null, active = -1, results = [];
    function close() { list.hidden = true; text.setAttribute("aria-expanded", "false"); active = -1; }
    function choose(result) {
      id.value = result.id; text.value = result.label;
      if (shown) shown.textContent = result.id;
      close();
    }
    function draw() {
      list.replaceChildren(...results.map((result, index) => {
        const option = document.createElement("li");
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", index === active ? "true" : "false");
        option.textContent = result.label + " ";
        const small = document.createElement("small");
        small.textContent = result.collection;
        option.append(small);
        option.addEventListener("mousedown", (event) => { event.preventDefault(); choose(result); });
        return option;
      }));
      list.hidden = results.length === 0;
      text.setAttribute("aria-expanded", list.hidden ? "false" : "true");
    }
    async function search() {
      const query = text.value.trim();
      if (!query) { results = []; draw(); return; }
      const address = element.dataset.search + "?in=" + encodeURIComponent(element.dataset.in) + "&q=" + encodeURIComponent(query);
      const response = await fetch(address, { credentials: "same-origin" });
      if (!response.ok) return;
      results = await response.json();
      active = results.length ? 0 : -1;
      draw();
    }
    text.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 120); });
    text.addEventListener("keydown", (event) => {
      if (list.hidden) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
        draw();
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); choose(results[active]);
      } else if (event.key === "Escape") { close(); }
    });
    text.addEventListener("blur", () => setTimeout(close, 150));
  }
  function preview(button) {
    if (button.dataset.ready) return;
    button.dataset.ready = "1";
    button.addEventListener("click", async () => {
      const field = button.closest(".ry-field");
      const area = field.querySelector("textarea");
      const box = field.querySelector(".ry-preview");
      const form = button.closest("form");
      const body = new URLSearchParams({ text: area.value, _csrf: form.querySelector("[name=_csrf]").value });
      const response = await fetch(button.dataset.preview, { method: "POST", body, credentials: "same-origin" });
      box.innerHTML = response.ok ? await response.text() : "";
      box.hidden = !response.ok;
    });
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".ry-blank").forEach((blank) => blank.remove());
    setUp(document);
  });
})();
