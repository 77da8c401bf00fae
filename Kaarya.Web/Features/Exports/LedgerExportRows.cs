using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;

namespace Kaarya.Web.Features.Exports;

/// <summary>
/// A ledger entry as the workbook shows it. The participant's name is null unless a programme
/// manager granted names for this export; it is then not even read from the database.
/// </summary>
public sealed record LedgerExportRow(
    long Sequence,
    DateTimeOffset PostedAt,
    DateOnly ValueDate,
    ParticipantCode ParticipantCode,
    string? ParticipantName,
    Guid BusinessId,
    string Business,
    Guid DecisionId,
    long? ReversesSequence,
    Money Amount,
    PaymentMethod Method,
    string Reference,
    Guid FunderId,
    string Funder,
    Guid PhaseId,
    string Phase,
    string RecordedBy,
    string ApprovedBy,
    string Hash)
{
    public LedgerEntryKind Kind => ReversesSequence is null ? LedgerEntryKind.Disbursement : LedgerEntryKind.Reversal;

    /// <summary>"Disbursement", or "Reversal of #12" naming the entry it takes back.</summary>
    public string KindText => ReversesSequence is { } reversed
        ? "Reversal of #" + reversed.ToString(CultureInfo.InvariantCulture)
        : "Disbursement";

    public static string MethodText(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Cash",
        PaymentMethod.BankTransfer => "Bank transfer",
        PaymentMethod.Cheque => "Cheque",
        _ => method.ToString(),
    };
}

/// <summary>A disbursement decision as the workbook's register shows it.</summary>
public sealed record DecisionExportRow(
    Guid Id,
    DateOnly DecidedOn,
    Guid BusinessId,
    ParticipantCode ParticipantCode,
    string? ParticipantName,
    string Business,
    string Phase,
    DecisionKind Kind,
    Money Amount,
    string DecidedBy,
    string Reason,
    DateOnly? FollowUpOn,
    string MustTakePart,
    string? OverriddenBy,
    string? OverrideReason)
{
    /// <summary>What the decision commits: its amount if immediate, otherwise nothing yet.</summary>
    public Money Committed => Kind == DecisionKind.Immediate ? Amount : Money.Zero;

    public string KindText => Kind switch
    {
        DecisionKind.Immediate => "Immediate",
        DecisionKind.Delayed => "Delayed",
        DecisionKind.None => "No disbursement",
        _ => Kind.ToString(),
    };
}

/// <summary>One use of the money, from a utilisation report against an entry in the workbook.</summary>
public sealed record UtilisationExportRow(
    DateOnly ReportedOn,
    long LedgerSequence,
    Guid BusinessId,
    ParticipantCode ParticipantCode,
    string? ParticipantName,
    string Business,
    string Use,
    Money Amount,
    string RecordedBy);

/// <summary>A funder's money in the workbook: paid before the period, in it, and at its end.</summary>
public sealed record FunderBalance(Guid FunderId, string Funder, Money Opening, Money Disbursed, Money Reversed)
{
    /// <summary>Net paid in the period: disbursements less reversals.</summary>
    public Money Net => Disbursed + Reversed;

    public Money Closing => Opening + Net;
}
