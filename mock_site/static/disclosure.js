// PACER website (alt dialect): "Quick Links" is a disclosure button that shows its links.
document.addEventListener("DOMContentLoaded", function () {
  var buttons = document.querySelectorAll("button[aria-controls][aria-expanded]");
  buttons.forEach(function (button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) { return; }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = !open;
    });
  });
});
