// The draft's edit page: the narrative counter (PRE-LENGTH), autosave with conflicts, and the
// registry pickers with "not in the registry? propose it". No framework; text is always put in the
// page as text (textContent), never as HTML.
import { countNarrative } from "./narrative-counter.js";
import { Autosave } from "./autosave.js";

const form = document.getElementById("draft-form");
if (form) init(form);

function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, key) => (key in values ? String(values[key]) : m));
}

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "text") node.textContent = v;
        else node.setAttribute(k, v === true ? "" : v);
    }
    for (const child of children) if (child) node.append(child);
    return node;
}

function init(form) {
    const d = form.dataset;
    const limit = Number(d.limit);
    const storageKey = "gp-draft:" + d.id;
    const status = document.getElementById("save-status");
    const counter = document.getElementById("narrative-counter");
    const alertRegion = document.getElementById("narrative-alert");
    const serverCount = document.getElementById("server-count");
    const conflict = document.getElementById("conflict");
    const clientErrors = document.getElementById("client-errors");
    const directionSelect = form.querySelector("[data-field=DirectionId]");
    let reloadAfterSave = false;

    // ---- content -------------------------------------------------------------------------
    const value = (field) => form.querySelector(`[data-field="${field}"]`)?.value ?? "";
    const number = (field) => {
        const raw = value(field).trim();
        return raw === "" ? null : Number(raw);
    };
    const ids = (field) => [...form.querySelectorAll(`.picker[data-field="${field}"] .picked input[type=hidden]`)].map(i => i.value);
    const single = (field) => ids(field)[0] ?? null;

    function collect() {
        return {
            title: value("Title"),
            directionId: directionSelect.value || null,
            piPersonId: single("PiPersonId"),
            piMonthsPerYear: number("PiMonthsPerYear"),
            durationMonths: number("DurationMonths"),
            requestedBudget: number("RequestedBudget"),
            matchingFundsPercent: number("MatchingFundsPercent"),
            units: ids("Units"),
            keyMembers: ids("KeyMembers"),
            foreignLead: single("ForeignLead"),
            foreignMembers: ids("ForeignMembers"),
            foreignLeadException: value("ForeignLeadException") || null,
            foreignLeadStatement: value("ForeignLeadStatement"),
            objectives: value("Objectives"),
            innovation: value("Innovation"),
            technicalRoute: value("TechnicalRoute"),
            researchBasis: value("ResearchBasis"),
            indicatorAnswers: [...form.querySelectorAll("textarea.indicator-answer")]
                .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
                .map(t => t.value),
        };
    }

    // ---- counter (PRE-LENGTH) --------------------------------------------------------------
    let wasOver = Number(counter.dataset.count) > limit;
    function updateCounter() {
        const count = [...form.querySelectorAll("textarea.narrative")].reduce((sum, t) => sum + countNarrative(t.value), 0);
        counter.dataset.count = String(count);
        counter.textContent = fill(d.textCounter, { count, limit });
        const over = count > limit;
        counter.classList.toggle("text-danger", over);
        counter.classList.toggle("fw-bold", over);
        if (over && !wasOver) alertRegion.textContent = fill(d.textOver, { over: count - limit });
        if (!over) alertRegion.textContent = "";
        wasOver = over;
    }

    // ---- status and errors -----------------------------------------------------------------
    function setStatus(state, info) {
        const time = new Date().toLocaleTimeString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
        const texts = {
            unsaved: d.textUnsaved,
            saving: d.textSaving,
            // The server's instant in Beijing time with the zone named, as everywhere else.
            saved: fill(d.textSaved, { time: info?.savedAtText ?? time }),
            retrying: fill(d.textRetrying, { seconds: info?.seconds ?? 1 }),
            conflict: d.textConflict,
            invalid: d.textInvalid,
            refused: d.textRefused,
        };
        status.textContent = texts[state] ?? "";
        status.dataset.state = state;
        status.classList.toggle("text-danger", ["conflict", "invalid", "refused", "retrying"].includes(state));
        status.classList.toggle("text-success", state === "saved");
    }

    function clearErrors() {
        clientErrors.classList.add("d-none");
        clientErrors.querySelector("ul").replaceChildren();
        for (const box of form.querySelectorAll("[data-errors-for]")) {
            box.replaceChildren();
            box.classList.add("d-none");
        }
        for (const input of form.querySelectorAll(".is-invalid")) input.classList.remove("is-invalid");
    }

    function errorBox(field, content) {
        const [, name, index] = /^([A-Za-z]+)(?:\[(\d+)\])?$/.exec(field ?? "") ?? [];
        if (!name) return null;
        if (name === "Units" && index !== undefined) {
            const li = form.querySelector(`.picker[data-field="Units"] li[data-id="${content.units[Number(index)]}"]`);
            return li?.closest(".picker")?.querySelector("[data-picker-errors]") ?? form.querySelector('[data-errors-for="Units"]');
        }
        return form.querySelector(`[data-errors-for="${field}"]`) ?? form.querySelector(`[data-errors-for="${name}"]`);
    }

    function showErrors(errors, content) {
        clearErrors();
        const list = clientErrors.querySelector("ul");
        for (const e of errors ?? []) {
            const box = errorBox(e.field, content);
            let target = null;
            if (box) {
                box.append(el("span", { class: "d-block", "data-code": e.code, text: e.message }));
                box.classList.remove("d-none");
                target = box.closest(".picker")?.querySelector(".picker-search")
                    ?? form.querySelector(`[aria-describedby~="${box.id}"]`)
                    ?? form.querySelector(`[data-field="${e.field}"]`);
                target?.classList.add("is-invalid");
            }
            const item = el("li", { "data-code": e.code, "data-field": e.field });
            if (target?.id) item.append(el("a", { class: "alert-link", href: "#" + target.id, text: e.message }));
            else item.textContent = e.message;
            list.append(item);
        }
        if (list.children.length > 0) clientErrors.classList.remove("d-none");
    }

    // ---- conflict panel ----------------------------------------------------------------------
    function showConflict(json) {
        const body = conflict.querySelector("tbody");
        body.replaceChildren(...(json.differences ?? []).map(r =>
            el("tr", { "data-field": r.field },
                el("th", { scope: "row", text: r.label }),
                el("td", { class: "conflict-text", text: r.yours }),
                el("td", { class: "conflict-text", text: r.stored }))));
        conflict.dataset.version = String(json.version);
        conflict.classList.remove("d-none");
        conflict.focus();
    }

    // ---- autosave ----------------------------------------------------------------------------
    const autosave = new Autosave({
        url: d.saveUrl,
        token: d.token,
        version: Number(d.version),
        storageKey,
        collect,
        onStatus: setStatus,
        onSaved(json) {
            form.querySelector("input[name=Version]").value = String(json.version);
            serverCount.dataset.count = String(json.narrativeCount);
            serverCount.textContent = fill(d.textServerCount, { count: json.narrativeCount, limit });
            clearErrors();
            conflict.classList.add("d-none");
            // The live pre-check (draft-precheck.js) redraws its panel from json.findings.
            form.dispatchEvent(new CustomEvent("draft-saved", { detail: json }));
            if (reloadAfterSave && !autosave.dirty) {
                autosave.clearBackup();
                window.location.reload();
            }
        },
        onConflict(json) {
            if ((json.differences ?? []).length === 0) {
                // Nothing differs (e.g. a save that reached the server before the tab closed):
                // stand on the stored version.
                autosave.discard();
                window.location.reload();
                return;
            }
            showConflict(json);
        },
        onInvalid(json) { showErrors(json?.errors, autosave.content()); },
        onRefused(json) { showErrors(json?.errors, autosave.content()); },
    });
    autosave.watchLeaving();
    window.grantPortalAutosave = autosave;

    form.addEventListener("input", (event) => {
        if (event.target.classList.contains("picker-search")) return;
        if (event.target.classList.contains("narrative")) updateCounter();
        autosave.changed();
    });
    directionSelect.addEventListener("change", () => {
        status.textContent = d.textDirectionChanged;
        reloadAfterSave = true;
        autosave.changed();
        autosave.flush();
    });
    form.addEventListener("submit", (event) => {
        // With scripts the save button saves now through autosave; the plain post is the fallback.
        event.preventDefault();
        autosave.dirty = true;
        autosave.flush();
    });

    document.getElementById("conflict-keep-mine").addEventListener("click", () => {
        const stored = Number(conflict.dataset.version ?? form.querySelector("input[name=Version]").value);
        conflict.classList.add("d-none");
        autosave.keepMine(stored);
    });
    document.getElementById("conflict-take-stored").addEventListener("click", () => autosave.discard());

    if (!conflict.classList.contains("d-none")) {
        // A plain form post met a newer version: the form holds the user's content, on the stored
        // version; nothing is saved until the user chooses.
        autosave.dirty = true;
        autosave.paused = true;
        autosave.backup();
        setStatus("conflict");
    } else {
        const backup = Autosave.readBackup(storageKey);
        if (backup && JSON.stringify(backup.content) !== JSON.stringify(collect())) {
            // A closed tab or a lost connection left these changes unsaved: send them now on the
            // version they were based on (a conflict shows both versions).
            reloadAfterSave = true;
            autosave.restore(backup);
        } else if (backup) {
            autosave.clearBackup();
        }
    }

    initPickers(form, autosave);
    initForeignLeadException(form);
}

