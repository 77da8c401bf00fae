using Kaarya.Domain.Common;
using Kaarya.Domain.Participants;

namespace Kaarya.Tests.Domain;

/// <summary>
/// The manager assigns mentors from a date and ends them (history kept), and names each
/// participant's responsible social worker.
/// </summary>
public class CaseloadTests
{
    private static readonly DateOnly April = new(2013, 4, 6);

    private readonly Participant _kaa01 = new ParticipantBuilder().WithCode("KAA-01").Build();

    [Fact]
    public void A_mentor_covers_the_days_from_her_start_to_her_last_day()
    {
        var assignment = MentorAssignment.Assign(Actors.Manager, "mentor.bina", _kaa01, April, []);

        assignment.End(new DateOnly(2013, 9, 30), Actors.Manager);

        Assert.False(assignment.Covers(new DateOnly(2013, 4, 5)));
        Assert.True(assignment.Covers(April));
        Assert.True(assignment.Covers(new DateOnly(2013, 9, 30)));
        Assert.False(assignment.Covers(new DateOnly(2013, 10, 1)));
    }

    [Fact]
    public void The_same_mentor_is_not_assigned_twice_over_the_same_days()
    {
        var running = MentorAssignment.Assign(Actors.Manager, "mentor.bina", _kaa01, April, []);

        var refusal = Assert.Throws<DomainException>(() => MentorAssignment.Assign(Actors.Manager, "mentor.bina", _kaa01, new DateOnly(2013, 6, 1), [running]));

        Assert.Equal("assignment-overlap", refusal.Code);
        Assert.Equal("mentor.bina is already KAA-01's mentor from 06-04-2013; end that assignment first.", refusal.Message);
    }

    [Fact]
    public void After_her_last_day_she_can_be_assigned_again()
    {
        var first = MentorAssignment.Assign(Actors.Manager, "mentor.bina", _kaa01, April, []);
        first.End(new DateOnly(2013, 5, 31), Actors.Manager);

        var again = MentorAssignment.Assign(Actors.Manager, "mentor.bina", _kaa01, new DateOnly(2013, 6, 1), [first]);

        Assert.True(again.IsCurrent);
    }

    [Fact]
    public void An_assignment_that_would_end_before_it_starts_is_refused()
    {
        var assignment = MentorAssignment.Assign(Actors.Manager, "mentor.bina", _kaa01, April, []);

        var refusal = Assert.Throws<DomainException>(() => assignment.End(new DateOnly(2013, 4, 5), Actors.Manager));

        Assert.Equal("assignment-end-date", refusal.Code);
        Assert.True(assignment.IsCurrent);
    }

    [Fact]
    public void Only_a_manager_assigns_mentors_and_social_workers()
    {
        var mentor = Assert.Throws<DomainException>(() => MentorAssignment.Assign(Actors.Staff, "mentor.bina", _kaa01, April, []));
        var worker = Assert.Throws<DomainException>(() => _kaa01.AssignSocialWorker("staff.rina", Actors.Staff));

        Assert.Equal("not-manager", mentor.Code);
        Assert.Equal("not-manager", worker.Code);
        Assert.Null(_kaa01.SocialWorkerUserId);
    }
}
