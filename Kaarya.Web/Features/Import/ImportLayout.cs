namespace Kaarya.Web.Features.Import;

/// <summary>What a cell of a column must hold.</summary>
public enum ImportColumnKind
{
    Text = 1,
    Date = 2,
    Amount = 3,

    /// <summary>One value of a list (the template offers it as a drop-down).</summary>
    Choice = 4,

    /// <summary>Yes or No.</summary>
    YesNo = 5,
}

/// <summary>One column of a register sheet: its header, what it holds, and the list it draws from.</summary>
public sealed record ImportColumn(string Header, ImportColumnKind Kind, bool Required, string Help, string? List = null);

/// <summary>One register sheet of the import workbook.</summary>
public sealed record ImportSheet(string Name, string Purpose, IReadOnlyList<ImportColumn> Columns)
{
    public int IndexOf(string header)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Header == header)
            {
                return i;
            }
        }

        throw new ArgumentException($"The {Name} sheet has no column \"{header}\".", nameof(header));
    }
}

/// <summary>
/// The import workbook's shape, shared by the template that is downloaded and the reader that
/// takes it back, so the two cannot drift apart. Rows refer to each other by participant code,
/// business key and decision key; the headers are the template's contract and are matched exactly.
/// </summary>
public static class ImportLayout
{
    public const string InstructionsSheet = "Instructions";
    public const string ListsSheet = "Lists";

    public const string PhaseList = "Phases";
    public const string FunderList = "Funders";
    public const string PeopleList = "People";
    public const string BusinessTypeList = "BusinessTypes";
    public const string StatusList = "BusinessStatuses";
    public const string DecisionKindList = "DecisionKinds";
    public const string MethodList = "PaymentMethods";
    public const string YesNoList = "YesNo";
    public const string RiskList = "Risks";
    public const string LevelList = "RiskLevels";

    public static class Participants
    {
        public const string Sheet = "Participants";
        public const string Code = "Participant code";
        public const string GivenName = "Given name";
        public const string Village = "Village";
        public const string Block = "Block";
        public const string ConsentsToDataKept = "Consents to data kept";
        public const string ConsentsToPhotos = "Consents to photos";
        public const string ConsentsToSharing = "Consents to sharing with funder";
        public const string ConsentedOn = "Consented on";
        public const string Phase = "Enrolled in phase";
        public const string EnrolledOn = "Enrolled on";
    }

    public static class Businesses
    {
        public const string Sheet = "Businesses";
        public const string Key = "Business key";
        public const string Participant = "Participant code";
        public const string Name = "Business name";
        public const string Type = "Type";
        public const string Location = "Location";
        public const string StartedOn = "Started on";
        public const string Status = "Status";
        public const string StatusOn = "Status since";
        public const string StatusReason = "Why paused or closed";
    }

    public static class Decisions
    {
        public const string Sheet = "Decisions";
        public const string Key = "Decision key";
        public const string Business = "Business key";
        public const string Phase = "Phase";
        public const string Kind = "Decision";
        public const string Amount = "Amount (INR)";
        public const string DecidedOn = "Decided on";
        public const string DecidedBy = "Decided by";
        public const string Reason = "Reason or note";
        public const string FollowUpOn = "Follow-up on";
        public const string MustTakePart = "Who must take part";
        public const string OverrideReason = "Band override reason";
        public const string StocktakingOn = "4P stocktaking held on";
        public const string Preparation = "Preparation";
        public const string Purpose = "Purpose";
        public const string Supporters = "Supporters";
        public const string Challengers = "Challengers";
        public const string Performance = "Performance";
        public const string RisksOn = "Risk assessment on";
        public const string Risk = "Main risk";
        public const string Likelihood = "Likelihood";
        public const string Impact = "Impact";
        public const string Mitigation = "Mitigation";
        public const string RiskOwner = "Risk owner";
        public const string ReviewOn = "Risk review on";
    }

