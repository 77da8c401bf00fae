using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Web.Features.Programmes;

/// <summary>What the programme still needs before staff can record its life and pay out money.</summary>
public enum SetupStep
{
    Programme = 1,
    Phase = 2,
    Funder = 3,
    Budget = 4,
}

public sealed record SetupPhase(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, DateOnly? ClosedOn, bool HoldsRecords);

public sealed record SetupFunder(Guid Id, string Name);

/// <summary>A funder's budget for a phase, and what is already paid or asked for against it.</summary>
public sealed record SetupBudget(Guid FunderId, Guid PhaseId, Money Amount, Money PaidOrRequested);

/// <summary>A cause on the programme's list of why businesses pause or close.</summary>
public sealed record SetupCause(string Name, bool NeedsNote);

/// <summary>The programme as the setup page shows it.</summary>
public sealed record SetupView(
    string? ProgrammeName,
    DisbursementBand Band,
    string? BandReason,
    IReadOnlyList<SetupPhase> Phases,
    IReadOnlyList<SetupFunder> Funders,
    IReadOnlyList<SetupBudget> Budgets,
    IReadOnlyList<SetupCause> Causes)
{
    public IReadOnlyList<SetupStep> Missing => SetupState.MissingOf(ProgrammeName is not null, Phases.Count > 0, Funders.Count > 0, Budgets.Count > 0);

    public SetupBudget? BudgetOf(Guid funderId, Guid phaseId) => Budgets.FirstOrDefault(b => b.FunderId == funderId && b.PhaseId == phaseId);
}
