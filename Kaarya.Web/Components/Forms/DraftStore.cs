using Microsoft.JSInterop;

namespace Kaarya.Web.Components.Forms;

/// <summary>
/// Reads and clears what the browser kept of a form's text while it was typed (kaarya.js keeps
/// every field marked <c>data-kaarya-draft</c> in the tab's sessionStorage, without the server).
/// A form restores its draft when it first renders and takes the draft as the truth when it
/// saves, so words typed while the circuit was down are neither lost nor saved stale. See
/// decision 0011.
/// </summary>
public sealed class DraftStore(IJSRuntime js)
{
    /// <summary>The attribute that marks a field whose text the browser keeps.</summary>
    public const string Attribute = "data-kaarya-draft";

    /// <summary>The kept text of a field, or null when there is none (or no browser to ask).</summary>
    public async Task<string?> LoadAsync(string key)
    {
        try
        {
            return await js.InvokeAsync<string?>("kaarya.drafts.load", key);
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or InvalidOperationException or TaskCanceledException)
        {
            // Prerendering, a circuit gone, or a browser refusing storage: the field's own value stands.
            return null;
        }
    }

    /// <summary>
    /// Keeps a value the server set rather than one typed (a date chosen from a picker's calendar
    /// fires no input event in the browser), so it too survives a circuit that does not come back.
    /// </summary>
    public async Task SaveAsync(string key, string value)
    {
        try
        {
            await js.InvokeVoidAsync("kaarya.drafts.save", key, value);
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or InvalidOperationException or TaskCanceledException)
        {
            // No browser to keep it in: the form still holds the value.
        }
    }

    public async Task ClearAsync(string key)
    {
        try
        {
            await js.InvokeVoidAsync("kaarya.drafts.clear", key);
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or InvalidOperationException or TaskCanceledException)
        {
            // Nothing to clear on a browser that is gone; sign-out clears every draft anyway.
        }
    }

    /// <summary>The key of her words on one part of a plan version or a stocktaking.</summary>
    public static string ForWords(Guid subjectId, string part) => $"words:{subjectId:N}:{part}";

    /// <summary>The key of her optional words with her answer on a plan version.</summary>
    public static string ForAnswer(Guid planId) => $"answer:{planId:N}";

    /// <summary>The key of one written part of the plan form of a business (kept until that plan is saved).</summary>
    public static string ForPlan(Guid businessId, string part) => $"plan:{businessId:N}:{part}";

    /// <summary>The key of one field of a mentor's review of a plan version.</summary>
    public static string ForReview(Guid planId, string field) => $"review:{planId:N}:{field}";
}