    public static class Disbursements
    {
        public const string Sheet = "Past disbursements";
        public const string Decision = "Decision key";
        public const string Funder = "Funder";
        public const string Amount = "Amount (INR)";
        public const string ValueDate = "Value date";
        public const string Method = "Method";
        public const string Reference = "Reference";
        public const string RecordedBy = "Recorded by";
        public const string ApprovedBy = "Approved by";
    }

    public static ImportSheet ParticipantSheet { get; } = new(Participants.Sheet, "One row per survivor. Her code is how every other sheet refers to her.",
    [
        new(Participants.Code, ImportColumnKind.Text, true, "Her participant code, e.g. KAA-07: two to five capital letters, a hyphen, two to four digits. Must not be in Kaarya already."),
        new(Participants.GivenName, ImportColumnKind.Text, true, "Her given name. Seen by GGBK staff only."),
        new(Participants.Village, ImportColumnKind.Text, true, "Her village."),
        new(Participants.Block, ImportColumnKind.Text, false, "The block, if known."),
        new(Participants.ConsentsToDataKept, ImportColumnKind.YesNo, true, "Yes: the programme keeps her data only with her consent.", YesNoList),
        new(Participants.ConsentsToPhotos, ImportColumnKind.YesNo, false, "Yes or No (No if empty).", YesNoList),
        new(Participants.ConsentsToSharing, ImportColumnKind.YesNo, false, "Yes or No (No if empty).", YesNoList),
        new(Participants.ConsentedOn, ImportColumnKind.Date, true, "The date she gave consent."),
        new(Participants.Phase, ImportColumnKind.Choice, false, "The phase she was enrolled in, if any.", PhaseList),
        new(Participants.EnrolledOn, ImportColumnKind.Date, false, "The date of her enrolment (the consent date if empty)."),
    ]);

    public static ImportSheet BusinessSheet { get; } = new(Businesses.Sheet, "One row per business. Its key is how the Decisions sheet refers to it.",
    [
        new(Businesses.Key, ImportColumnKind.Text, true, "A short key of your own, unique in this workbook, e.g. KAA-07-shop."),
        new(Businesses.Participant, ImportColumnKind.Text, true, "Whose business: a code from the Participants sheet, or of a participant already in Kaarya."),
        new(Businesses.Name, ImportColumnKind.Text, true, "The business's name."),
        new(Businesses.Type, ImportColumnKind.Choice, true, "The kind of business.", BusinessTypeList),
        new(Businesses.Location, ImportColumnKind.Text, true, "Where it runs."),
        new(Businesses.StartedOn, ImportColumnKind.Date, true, "The date it started."),
        new(Businesses.Status, ImportColumnKind.Choice, false, "Running, Paused or Closed (Running if empty).", StatusList),
        new(Businesses.StatusOn, ImportColumnKind.Date, false, "For a paused or closed business: since when."),
        new(Businesses.StatusReason, ImportColumnKind.Text, false, "For a paused or closed business: why."),
    ]);

