using Microsoft.AspNetCore.Identity;

namespace Kaarya.Web.Identity;

/// <summary>
/// A person who signs in. The user name is what the records say ("recorded by staff.rina"), so it
/// never holds a survivor's name: survivors sign in with their participant code.
/// </summary>
public sealed class KaaryaUser : IdentityUser
{
    public const int DisplayNameMaxLength = 120;

    /// <summary>How the app greets her; for a survivor, her code, never her name.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>For a survivor: her own participant record.</summary>
    public Guid? ParticipantId { get; set; }

    /// <summary>The language she chose: en-IN or bn-IN.</summary>
    public string? PreferredCulture { get; set; }
}
