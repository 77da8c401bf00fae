namespace Kaarya.Web.Features.Exports;

/// <summary>The steps of building a workbook, in order.</summary>
public enum ExportStep
{
    /// <summary>Waiting for another workbook to finish: one is built at a time.</summary>
    Waiting = 0,

    /// <summary>Reading the ledger's head, the names and the balances brought forward.</summary>
    Reading = 1,

    /// <summary>Reading the ledger once: re-walking the chain, adding up, writing the Ledger sheet; <see cref="ExportProgress.Done"/> counts entries.</summary>
    Ledger = 2,

    /// <summary>Building manifest and summary with ClosedXML, and the rows of balances, decisions and utilisation.</summary>
    Sheets = 3,

    /// <summary>Putting the workbook together: the streamed sheets among ClosedXML's, all compressed.</summary>
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
        ExportStep.Ledger => Total == 0 ? 0.6 : 0.6 * Done / Total,
        ExportStep.Sheets => 0.6,
        ExportStep.Writing => 0.7,
        _ => 1,
    };
}
