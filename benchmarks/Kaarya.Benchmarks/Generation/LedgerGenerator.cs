using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Benchmarks.Generation;

/// <summary>
/// The seed-fund ledger: tranches of the immediate decisions, each recorded by staff as a
/// request, approved by the manager (four-eyes, tranche and budget checked by the domain) and
/// chained on with <see cref="LedgerEntry.Append"/>; now and then the manager reverses one.
/// Postings follow the value dates, as they would have been made, so the chain verifies. Most
/// tranches have their use reported at a later workshop, as the programme asks; some still wait.
/// </summary>
internal sealed class LedgerGenerator(IDbContextFactory<KaaryaDbContext> contexts, Random random, Action<string> progress)
{
    /// <summary>Tranches written per save, each a ledger entry and its request.</summary>
    private const int BatchSize = 5_000;

    /// <summary>One reversal in this many entries: "a few", as mistakes are.</summary>
    private const int EntriesPerReversal = 500;

    /// <summary>One tranche in this many has had no utilisation report yet; the others have one.</summary>
    private const int TranchesPerUnreported = 20;

    private static readonly string[] Uses = ["Stock for the shop", "Twenty chicks and their feed", "Sewing machine repair", "Seeds and fertiliser", "Thread and cloth"];

    /// <summary>
    /// Immediate decisions left without a tranche (the last ones, about 1% of the default programme),
    /// so that the posting benchmark has decisions to pay (<see cref="Measuring.PostingThroughput"/>).
    /// </summary>
    public const int DecisionsLeftOpen = 100;

    private readonly Dictionary<Guid, Money> _postedAgainstDecision = [];
    private readonly Dictionary<(Guid FunderId, Guid PhaseId), Money> _postedByFunder = [];
    private LedgerHead _head = LedgerHead.Genesis;
    private DateOnly _day;
    private int _postedToday;

