namespace Kaarya.Web.Features.Exports;

/// <summary>The steps of building a workbook, in order.</summary>
public enum ExportStep
{
    /// <summary>Waiting for another workbook to finish: one is built at a time.</summary>
    Waiting = 0,

    /// <summary>Reading the ledger's head, the names and the balances brought forward.</summary>
    Reading = 1,

    /// <summary>Reading the ledger once: re-walking the chain, adding up, spooling the Ledger sheet's rows; <see cref="ExportProgress.Done"/> counts entries.</summary>
    Ledger = 2,

    /// <summary>Building manifest, balances, summary, decisions and utilisation with ClosedXML.</summary>
    Sheets = 3,

    /// <summary>Writing the workbook: the Ledger sheet streamed in among the others; <see cref="ExportProgress.Done"/> counts entries.</summary>
    Writing = 4,

    Finished = 5,
}

/// <summary>How far a workbook has got, for a progress bar: entries written of those to write.</summary>
public sealed record ExportProgress(ExportStep Step, long Done, long Total)
{
    /// <summary>Between 0 and 1; reading the ledger and writing its sheet are most of the work.</summary>
    public double Fraction => Step switch
    {
        ExportStep.Waiting or ExportStep.Reading => 0,
        ExportStep.Ledger => Total == 0 ? 0.45 : 0.45 * Done / Total,
        ExportStep.Sheets => 0.45,
        ExportStep.Writing => Total == 0 ? 0.95 : 0.55 + (0.4 * Done / Total),
        _ => 1,
    };
}
