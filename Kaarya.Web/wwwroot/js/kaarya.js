// Kaarya's page script: quick-hide, sign-out, printing and the idle timer. No inline script anywhere, so the
// Content-Security-Policy can forbid it.
(function () {
    "use strict";

    var lastEscape = 0;
    var lastActivity = Date.now();

    function signOutForm() {
        return document.getElementById("kaarya-signout");
    }

    function signOut(reason) {
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
