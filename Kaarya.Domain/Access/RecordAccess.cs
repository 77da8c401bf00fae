using Kaarya.Domain.Common;

namespace Kaarya.Domain.Access;

/// <summary>
/// Who may see which of the programme's records. Survivors' identities are dangerous to leak:
/// real names are for GGBK staff only; a survivor sees her own record and nothing else; a mentor
/// sees the survivors assigned to her; an auditor reads the money, by participant code.
/// Every use case that reads a survivor's record asks here first.
/// </summary>
public static class RecordAccess
{
    /// <summary>Whether the viewer may open this survivor's record (business, plan, stage, money, risks).</summary>
    public static bool MayOpenParticipant(Viewer viewer, Guid participantId)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Role switch
        {
            KaaryaRole.Staff or KaaryaRole.ProgrammeManager => true,
            KaaryaRole.Survivor => viewer.OwnParticipantId == participantId,
            KaaryaRole.Mentor => viewer.MentoredParticipantIds.Contains(participantId),
            _ => false,
        };
    }

    /// <summary>
    /// The list of businesses: staff and the manager see all of it, auditors all of it by code, a
    /// mentor her survivors' businesses only. Never a survivor, who has her own page. Keep in step
    /// with the <c>ReadsBusinesses</c> policy.
    /// </summary>
    public static bool MayListBusinesses(Viewer viewer) =>
        viewer?.Role is KaaryaRole.Staff or KaaryaRole.ProgrammeManager or KaaryaRole.Mentor or KaaryaRole.Auditor;

    /// <summary>The ledger, decisions and utilisation, by participant code.</summary>
    public static bool MayReadMoney(Viewer viewer) =>
        viewer?.Role is KaaryaRole.Staff or KaaryaRole.ProgrammeManager or KaaryaRole.Auditor;

    /// <summary>Whether the viewer may see the money of one survivor's business.</summary>
    public static bool MayReadMoneyOf(Viewer viewer, Guid participantId) =>
        MayReadMoney(viewer) || MayOpenParticipant(viewer, participantId);

    /// <summary>Survivors' real names: GGBK staff and the programme manager only.</summary>
    public static bool MaySeeRealNames(Viewer viewer) =>
        viewer?.Role is KaaryaRole.Staff or KaaryaRole.ProgrammeManager;

    /// <summary>
    /// The ledger workbook: the programme manager and auditors, who answer for the accounts.
    /// Staff read the ledger on screen but do not take it out of the app.
    /// </summary>
    public static bool MayExportLedger(Viewer viewer) =>
        viewer?.Role is KaaryaRole.ProgrammeManager or KaaryaRole.Auditor;

    /// <summary>
    /// Real names in an export: only a programme manager grants them, for one export at a time,
    /// and the grant is written to the audit log with the export.
    /// </summary>
    public static bool MayGrantNamesInExport(Viewer viewer) =>
        viewer?.Role is KaaryaRole.ProgrammeManager;

    /// <summary>Staff-only notes and the sun/cloud timeline: never survivors, mentors or auditors.</summary>
    public static bool MaySeeStaffNotes(Viewer viewer) => MaySeeRealNames(viewer);

    /// <summary>
    /// Her own words on her plan and her 4P, her answer on whether she agrees with the plan, and
    /// her acknowledgement of a review: only the survivor herself. Staff and her mentor read them
    /// and never write them for her, or they would no longer be hers.
    /// </summary>
    public static bool MayWriteHerOwnWords(Viewer viewer, Guid participantId) =>
        viewer?.Role == KaaryaRole.Survivor && viewer.OwnParticipantId == participantId;

    /// <summary>Acknowledging a mentor's review is something she says herself, like her own words.</summary>
    public static bool MayAcknowledgeReview(Viewer viewer, Guid participantId) => MayWriteHerOwnWords(viewer, participantId);

    /// <summary>
    /// A review of her plan is recorded by a mentor assigned to her, and by no one else; staff read
    /// the reviews. Whether the assignment covers the review's date is the review's own rule.
    /// </summary>
    public static bool MayRecordMentorReview(Viewer viewer, Guid participantId) =>
        viewer?.Role == KaaryaRole.Mentor && viewer.MentoredParticipantIds.Contains(participantId);

    /// <summary>Whether opening this record is a view to be written in the audit log: anyone's but her own.</summary>
    public static bool IsAuditedView(Viewer viewer, Guid participantId) =>
        !(viewer?.Role == KaaryaRole.Survivor && viewer.OwnParticipantId == participantId);
}
