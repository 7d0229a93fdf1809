// PACER login: "Continue" stays disabled until the redaction box is ticked (as on the real page).
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("regmsg:chkRedact");
  var button = document.getElementById("regmsg:bpmConfirm");
  if (!box || !button) { return; }
  var sync = function () { button.disabled = !box.checked; };
  box.addEventListener("change", sync);
  sync(); // a page restored from the back/forward cache keeps the box's state
});
