// n / p: scroll to the next / previous divergent passage. An extra: the page works without it.
(function () {
  var heads = Array.prototype.slice.call(document.querySelectorAll("tr.divergent"));
  var at = -1;
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || heads.length === 0) return;
    if (event.key === "n") at = Math.min(at + 1, heads.length - 1);
    else if (event.key === "p") at = Math.max(at - 1, 0);
    else return;
    heads[at].scrollIntoView({ block: "start" });
    location.hash = heads[at].id;
  });
})();
