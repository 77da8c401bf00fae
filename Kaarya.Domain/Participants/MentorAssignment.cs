using Kaarya.Domain.Common;

namespace Kaarya.Domain.Participants;

/// <summary>
/// A mentor sits with the survivors assigned to her, and with no one else. An assignment ends
/// rather than being deleted, so who could see whom, when, stays on record.
/// </summary>
public sealed class MentorAssignment : AuditableEntity
{
    private MentorAssignment()
    {
        MentorUserId = string.Empty;
    }

    public MentorAssignment(string mentorUserId, Participant participant, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(participant);
        MentorUserId = Rule.RequiredText(mentorUserId, "The mentor", TextLimits.UserId);
        ParticipantId = participant.Id;
        From = from;
    }

    /// <summary>
    /// The manager assigns a mentor to a survivor from a date. The same mentor's assignments to her
    /// never overlap: one still running, or one reaching past the new start, is ended first.
    /// </summary>
    public static MentorAssignment Assign(Actor manager, string mentorUserId, Participant participant, DateOnly from, IEnumerable<MentorAssignment> earlier)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(earlier);
        manager.MustBeProgrammeManager("assign a mentor");
        var assignment = new MentorAssignment(mentorUserId, participant, from);
        var overlapping = earlier.FirstOrDefault(a => a.MentorUserId == assignment.MentorUserId && a.ParticipantId == assignment.ParticipantId
            && (a.Until is null || a.Until >= from));
        Rule.Require(overlapping is null, "assignment-overlap",
            $"{assignment.MentorUserId} is already {participant.Code}'s mentor from {DateFormats.Show(overlapping?.From ?? from)}; end that assignment first.");
        return assignment;
    }

    public string MentorUserId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public bool IsCurrent => Until is null;

    /// <summary>Whether she was this survivor's mentor on that day (the day it ended included).</summary>
    public bool Covers(DateOnly on) => From <= on && (Until is null || on <= Until);

    public void End(DateOnly on, Actor manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("end a mentor's assignment");
        Rule.Require(Until is null, "assignment-ended", "This assignment has already ended.");
        Rule.Require(on >= From, "assignment-end-date", "An assignment cannot end before it began.");
        Until = on;
    }
}
