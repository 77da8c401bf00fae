namespace Kaarya.Domain.Common;

/// <summary>Lengths shared by the domain, the validators and the database columns.</summary>
public static class TextLimits
{
    public const int Name = 120;
    public const int Line = 200;
    public const int Passage = 4000;
    public const int UserId = 64;
    public const int Reference = 80;
}
