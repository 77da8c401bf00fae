using System.Globalization;
using Kaarya.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Kaarya.Web.Components.Forms;

/// <summary>
/// A domain refusal in the screen's language. The domain speaks English sentences written for
/// staff and keeps each one's values apart (<see cref="DomainException.Sentence"/>); every rule a
/// person can meet has a resource key <c>Refusal.{code}</c> (or <c>Refusal.{code}.{variant}</c>)
/// whose composite format puts those values where the language wants them. Values are already
/// written the programme's way (₹ with lakh grouping, dd-MM-yyyy) in both languages; the words a
/// value may be (a business's status, the name of a field) are looked up as <c>Refusal.Term.{word}</c>.
/// A refusal without a key falls back to the domain's own sentence: better than "something went wrong",
/// and the localization tests fail for every code the source can raise without one.
/// </summary>
public static class RefusalText
{
    public static string? Of(IStringLocalizer localizer, DomainAction action)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(action);
        return action.Refused is { } refused ? Of(localizer, refused)
            : action.Refusal is null ? null : Of(localizer, action.RefusalCode, action.Refusal);
    }

    public static string Of(IStringLocalizer localizer, DomainException refused)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(refused);
        var translated = localizer[KeyOf(refused.Code, refused.Variant)];
        if (translated.ResourceNotFound)
        {
            return refused.Message;
        }

        var values = refused.Sentence.Arguments.Select(value => Term(localizer, value)).ToArray();
        try
        {
            return string.Format(CultureInfo.CurrentCulture, translated.Value, values);
        }
        catch (FormatException)
        {
            // A translation that asks for a value the rule does not give: the English still says it all.
            return refused.Message;
        }
    }

    public static string Of(IStringLocalizer localizer, string? code, string sentence)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (code is null)
        {
            return sentence;
        }

        var translated = localizer[KeyOf(code, null)];
        return translated.ResourceNotFound ? sentence : translated.Value;
    }

    public static string KeyOf(string code, string? variant) =>
        variant is null ? $"Refusal.{code}" : $"Refusal.{code}.{variant}";

    private static object? Term(IStringLocalizer localizer, object? value)
    {
        if (value is not string word)
        {
            return value;
        }

        var term = localizer[$"Refusal.Term.{word}"];
        return term.ResourceNotFound ? word : term.Value;
    }
}