    public static ImportSheet DecisionSheet { get; } = new(Decisions.Sheet, "One row per disbursement decision, with the 4P stocktaking and the risk assessment it rests on.",
    [
        new(Decisions.Key, ImportColumnKind.Text, true, "A short key of your own, unique in this workbook, e.g. D-07. Past disbursements refer to it."),
        new(Decisions.Business, ImportColumnKind.Text, true, "A business key from the Businesses sheet."),
        new(Decisions.Phase, ImportColumnKind.Choice, true, "The phase the decision belongs to.", PhaseList),
        new(Decisions.Kind, ImportColumnKind.Choice, true, "Immediate, Delayed or None.", DecisionKindList),
        new(Decisions.Amount, ImportColumnKind.Amount, false, "For an immediate decision: the amount in rupees, within the programme's band."),
        new(Decisions.DecidedOn, ImportColumnKind.Date, true, "The date of the decision, inside the phase."),
        new(Decisions.DecidedBy, ImportColumnKind.Choice, true, "The Kaarya user name of the staff member or manager who decided.", PeopleList),
        new(Decisions.Reason, ImportColumnKind.Text, false, "Why the money is delayed or withheld (required then); for an immediate decision, any note."),
        new(Decisions.FollowUpOn, ImportColumnKind.Date, false, "For a delayed decision: when it is taken up again."),
        new(Decisions.MustTakePart, ImportColumnKind.Text, false, "For a delayed decision: who must take part (e.g. her mother)."),
        new(Decisions.OverrideReason, ImportColumnKind.Text, false, "Only for an amount outside the band, decided by a programme manager: her written reason."),
        new(Decisions.StocktakingOn, ImportColumnKind.Date, true, "The date of the 4P stocktaking the decision rests on, inside the phase."),
        new(Decisions.Preparation, ImportColumnKind.Text, true, "4P Preparation: what steps did she take to prepare herself for business?"),
        new(Decisions.Purpose, ImportColumnKind.Text, true, "4P Purpose: why did she join Kaarya?"),
        new(Decisions.Supporters, ImportColumnKind.Text, false, "4P Partners who support her, separated by commas: Parents, Husband, Other family, Neighbours, Police, Panchayat, NGO, Self, Trafficker, Other."),
        new(Decisions.Challengers, ImportColumnKind.Text, false, "4P Partners who challenge her, from the same words. Name at least one supporter or challenger."),
        new(Decisions.Performance, ImportColumnKind.Text, true, "4P Performance: positives and challenges in running the business."),
        new(Decisions.RisksOn, ImportColumnKind.Date, true, "The date of the risk assessment the decision rests on, inside the phase."),
        new(Decisions.Risk, ImportColumnKind.Choice, true, "The main risk she named, from the programme's catalogue.", RiskList),
        new(Decisions.Likelihood, ImportColumnKind.Choice, true, "Low, Medium or High.", LevelList),
        new(Decisions.Impact, ImportColumnKind.Choice, true, "Low, Medium or High.", LevelList),
        new(Decisions.Mitigation, ImportColumnKind.Text, true, "What will be done about it."),
        new(Decisions.RiskOwner, ImportColumnKind.Text, true, "Who looks after it."),
        new(Decisions.ReviewOn, ImportColumnKind.Date, true, "When the risk is reviewed, on or after the assessment."),
    ]);

    public static ImportSheet DisbursementSheet { get; } = new(Disbursements.Sheet, "One row per payment already made. Each is posted to the ledger in value-date order.",
    [
        new(Disbursements.Decision, ImportColumnKind.Text, true, "The decision key from the Decisions sheet that the payment falls under (an immediate decision)."),
        new(Disbursements.Funder, ImportColumnKind.Choice, true, "The funder whose budget for the decision's phase paid it.", FunderList),
        new(Disbursements.Amount, ImportColumnKind.Amount, true, "The amount in rupees, e.g. 12500 or 12,500.50; no fraction of a paisa."),
        new(Disbursements.ValueDate, ImportColumnKind.Date, true, "The day the money was paid, after the last closed period."),
        new(Disbursements.Method, ImportColumnKind.Choice, true, "Cash, Bank transfer or Cheque.", MethodList),
        new(Disbursements.Reference, ImportColumnKind.Text, false, "The cheque number or bank reference (required unless cash)."),
        new(Disbursements.RecordedBy, ImportColumnKind.Choice, true, "The Kaarya user name of who recorded the payment.", PeopleList),
        new(Disbursements.ApprovedBy, ImportColumnKind.Choice, true, "The Kaarya user name of the programme manager who approved it; not the one who recorded it.", PeopleList),
    ]);

    /// <summary>The register sheets in the order they are read and stored.</summary>
    public static IReadOnlyList<ImportSheet> Sheets { get; } = [ParticipantSheet, BusinessSheet, DecisionSheet, DisbursementSheet];
}
