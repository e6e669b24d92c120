// The live eligibility pre-check of the draft editor: after each successful autosave the save
// answer carries every finding of the saved draft (Features/Eligibility/PreCheck); the panel is
// redrawn from it, so findings appear and disappear while the applicant fixes the draft. Text is
// put in the page as text, never as HTML.
const form = document.getElementById("draft-form");
const panel = document.getElementById("precheck");
if (form && panel) init(form, panel);

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else node.setAttribute(k, v);
    }
    for (const child of children) if (child) node.append(child);
    return node;
}

function row(f, fixText) {
    const message = el("td", {}, f.message);
    if (f.href) message.append(" ", el("a", { class: "ms-1", href: f.href, text: fixText }));
    return el("tr", { "data-rule": f.ruleId, "data-finding": f.code, "data-severity": f.severity, "data-field": f.field ?? "" },
        el("td", {}, el("span", { class: "badge " + (f.severity === "Blocking" ? "bg-danger" : "bg-warning text-dark"), text: f.severityText })),
        el("td", {}, el("code", { text: f.ruleId }), el("br"), el("small", { text: f.ruleText })),
        el("td", { text: f.subject }),
        message);
}

function init(form, panel) {
    const d = panel.dataset;
    const body = panel.querySelector("#precheck-findings tbody");
    const none = panel.querySelector("#precheck-none");
    const table = panel.querySelector("#precheck-table");
    const status = panel.querySelector("#precheck-status");

    function render(result) {
        const findings = result?.findings ?? [];
        body.replaceChildren(...findings.map(f => row(f, d.textFix)));
        none.classList.toggle("d-none", findings.length > 0);
        table.classList.toggle("d-none", findings.length === 0);
        panel.dataset.blocking = result?.blocking ? "true" : "false";
        panel.dataset.version = String((Number(panel.dataset.version ?? "0") + 1));
        status.textContent = d.textUpdated.replace("{count}", String(findings.length));
    }

    form.addEventListener("draft-saved", (event) => {
        if (event.detail?.findings) render(event.detail.findings);
    });
}
