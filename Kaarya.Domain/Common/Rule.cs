namespace Kaarya.Domain.Common;

/// <summary>Small guards that turn a broken rule into a <see cref="DomainException"/>.</summary>
public static class Rule
{
    public static void Require(bool condition, string code, string message)
    {
        if (!condition)
        {
            throw new DomainException(code, message);
        }
    }

    /// <summary>The same guard for a sentence with values: they stay apart from the words, for translation.</summary>
    public static void Require(bool condition, string code, RefusalMessage message)
    {
        if (!condition)
        {
            throw new DomainException(code, message);
        }
    }

    /// <summary>A rule that says different things in different cases: <paramref name="variant"/> names this one.</summary>
    public static void Require(bool condition, string code, string variant, string message)
    {
        if (!condition)
        {
            throw new DomainException(code, message) { Variant = variant };
        }
    }

    public static void Require(bool condition, string code, string variant, RefusalMessage message)
    {
        if (!condition)
        {
            throw new DomainException(code, message) { Variant = variant };
        }
    }

    public static string RequiredText(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        Require(!string.IsNullOrEmpty(trimmed), "required", $"{what} is required.");
        Require(trimmed!.Length <= maxLength, "too-long", $"{what} is longer than {maxLength} characters.");
        return trimmed;
    }

    public static string OptionalText(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        Require(trimmed.Length <= maxLength, "too-long", $"{what} is longer than {maxLength} characters.");
        return trimmed;
    }

    public static void RequireActor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
    }
}
