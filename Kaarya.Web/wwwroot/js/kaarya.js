// Kaarya's page script: quick-hide, sign-out, printing and the idle timer. No inline script anywhere, so the
// Content-Security-Policy can forbid it.
(function () {
    "use strict";

    var lastEscape = 0;
    var lastActivity = Date.now();

    // Drafts (decision 0011): what she types into a field marked data-kaarya-draft="key" is kept
    // in this tab's sessionStorage on every keystroke, by the browser alone, so it survives a
    // dropped circuit and a reload. The form reads it back and clears it once saved. Signing out
    // or hiding the screen clears every draft: on a shared phone nothing she typed stays behind.
    var draftPrefix = "kaarya.draft:";

    function draftStore() {
        try {
            return window.sessionStorage;
        } catch (e) {
            return null;
        }
    }

    function clearDrafts() {
        var store = draftStore();
        if (!store) {
            return;
        }
        for (var i = store.length - 1; i >= 0; i--) {
            var key = store.key(i);
            if (key && key.indexOf(draftPrefix) === 0) {
                store.removeItem(key);
            }
        }
    }

    // While the circuit is away, what she types never reaches the server, even where the screen
    // shows it; and when the same circuit comes back, the server may re-render its own, older copy
    // of a field over it. So every kept draft is put back and told to the circuit, as typing would,
    // whether or not the screen already shows it. The page's root says when that was done
    // (data-kaarya-drafts="restored"), so whoever saves next knows the server has her text.
    function restoreDrafts() {
        var store = draftStore();
        if (store) {
            document.querySelectorAll("[data-kaarya-draft]").forEach(function (field) {
                var kept = store.getItem(draftPrefix + field.getAttribute("data-kaarya-draft"));
                if (kept !== null && typeof field.value === "string") {
                    field.value = kept;
                    field.dispatchEvent(new Event("input", { bubbles: true }));
                    field.dispatchEvent(new Event("change", { bubbles: true }));
                }
            });
        }
        document.documentElement.setAttribute("data-kaarya-drafts", "restored");
    }

    var reconnectModal = document.getElementById("components-reconnect-modal");
    if (reconnectModal) {
        reconnectModal.addEventListener("components-reconnect-state-changed", function (event) {
            if (!event.detail) {
                return;
            }
            if (event.detail.state === "show") {
                document.documentElement.setAttribute("data-kaarya-drafts", "kept");
            } else if (event.detail.state === "hide") {
                // Once as the circuit is back; again after re-renders that were waiting on the server.
                restoreDrafts();
                [700, 2000].forEach(function (delay) { window.setTimeout(restoreDrafts, delay); });
            }
        });
    }

    function keepDraft(event) {
        var field = event.target instanceof Element ? event.target.closest("[data-kaarya-draft]") : null;
        var store = draftStore();
        if (field && store && typeof field.value === "string") {
            try {
                store.setItem(draftPrefix + field.getAttribute("data-kaarya-draft"), field.value);
            } catch (e) {
                // Storage full or refused: the field still holds the text, as it always did.
            }
        }
    }

    // Every keystroke, and the moment a field is committed (a date typed into a picker), is kept.
    document.addEventListener("input", keepDraft, true);
    document.addEventListener("change", keepDraft, true);

    function signOutForm() {
        return document.getElementById("kaarya-signout");
    }

    function signOut(reason) {
        clearDrafts();
        var form = signOutForm();
        if (!form) {
            return false;
        }
        form.querySelector("input[name=reason]").value = reason;
        form.submit();
        return true;
    }

    // Blank the screen at once, then leave for a neutral page, signing out on the way if signed in.
    function quickHide() {
        document.documentElement.classList.add("kaarya-hidden");
        clearDrafts();
        if (!signOut("hide")) {
            window.location.replace("/calm.html");
        }
    }

    document.addEventListener("click", function (event) {
        var target = event.target instanceof Element ? event.target : null;
        if (!target) {
            return;
        }
        if (target.closest("[data-kaarya-hide]")) {
            event.preventDefault();
            quickHide();
        } else if (target.closest("[data-kaarya-signout]")) {
            event.preventDefault();
            signOut("");
        } else if (target.closest("[data-kaarya-print]")) {
            // Her plan's print button: the browser's own print dialog, with the print stylesheet.
            event.preventDefault();
            window.print();
        }
    }, true);

    // Escape twice quickly hides the screen, from anywhere in the app.
    document.addEventListener("keydown", function (event) {
        lastActivity = Date.now();
        if (event.key !== "Escape") {
            return;
        }
        var now = Date.now();
        if (now - lastEscape < 800) {
            quickHide();
        }
        lastEscape = now;
    }, true);

    ["pointerdown", "pointermove", "scroll", "touchstart", "input"].forEach(function (name) {
        document.addEventListener(name, function () { lastActivity = Date.now(); }, { passive: true, capture: true });
    });

    window.setInterval(function () {
        var form = signOutForm();
        var minutes = form ? parseFloat(form.getAttribute("data-idle-minutes")) : NaN;
        if (minutes > 0 && Date.now() - lastActivity > minutes * 60000) {
            signOut("idle");
        }
    }, 15000);

    // Hands a file the server built (a ledger workbook) to the browser as a download, straight
    // from the circuit's stream: no copy is left on the server or in a URL.
    window.kaarya = window.kaarya || {};
    window.kaarya.drafts = {
        load: function (key) {
            var store = draftStore();
            return store ? store.getItem(draftPrefix + key) : null;
        },
        clear: function (key) {
            var store = draftStore();
            if (store) {
                store.removeItem(draftPrefix + key);
            }
        },
        // A value the server set (a date chosen from a picker's calendar), kept as typing would keep it.
        save: function (key, value) {
            var store = draftStore();
            if (store) {
                try {
                    store.setItem(draftPrefix + key, value);
                } catch (e) {
                    // Storage full or refused: the form still holds the value.
                }
            }
        }
    };
    window.kaarya.saveFile = async function (fileName, contentType, streamReference) {
        var buffer = await streamReference.arrayBuffer();
        var url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        var link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        URL.revokeObjectURL(url);
    };
}());
