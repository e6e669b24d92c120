// Autosave of a form's whole content through a JSON endpoint, without losing a keystroke:
// - debounced while typing, and sent on leaving the page (keepalive, so the request outlives it);
// - one save in flight at a time; what is typed during a slow save goes in the next one;
// - a failed request (network, 5xx) is retried with backoff;
// - every unsaved state is also kept in localStorage until the server has it, so that a closed tab
//   or a conflict loses nothing;
// - optimistic concurrency: each save names the version it was based on; a 409 pauses saving and
//   hands the stored version to the page, which lets the user choose (keepMine re-saves on the new
//   version).
// The request body is {version, content}; the answer of a save is {version, ...}.

const KEEPALIVE_LIMIT = 60000; // browsers refuse keepalive bodies over 64 KiB

export class Autosave {
    constructor({ url, token, version, storageKey, collect, onStatus, onSaved, onConflict, onInvalid, onRefused, debounceMs = 800, fetchImpl }) {
        this.url = url;
        this.token = token;
        this.version = version;
        this.storageKey = storageKey;
        this.collect = collect;
        this.onStatus = onStatus ?? (() => {});
        this.onSaved = onSaved ?? (() => {});
        this.onConflict = onConflict ?? (() => {});
        this.onInvalid = onInvalid ?? (() => {});
        this.onRefused = onRefused ?? (() => {});
        this.debounceMs = debounceMs;
        this.fetch = fetchImpl ?? ((...args) => window.fetch(...args));
        this.dirty = false;
        this.inFlight = false;
        this.paused = false;
        this.attempt = 0;
        this.debounceTimer = null;
        this.retryTimer = null;
        // Content to send instead of the form's (restoring what a closed tab left unsaved).
        this.pending = null;
    }

    get hasUnsaved() {
        return this.dirty || this.inFlight || this.pending !== null;
    }

    // The user changed something.
    changed() {
        this.dirty = true;
        this.backup();
        if (this.paused) return;
        this.onStatus("unsaved");
        clearTimeout(this.debounceTimer);
        this.debounceTimer = setTimeout(() => this.flush(), this.debounceMs);
    }

    content() {
        return this.pending ?? this.collect();
    }

    backup() {
        if (!this.storageKey) return;
        try {
            localStorage.setItem(this.storageKey, JSON.stringify({ baseVersion: this.version, content: this.content(), at: Date.now() }));
        } catch {
            // Storage full or disabled: the server copy and the open page still hold everything.
        }
    }

    clearBackup() {
        if (!this.storageKey) return;
        try { localStorage.removeItem(this.storageKey); } catch { /* see backup() */ }
    }

    static readBackup(storageKey) {
        try {
            const raw = localStorage.getItem(storageKey);
            return raw ? JSON.parse(raw) : null;
        } catch {
            return null;
        }
    }

    // Sends the unsaved content now (if any); a save in flight is followed by another when needed.
    async flush({ leaving = false } = {}) {
        clearTimeout(this.debounceTimer);
        this.debounceTimer = null;
        if (this.paused) return;
        if (this.inFlight) {
            // The page is going away while a save is in flight: send the latest content too (it may
            // meet a conflict with the one in flight; localStorage still holds it then).
            if (leaving && this.dirty) this.send(this.content(), true).catch(() => {});
            return;
        }
        if (!this.dirty && this.pending === null) return;
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
        const content = this.content();
        this.dirty = false;
        this.inFlight = true;
        this.onStatus("saving");
        let response;
        try {
            response = await this.send(content, leaving);
        } catch {
            this.inFlight = false;
            this.dirty = true;
            this.retry();
            return;
        }
        this.inFlight = false;
        let json = null;
        try { json = await response.json(); } catch { /* no body */ }
        if (response.ok) {
            this.attempt = 0;
            this.version = json.version;
            this.pending = null;
            this.onSaved(json);
            if (this.dirty) {
                this.backup();
                this.flush();
            } else {
                this.clearBackup();
                this.onStatus("saved", json);
            }
        } else if (response.status === 409) {
            this.dirty = true;
            this.paused = true;
            this.backup();
            this.onStatus("conflict", json);
            this.onConflict(json, content);
        } else if (response.status === 400) {
            this.dirty = true;
            this.backup();
            this.onStatus("invalid", json);
            this.onInvalid(json);
        } else if (response.status === 403 || response.status === 404) {
            this.dirty = true;
            this.paused = true;
            this.backup();
            this.onStatus("refused", json);
            this.onRefused(json);
        } else {
            this.dirty = true;
            this.retry();
        }
    }

    send(content, leaving) {
        const body = JSON.stringify({ version: this.version, content });
        return this.fetch(this.url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "RequestVerificationToken": this.token, "Accept": "application/json" },
            body,
            keepalive: leaving && body.length < KEEPALIVE_LIMIT,
        });
    }

    retry() {
        this.attempt++;
        const delay = Math.min(30000, 1000 * 2 ** (this.attempt - 1));
        this.backup();
        this.onStatus("retrying", { seconds: Math.round(delay / 1000) });
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.flush(), delay);
    }

    // After a conflict: the user keeps its own content, saved now on the stored version.
    keepMine(storedVersion) {
        this.version = storedVersion;
        this.paused = false;
        this.dirty = true;
        this.backup();
        return this.flush();
    }

    // The user takes the stored version: its own unsaved content is dropped on purpose.
    discard() {
        clearTimeout(this.debounceTimer);
        clearTimeout(this.retryTimer);
        this.dirty = false;
        this.pending = null;
        this.paused = true;
        this.clearBackup();
    }

    // Content a closed tab left unsaved: sent on the version it was based on.
    restore(backup) {
        this.pending = backup.content;
        this.version = backup.baseVersion;
        this.dirty = true;
        return this.flush();
    }

    // Saves on leaving and warns while anything is unsaved.
    watchLeaving() {
        document.addEventListener("visibilitychange", () => {
            if (document.visibilityState === "hidden") this.flush({ leaving: true });
        });
        window.addEventListener("pagehide", () => this.flush({ leaving: true }));
        window.addEventListener("beforeunload", (event) => {
            if (this.hasUnsaved) {
                event.preventDefault();
                event.returnValue = "";
            }
        });
    }
}
