// Steward console: progressive enhancement only; every page works without this script.
// - a filter form's select or checkbox submits the form when changed (the button stays for those without JS);
// - a form with data-confirm asks before it is sent.
"use strict";
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field.form && field.form.classList.contains("filters") && (field.tagName === "SELECT" || field.type === "checkbox")) {
    field.form.requestSubmit();
  }
});
document.addEventListener("submit", (event) => {
  const question = event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
