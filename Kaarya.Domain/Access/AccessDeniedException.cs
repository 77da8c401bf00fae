namespace Kaarya.Domain.Access;

/// <summary>
/// The viewer asked for a record she may not see. The message is calm and says nothing about the
/// record itself, not even whether it exists.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public const string CalmMessage = "This record is not one you can open.";

    public AccessDeniedException()
        : base(CalmMessage)
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
