using Kaarya.Domain.Access;

namespace Kaarya.Tests.Domain;

/// <summary>Who may write her words, answer on her plan, record a review and acknowledge it.</summary>
public class VoiceAccessTests
{
    private readonly ReviewCase _given = new();

    private Guid Hers => _given.Participant.Id;

    [Fact]
    public void Only_the_survivor_herself_writes_her_own_words()
    {
        Assert.True(RecordAccess.MayWriteHerOwnWords(_given.Her, Hers));
        Assert.False(RecordAccess.MayWriteHerOwnWords(_given.SomeoneElse, Hers));
        Assert.False(RecordAccess.MayWriteHerOwnWords(Viewers.Staff, Hers));
        Assert.False(RecordAccess.MayWriteHerOwnWords(Viewers.Manager, Hers));
        Assert.False(RecordAccess.MayWriteHerOwnWords(_given.Mentor, Hers));
        Assert.False(RecordAccess.MayWriteHerOwnWords(Viewers.Auditor, Hers));
    }

    [Fact]
    public void Only_the_survivor_herself_acknowledges_a_review()
    {
        Assert.True(RecordAccess.MayAcknowledgeReview(_given.Her, Hers));
        Assert.False(RecordAccess.MayAcknowledgeReview(_given.Mentor, Hers));
        Assert.False(RecordAccess.MayAcknowledgeReview(Viewers.Staff, Hers));
    }

    [Fact]
    public void Only_a_mentor_assigned_to_her_records_a_review()
    {
        Assert.True(RecordAccess.MayRecordMentorReview(_given.Mentor, Hers));
        Assert.False(RecordAccess.MayRecordMentorReview(Viewers.MentorOf(), Hers));
        Assert.False(RecordAccess.MayRecordMentorReview(Viewers.Staff, Hers));
        Assert.False(RecordAccess.MayRecordMentorReview(Viewers.Manager, Hers));
        Assert.False(RecordAccess.MayRecordMentorReview(_given.Her, Hers));
    }

    [Fact]
    public void Those_who_may_open_her_record_read_her_words_and_reviews_and_the_auditor_does_not()
    {
        Assert.True(RecordAccess.MayOpenParticipant(_given.Her, Hers));
        Assert.True(RecordAccess.MayOpenParticipant(_given.Mentor, Hers));
        Assert.True(RecordAccess.MayOpenParticipant(Viewers.Staff, Hers));
        Assert.False(RecordAccess.MayOpenParticipant(Viewers.Auditor, Hers));
        Assert.False(RecordAccess.MayOpenParticipant(_given.SomeoneElse, Hers));
    }
}
