namespace Kaarya.Domain.Common;

/// <summary>
/// A programme rule refused what was asked. The message is written for a social worker:
/// it says what is wrong and, where there is one, what can be done about it.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message) => Code = code;

    public DomainException()
        : this("domain", "A programme rule refused this.")
    {
    }

    public DomainException(string message)
        : this("domain", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException) => Code = "domain";

    /// <summary>A stable key for the rule, for tests and for translated messages.</summary>
    public string Code { get; }
}
