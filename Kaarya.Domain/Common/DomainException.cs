namespace Kaarya.Domain.Common;

/// <summary>
/// A programme rule refused what was asked. The message is written for a social worker:
/// it says what is wrong and, where there is one, what can be done about it.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : this(code, RefusalMessage.Plain(message))
    {
    }

    /// <summary>A refusal whose sentence carries values (built from an interpolated string).</summary>
    public DomainException(string code, RefusalMessage message)
        : base(message?.ToString())
    {
        Code = code;
        Sentence = message!;
    }

    public DomainException()
        : this("domain", "A programme rule refused this.")
    {
    }

    public DomainException(string message)
        : this("domain", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain";
        Sentence = RefusalMessage.Plain(message ?? string.Empty);
    }

    /// <summary>A stable key for the rule, for tests and for translated messages.</summary>
    public string Code { get; }

    /// <summary>
    /// Names which sentence of the rule this is, where one rule says different things in different
    /// cases (a cheque or a bank transfer without its reference); the translated sentence is keyed
    /// by <see cref="Code"/> and this together.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>The sentence as a format and its values, for a screen that says it in another language.</summary>
    public RefusalMessage Sentence { get; }
}
