namespace Kaarya.Web.Features.Import;

/// <summary>How many records of each register a workbook holds, or put into Kaarya.</summary>
public sealed record ImportCounts(int Participants, int Businesses, int Decisions, int Disbursements)
{
    public static ImportCounts None { get; } = new(0, 0, 0, 0);

    public override string ToString() =>
        $"{Participants} participants, {Businesses} businesses, {Decisions} decisions, {Disbursements} past disbursements";
}

/// <summary>
/// What became of a workbook: every problem found, row by row, or, when there were none, the
/// counts that were (or, for a check, would be) stored. <see cref="Stored"/> is true only when the
/// import's one transaction committed.
/// </summary>
public sealed record ImportReport(string Sha256, IReadOnlyList<ImportProblem> Problems, ImportCounts Counts, bool Stored)
{
    public bool IsValid => Problems.Count == 0;
}

public enum ImportStep
{
    Reading = 1,
    Participants = 2,
    Businesses = 3,
    Decisions = 4,
    Disbursements = 5,
    Saving = 6,
}

/// <summary>How far an import has got, for the page's progress bar.</summary>
public sealed record ImportProgress(ImportStep Step, int Done, int Total)
{
    public double Fraction => Total == 0 ? 0 : (double)Done / Total;
}
