namespace Kaarya.Web.Features.Exports;

/// <summary>The steps of building a workbook, in order.</summary>
public enum ExportStep
{
    /// <summary>Waiting for another workbook to finish: one is built at a time.</summary>
    Waiting = 0,

    /// <summary>Reading the ledger's head, the names and the balances brought forward.</summary>
    Reading = 1,

    /// <summary>Re-walking the chain and writing the Ledger sheet; <see cref="ExportProgress.Done"/> counts entries.</summary>
    Ledger = 2,

    /// <summary>Writing balances, summary, decisions, utilisation and the manifest.</summary>
    Sheets = 3,

    Finished = 4,
}

/// <summary>How far a workbook has got, for a progress bar: entries written of those to write.</summary>
public sealed record ExportProgress(ExportStep Step, long Done, long Total)
{
    /// <summary>Between 0 and 1; the Ledger sheet is most of the work.</summary>
    public double Fraction => Step switch
    {
        ExportStep.Waiting or ExportStep.Reading => 0,
        ExportStep.Ledger => Total == 0 ? 0.9 : 0.9 * Done / Total,
        ExportStep.Sheets => 0.9,
        _ => 1,
    };
}
