using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Programmes;

namespace Kaarya.Benchmarks.Generation;

/// <summary>The people who act in the synthetic programme.</summary>
internal static class SyntheticActors
{
    public static readonly Actor[] Staff =
    [
        new("staff.bench.1", KaaryaRole.Staff),
        new("staff.bench.2", KaaryaRole.Staff),
        new("staff.bench.3", KaaryaRole.Staff),
    ];

    public static readonly Actor Manager = new("manager.bench", KaaryaRole.ProgrammeManager);
}

/// <summary>An immediate decision, and the funder whose money pays its tranches.</summary>
internal sealed record FundedDecision(DisbursementDecision Decision, Funder Funder, Phase Phase);

/// <summary>What the ledger generator needs from the programme: the decisions that may be paid, and the budgets.</summary>
internal sealed record GeneratedProgramme(IReadOnlyList<FundedDecision> Payable, IReadOnlyDictionary<(Guid FunderId, Guid PhaseId), Money> Budgets, int Participants);
