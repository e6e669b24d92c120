// Polls the batch re-check's JSON status (done / total) and reloads the page when the run ends.
const box = document.getElementById("recheck-progress");
const bar = document.getElementById("recheck-bar");

async function poll() {
    const r = await fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" } });
    if (!r.ok) return;
    const s = await r.json();
    const pct = s.total === 0 ? 0 : Math.min(100, Math.floor((s.done * 100) / s.total));
    bar.style.width = pct + "%";
    bar.textContent = s.done + " / " + s.total;
    box.setAttribute("aria-valuenow", String(s.done));
    if (s.state === "Done" || s.state === "Failed") {
        location.reload();
        return;
    }
    setTimeout(poll, 500);
}

if (box && bar) setTimeout(poll, 300);
