using Microsoft.Extensions.Localization;

namespace Kaarya.Web.Components.Forms;

/// <summary>
/// A domain refusal in the screen's language. The domain speaks English sentences written for
/// staff; the rules a survivor or her mentor can meet have a resource key <c>Refusal.{code}</c>,
/// so a Bengali screen says them in Bengali. A code without a key falls back to the domain's own
/// sentence, which is still better than a generic "something went wrong".
/// </summary>
public static class RefusalText
{
    public static string? Of(IStringLocalizer localizer, DomainAction action)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(action);
        return action.Refusal is null ? null : Of(localizer, action.RefusalCode, action.Refusal);
    }

    public static string Of(IStringLocalizer localizer, string? code, string sentence)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (code is null)
        {
            return sentence;
        }

        var translated = localizer[$"Refusal.{code}"];
        return translated.ResourceNotFound ? sentence : translated.Value;
    }
}
