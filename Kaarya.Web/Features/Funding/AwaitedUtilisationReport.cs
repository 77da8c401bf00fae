namespace Kaarya.Web.Features.Funding;

/// <summary>
/// A disbursement still waiting for its first utilisation report: a disbursement, not reversed, with
/// no report yet. The database keeps these rows itself (<see cref="Data.AwaitedReports"/>): one is
/// added when a disbursement is posted and removed when it is reversed or first reported on, so the
/// dashboard counts the reports due from the few that wait instead of checking every entry of the
/// ledger against every report. The app only reads them.
/// </summary>
public sealed class AwaitedUtilisationReport
{
    private AwaitedUtilisationReport()
    {
    }

    /// <summary>The disbursement's ledger entry.</summary>
    public long LedgerSequence { get; private set; }

    /// <summary>The disbursement's value date; its report is due <see cref="Domain.Funding.UtilisationDue.DaysAfterPayment"/> days after.</summary>
    public DateOnly PaidOn { get; private set; }
}