// FOREIGN-LEAD-AGE: the exception claim is relevant only with a foreign lead; it appears when one
// is picked and hides when removed (its values are kept, and ignored without a foreign lead).
function initForeignLeadException(form) {
    const box = document.getElementById("foreign-lead-exception");
    const picked = form.querySelector('.picker[data-field="ForeignLead"] .picked');
    if (!box || !picked) return;
    const toggle = () => { box.hidden = picked.querySelector("li[data-id]") === null; };
    new MutationObserver(toggle).observe(picked, { childList: true });
    toggle();
}

// ---- pickers ---------------------------------------------------------------------------------
function initPickers(form, autosave) {
    const d = form.dataset;
    const url = d.pickersUrl;

    function pickedItem(field, hit) {
        const remove = el("button", { type: "button", class: "btn btn-sm btn-outline-danger picker-remove", "aria-label": fill(d.textRemove, {}) + " " + hit.name, text: d.textRemove });
        return el("li", { class: "list-group-item d-flex justify-content-between align-items-center gap-2", "data-id": hit.id },
            el("input", { type: "hidden", name: "Input." + field, value: hit.id }),
            el("span", {},
                el("span", { class: "picked-name", text: hit.name }), " ",
                el("small", { class: "text-muted", text: hit.detail }),
                hit.isVerified ? null : el("span", { class: "badge text-bg-warning ms-1", text: d.textUnverified })),
            remove);
    }

    function pick(picker, hit) {
        const list = picker.querySelector(".picked");
        if (list.querySelector(`li[data-id="${hit.id}"]`)) return;
        if (picker.dataset.multiple !== "true") list.replaceChildren();
        list.append(pickedItem(picker.dataset.field, hit));
        picker.querySelector(".picker-results").replaceChildren();
        const search = picker.querySelector(".picker-search");
        search.value = "";
        search.focus();
        autosave.changed();
    }

    async function search(kind, term, foreign) {
        const params = new URLSearchParams({ handler: kind === "units" ? "Units" : "People", q: term });
        if (foreign) params.set("foreign", foreign);
        const response = await fetch(url + "?" + params, { credentials: "same-origin", headers: { Accept: "application/json" } });
        return response.ok ? response.json() : [];
    }

    function renderResults(list, hits, onPick) {
        if (hits.length === 0) {
            list.replaceChildren(el("li", { class: "list-group-item text-muted", text: d.textNoResults }));
            return;
        }
        list.replaceChildren(...hits.map(hit => {
            const button = el("button", { type: "button", class: "btn btn-link p-0 text-start picker-hit", "data-id": hit.id },
                el("span", { text: hit.name }), " ",
                el("small", { class: "text-muted", text: [hit.detail, hit.kind].filter(Boolean).join(" · ") }),
                hit.isVerified ? null : el("span", { class: "badge text-bg-warning ms-1", text: d.textUnverified }));
            button.addEventListener("click", () => onPick(hit));
            return el("li", { class: "list-group-item" }, button);
        }));
    }

    function wireSearch(input, results, kind, foreign, onPick) {
        let timer = null;
        let seq = 0;
        input.addEventListener("input", () => {
            clearTimeout(timer);
            const term = input.value.trim();
            if (term === "") { results.replaceChildren(); return; }
            timer = setTimeout(async () => {
                const mine = ++seq;
                const hits = await search(kind, term, foreign);
                if (mine === seq) renderResults(results, hits, onPick);
            }, 250);
        });
        input.addEventListener("keydown", (event) => {
            if (event.key === "Enter") {
                // Enter in a search box never submits the draft; it goes to the first result.
                event.preventDefault();
                results.querySelector(".picker-hit")?.focus();
            }
        });
    }

    let target = null;
    for (const picker of form.querySelectorAll(".picker")) {
        wireSearch(picker.querySelector(".picker-search"), picker.querySelector(".picker-results"),
            picker.dataset.picker, picker.dataset.foreign, (hit) => pick(picker, hit));
        picker.addEventListener("click", (event) => {
            const remove = event.target.closest(".picker-remove");
            if (remove) {
                remove.closest("li").remove();
                picker.querySelector(".picker-search").focus();
                autosave.changed();
            }
            const propose = event.target.closest(".picker-propose");
            if (propose) {
                target = picker;
                openDialog(document.getElementById(propose.dataset.dialog), picker);
            }
        });
    }

    // ---- "not in the registry?" dialogs ----------------------------------------------------
    const unitDialog = document.getElementById("propose-unit");
    const personDialog = document.getElementById("propose-person");
    const kindSelect = unitDialog.querySelector("[name=kind]");

    function toggleUnitFields() {
        const foreign = kindSelect.selectedOptions[0]?.dataset.foreign === "true";
        for (const x of unitDialog.querySelectorAll(".domestic-only")) x.hidden = foreign;
        for (const x of unitDialog.querySelectorAll(".foreign-only")) x.hidden = !foreign;
    }
    kindSelect.addEventListener("change", toggleUnitFields);

    function openDialog(dialog, picker) {
        const formEl = dialog.querySelector("form");
        formEl.reset();
        clearDialogErrors(dialog);
        if (dialog === unitDialog) {
            const foreign = picker.dataset.foreign === "true";
            const option = [...kindSelect.options].find(o => (o.dataset.foreign === "true") === foreign);
            if (option) kindSelect.value = option.value;
            toggleUnitFields();
        } else {
            dialog.querySelector("#pp-unit").value = "";
            dialog.querySelector("#pp-unit-chosen").textContent = "";
            dialog.querySelector("#pp-unit-results").replaceChildren();
        }
        dialog.showModal();
        dialog.querySelector("input:not([type=hidden])")?.focus();
    }

    function clearDialogErrors(dialog) {
        for (const box of dialog.querySelectorAll("[data-error-for]")) box.textContent = "";
    }

    wireSearch(personDialog.querySelector("#pp-unit-search"), personDialog.querySelector("#pp-unit-results"), "units", "", (hit) => {
        personDialog.querySelector("#pp-unit").value = hit.id;
        personDialog.querySelector("#pp-unit-chosen").textContent = hit.name;
        personDialog.querySelector("#pp-unit-results").replaceChildren();
    });

    async function propose(dialog, handler, body) {
        clearDialogErrors(dialog);
        const response = await fetch(url + "?handler=" + handler, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "RequestVerificationToken": d.token, Accept: "application/json" },
            body: JSON.stringify(body),
        });
        const json = await response.json().catch(() => ({}));
        if (response.ok && json.hit) {
            dialog.close();
            pick(target, json.hit);
            return;
        }
        for (const e of json.errors ?? []) {
            const box = dialog.querySelector(`[data-error-for="${e.field ?? ""}"]`) ?? dialog.querySelector('[data-error-for=""]');
            box.append(el("span", { class: "d-block", "data-code": e.code, text: e.message }));
        }
    }

    const blank = (x) => (x === "" ? null : x);
    unitDialog.querySelector("form").addEventListener("submit", (event) => {
        if (event.submitter?.value !== "propose") return;
        event.preventDefault();
        const f = new FormData(event.target);
        const foreign = kindSelect.selectedOptions[0]?.dataset.foreign === "true";
        propose(unitDialog, "ProposeUnit", {
            name: f.get("name"), nameEn: blank(f.get("nameEn")), kind: f.get("kind"),
            socialCreditCode: foreign ? null : blank(f.get("socialCreditCode")),
            countryCode: foreign ? blank(f.get("countryCode")) : null,
            foreignRegistrationNumber: foreign ? blank(f.get("foreignRegistrationNumber")) : null,
            registrationDate: blank(f.get("registrationDate")),
        });
    });
    personDialog.querySelector("form").addEventListener("submit", (event) => {
        if (event.submitter?.value !== "propose") return;
        event.preventDefault();
        const f = new FormData(event.target);
        propose(personDialog, "ProposePerson", {
            name: f.get("name"), nameEn: blank(f.get("nameEn")), documentType: f.get("documentType"),
            documentNumber: f.get("documentNumber"), birthDate: blank(f.get("birthDate")), nationality: blank(f.get("nationality")),
            title: f.get("title"), degree: f.get("degree"), unitId: blank(f.get("unitId")),
        });
    });
}