    public async Task<int> GenerateAsync(GeneratedProgramme programme, int entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(programme);
        if (programme.Payable.Count == 0)
        {
            return 0;
        }

        var reversals = entries / EntriesPerReversal;
        var paid = programme.Payable.Count > 2 * DecisionsLeftOpen
            ? programme.Payable.Take(programme.Payable.Count - DecisionsLeftOpen).ToList()
            : programme.Payable;
        var tranches = PlanTranches(paid, entries - reversals);
        var reverseAt = new HashSet<int>(Enumerable.Range(0, tranches.Length).OrderBy(_ => random.Next()).Take(reversals));
        var written = 0;
        foreach (var batch in tranches.Select((tranche, t) => (tranche, t)).Chunk(BatchSize))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ActingAs(SyntheticActors.Manager);
            foreach (var (tranche, t) in batch)
            {
                var entry = Post(db, programme, tranche);
                written++;
                if (reverseAt.Contains(t))
                {
                    Reverse(db, entry);
                    written++;
                }
                else if (random.Next(TranchesPerUnreported) != 0)
                {
                    Report(db, entry, tranche.Decision);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            progress($"ledger entries {written:N0} / {entries:N0}");
        }

        return written;
    }

    /// <summary>
    /// Shares the tranches among the immediate decisions at random (about twenty each for the
    /// default sizes), splits each decision's amount among its tranches in whole rupees, spaces
    /// them from the decision to the phase's end, and orders them all by value date.
    /// </summary>
    private Tranche[] PlanTranches(IReadOnlyList<FundedDecision> payable, int count)
    {
        var perDecision = new int[payable.Count];
        for (var i = 0; i < count; i++)
        {
            perDecision[random.Next(payable.Count)]++;
        }

        var tranches = new List<Tranche>(count);
        for (var d = 0; d < payable.Count; d++)
        {
            var (decision, _, phase) = payable[d];
            var n = perDecision[d];
            var rupees = decision.Amount.Paise / 100;
            var days = phase.EndsOn.DayNumber - decision.DecidedOn.DayNumber;
            for (var k = 0; k < n; k++)
            {
                var amount = k < n - 1 ? rupees / n : rupees - (rupees / n * (n - 1));
                tranches.Add(new Tranche(d, Money.FromRupees(amount), decision.DecidedOn.AddDays(1 + (int)((long)k * (days - 1) / n)), random.Next()));
            }
        }

        return [.. tranches.OrderBy(t => t.ValueDate).ThenBy(t => t.Order)];
    }

    private LedgerEntry Post(KaaryaDbContext db, GeneratedProgramme programme, Tranche tranche)
    {
        var (decision, funder, phase) = programme.Payable[tranche.Decision];
        var postedAt = NextPostingTime(tranche.ValueDate);
        var (method, reference) = PaymentFor(tranche.Decision);
        var request = DisbursementRequest.Record(
            decision, phase, funder, tranche.Amount, tranche.ValueDate, method, reference,
            SyntheticActors.Staff[tranche.Decision % SyntheticActors.Staff.Length], postedAt.AddHours(-2), Guid.CreateVersion7());
        var position = new FundingPosition(
            _postedAgainstDecision.GetValueOrDefault(decision.Id),
            programme.Budgets[(funder.Id, phase.Id)],
            _postedByFunder.GetValueOrDefault((funder.Id, phase.Id)),
            ClosedThrough: null);
        var entry = Append(request.Approve(SyntheticActors.Manager, decision, position, postedAt), postedAt);
        request.MarkPosted(entry);
        db.DisbursementRequests.Add(request);
        db.LedgerEntries.Add(entry);
        return entry;
    }

    private void Reverse(KaaryaDbContext db, LedgerEntry entry)
    {
        var posting = entry.ReversalPosting(SyntheticActors.Manager, "Paid to the wrong business; paid again correctly.", entry.ValueDate, alreadyReversed: false, closedThrough: null);
        db.LedgerEntries.Add(Append(posting, NextPostingTime(entry.ValueDate)));
    }

    /// <summary>Her use of the tranche, told at a workshop one to three months after it was paid: all of it, in one or two uses.</summary>
    private void Report(KaaryaDbContext db, LedgerEntry entry, int decision)
    {
        var use = Uses[decision % Uses.Length];
        var rupees = entry.Amount.Paise / 100;
        UtilisationItem[] items = rupees >= 2 && random.Next(2) == 0
            ? [new(use, Money.FromRupees(rupees / 2)), new(Uses[(decision + 1) % Uses.Length], Money.FromRupees(rupees - (rupees / 2)))]
            : [new(use, entry.Amount)];
        db.UtilisationReports.Add(new UtilisationReport(
            entry, disbursementReversed: false, Money.Zero, entry.ValueDate.AddDays(random.Next(30, 91)),
            SyntheticActors.Staff[decision % SyntheticActors.Staff.Length], items));
    }

    private LedgerEntry Append(LedgerPosting posting, DateTimeOffset postedAt)
    {
        var entry = LedgerEntry.Append(_head, posting, postedAt);
        _head = entry.AsHead();
        _postedAgainstDecision[posting.DecisionId] = _postedAgainstDecision.GetValueOrDefault(posting.DecisionId) + posting.Amount;
        _postedByFunder[(posting.FunderId, posting.PhaseId)] = _postedByFunder.GetValueOrDefault((posting.FunderId, posting.PhaseId)) + posting.Amount;
        return entry;
    }

    /// <summary>From 11:00 IST on the value date, a posting every few seconds, so postings never go back in time.</summary>
    private DateTimeOffset NextPostingTime(DateOnly valueDate)
    {
        if (valueDate != _day)
        {
            _day = valueDate;
            _postedToday = 0;
        }

        return new DateTimeOffset(valueDate.ToDateTime(new TimeOnly(5, 30)), TimeSpan.Zero).AddSeconds(5 * _postedToday++);
    }

    /// <summary>Mostly cash with a receipt number; some bank transfers; a few cheques.</summary>
    private static (PaymentMethod Method, string Reference) PaymentFor(int decision) => (decision % 20) switch
    {
        < 12 => (PaymentMethod.Cash, string.Create(CultureInfo.InvariantCulture, $"RCPT-{decision + 1}")),
        < 19 => (PaymentMethod.BankTransfer, string.Create(CultureInfo.InvariantCulture, $"UTR{decision + 1:D10}")),
        _ => (PaymentMethod.Cheque, string.Create(CultureInfo.InvariantCulture, $"CHQ-{decision + 1:D6}")),
    };

    private sealed record Tranche(int Decision, Money Amount, DateOnly ValueDate, int Order);
}
