namespace Kaarya.Domain.Common;

/// <summary>The five kinds of people who use Kaarya.</summary>
public enum KaaryaRole
{
    Staff = 1,
    ProgrammeManager = 2,
    Mentor = 3,
    Survivor = 4,
    Auditor = 5,
}

/// <summary>
/// Who is doing something. The domain needs only an identity to record and compare
/// (four-eyes) and a role to check (only a programme manager approves or overrides).
/// </summary>
public sealed record Actor
{
    public Actor(string userId, KaaryaRole role)
    {
        UserId = Rule.RequiredText(userId, "The user", TextLimits.UserId);
        Role = role;
    }

    public string UserId { get; }

    public KaaryaRole Role { get; }

    public bool IsProgrammeManager => Role == KaaryaRole.ProgrammeManager;

    /// <summary>Staff and the programme manager keep the programme's records.</summary>
    public bool KeepsRecords => Role is KaaryaRole.Staff or KaaryaRole.ProgrammeManager;

    public void MustKeepRecords()
    {
        Rule.Require(KeepsRecords, "not-staff", "Only GGBK staff or the programme manager can record this.");
    }

    public void MustBeProgrammeManager(string toDoWhat)
    {
        Rule.Require(IsProgrammeManager, "not-manager", $"Only a programme manager can {toDoWhat}.");
    }
}
