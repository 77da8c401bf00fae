using System.Runtime.CompilerServices;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Domain.Participants;
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Exports;

/// <summary>A phase or funder as the workbook names it.</summary>
public sealed record NamedRecord(Guid Id, string Name);

/// <summary>The longest texts and amounts of the workbook's entries, for its column widths.</summary>
public sealed record LedgerExtents(long Entries, int Reference, int RecordedBy, int ApprovedBy, long SmallestPaise, long LargestPaise);

/// <summary>
/// What the workbook rests on, read before any of it is written: the ledger's head at that moment
/// (every later read stops there, so a posting made while the workbook is built cannot make its
/// sheets disagree), the names it shows, and the balances brought forward.
/// </summary>
public sealed class LedgerSnapshot
{
    internal LedgerSnapshot(
        LedgerExportFilter filter,
        LedgerHead head,
        string programme,
        NamedRecord? phase,
        NamedRecord? funder,
        IReadOnlyList<NamedRecord> phases,
        IReadOnlyList<NamedRecord> funders,
        IReadOnlyDictionary<Guid, Money> openingByFunder,
        LedgerExtents extents,
        IReadOnlyDictionary<Guid, (string Name, Guid ParticipantId)> businesses,
        IReadOnlyDictionary<Guid, (ParticipantCode Code, string? Name)> participants,
        IReadOnlyDictionary<Guid, string> funderNames,
        IReadOnlyDictionary<Guid, string> phaseNames)
    {
        Filter = filter;
        Head = head;
        Programme = programme;
        Phase = phase;
        Funder = funder;
        Phases = phases;
        Funders = funders;
        OpeningByFunder = openingByFunder;
        Extents = extents;
        Businesses = businesses;
        Participants = participants;
        FunderNames = funderNames;
        PhaseNames = phaseNames;
    }

    public LedgerExportFilter Filter { get; }

    /// <summary>The last entry of the whole ledger when the export began.</summary>
    public LedgerHead Head { get; }

    public string Programme { get; }

    /// <summary>The chosen phase, or null for all phases.</summary>
    public NamedRecord? Phase { get; }

    /// <summary>The chosen funder, or null for all funders.</summary>
    public NamedRecord? Funder { get; }

    /// <summary>The phases the workbook sums by: the chosen one, or all of the programme's.</summary>
    public IReadOnlyList<NamedRecord> Phases { get; }

    /// <summary>The funders the workbook sums by: the chosen one, or those with a budget or an entry in scope.</summary>
    public IReadOnlyList<NamedRecord> Funders { get; }

    /// <summary>Net paid by each funder, in scope, before the period's first day.</summary>
    public IReadOnlyDictionary<Guid, Money> OpeningByFunder { get; }

    public LedgerExtents Extents { get; }

    public bool IncludesNames => Filter.IncludeNames;

    internal IReadOnlyDictionary<Guid, (string Name, Guid ParticipantId)> Businesses { get; }

    internal IReadOnlyDictionary<Guid, (ParticipantCode Code, string? Name)> Participants { get; }

    internal IReadOnlyDictionary<Guid, string> FunderNames { get; }

    internal IReadOnlyDictionary<Guid, string> PhaseNames { get; }

    internal int LongestParticipantCode => Participants.Values.Select(p => p.Code.Value.Length).DefaultIfEmpty(0).Max();

    internal int LongestParticipantName => Participants.Values.Select(p => p.Name?.Length ?? 0).DefaultIfEmpty(0).Max();

    internal int LongestBusiness => Businesses.Values.Select(b => b.Name.Length).DefaultIfEmpty(0).Max();

    internal (ParticipantCode Code, string? Name, string Business) OwnerOf(Guid businessId)
    {
        var business = Businesses[businessId];
        var participant = Participants[business.ParticipantId];
        return (participant.Code, participant.Name, business.Name);
    }

    internal LedgerExportRow RowOf(LedgerEntry e)
    {
        var (code, name, business) = OwnerOf(e.BusinessId);
        return new LedgerExportRow(
            e.Sequence, e.PostedAt, e.ValueDate, code, name, e.BusinessId, business, e.DecisionId, e.ReversesSequence,
            e.Amount, e.Method, e.Reference, e.FunderId, FunderNames[e.FunderId], e.PhaseId, PhaseNames[e.PhaseId],
            e.RecordedBy, e.ApprovedBy, e.Hash);
    }
}

/// <summary>
/// Reads what the ledger workbook shows. The ledger itself is read once, in sequence, as a
/// stream: every entry through the snapshot's head passes the chain verifier, and those the
/// filter chooses come out as rows. Nothing here checks who is asking: the export does.
/// </summary>
public sealed class LedgerExportQuery(IDbContextFactory<KaaryaDbContext> contexts, TimeProvider clock)
{
    public async Task<LedgerSnapshot> SnapshotAsync(LedgerExportFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.EnsureValid();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var head = await db.LedgerEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new LedgerHead(e.Sequence, e.Hash))
            .FirstOrDefaultAsync(cancellationToken) ?? LedgerHead.Genesis;
        var throughHead = db.LedgerEntries.AsNoTracking().Where(e => e.Sequence <= head.Sequence);

        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.StartsOn).Select(p => new { p.Id, p.Name, p.ProgrammeId }).ToListAsync(cancellationToken);
        var funders = await db.Funders.AsNoTracking().OrderBy(f => f.Name).Select(f => new NamedRecord(f.Id, f.Name)).ToListAsync(cancellationToken);
        var phase = filter.PhaseId is { } phaseId
            ? phases.Where(p => p.Id == phaseId).Select(p => new NamedRecord(p.Id, p.Name)).FirstOrDefault()
                ?? throw new DomainException("no-phase", "That phase does not exist.")
            : null;
        var funder = filter.FunderId is { } funderId
            ? funders.Find(f => f.Id == funderId) ?? throw new DomainException("no-funder", "That funder does not exist.")
            : null;

        var programmeIds = phase is null ? phases.Select(p => p.ProgrammeId).ToHashSet() : phases.Where(p => p.Id == phase.Id).Select(p => p.ProgrammeId).ToHashSet();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);

        var scoped = filter.Scope(throughHead);
        var opening = filter.From is { } from
            ? (await scoped.Where(e => e.ValueDate < from)
                .GroupBy(e => e.FunderId)
                .Select(g => new { g.Key, Paise = g.Sum(e => e.AmountPaise) })
                .ToListAsync(cancellationToken)).ToDictionary(g => g.Key, g => Money.FromPaise(g.Paise))
            : [];

        // A funder belongs in the workbook if it funds the phase(s) chosen or paid anything in them.
        IReadOnlyList<NamedRecord> fundersInScope = [];
        if (funder is not null)
        {
            fundersInScope = [funder];
        }
        else
        {
            var budgeted = await db.FunderBudgets.AsNoTracking()
                .Where(b => filter.PhaseId == null || b.PhaseId == filter.PhaseId)
                .Select(b => b.FunderId).Distinct().ToListAsync(cancellationToken);
            var paying = await scoped.Select(e => e.FunderId).Distinct().ToListAsync(cancellationToken);
            var used = budgeted.Concat(paying).ToHashSet();
            fundersInScope = funders.Where(f => used.Contains(f.Id)).ToList();
        }

        var extents = await filter.Apply(throughHead)
            .GroupBy(_ => 1)
            .Select(g => new LedgerExtents(
                g.LongCount(),
                g.Max(e => (int?)e.Reference.Length) ?? 0,
                g.Max(e => (int?)e.RecordedBy.Length) ?? 0,
                g.Max(e => (int?)e.ApprovedBy.Length) ?? 0,
                g.Min(e => (long?)e.AmountPaise) ?? 0,
                g.Max(e => (long?)e.AmountPaise) ?? 0))
            .FirstOrDefaultAsync(cancellationToken) ?? new LedgerExtents(0, 0, 0, 0, 0, 0);

        var businesses = await db.Businesses.AsNoTracking()
            .Select(b => new { b.Id, b.Name, b.ParticipantId })
            .ToDictionaryAsync(b => b.Id, b => (b.Name, b.ParticipantId), cancellationToken);

        // Real names are read only when a manager granted them for this export, and each is shown
        // only with her consent to share with funders that holds today (Participant.NameForFundersOn).
        var today = ProgrammeCalendar.Today(clock);
        var participants = filter.IncludeNames
            ? (await db.Participants.AsNoTracking().ToListAsync(cancellationToken))
                .ToDictionary(p => p.Id, p => (p.Code, p.NameForFundersOn(today)))
            : await db.Participants.AsNoTracking().Select(p => new { p.Id, p.Code })
                .ToDictionaryAsync(p => p.Id, p => (p.Code, (string?)null), cancellationToken);

        var phaseList = phase is null ? phases.Select(p => new NamedRecord(p.Id, p.Name)).ToList() : [phase];
        return new LedgerSnapshot(
            filter, head, string.Join("; ", programmes), phase, funder, phaseList, fundersInScope, opening, extents,
            businesses, participants,
            funders.ToDictionary(f => f.Id, f => f.Name),
            phases.ToDictionary(p => p.Id, p => p.Name));
    }

    /// <summary>
    /// The workbook's entries in sequence. The whole ledger through the snapshot's head is read
    /// once, as a stream, and every entry is handed to <paramref name="chain"/> on the way, so the
    /// chain is re-walked in the same read that fills the Ledger sheet.
    /// </summary>
    public async IAsyncEnumerable<LedgerExportRow> RowsAsync(
        LedgerSnapshot snapshot, BackgroundChainCheck chain, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(chain);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var through = snapshot.Head.Sequence;
        var entries = db.LedgerEntries.AsNoTracking()
            .Where(e => e.Sequence <= through)
            .OrderBy(e => e.Sequence)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var entry in entries)
        {
            await chain.AcceptAsync(entry, cancellationToken);
            if (snapshot.Filter.Matches(entry))
            {
                yield return snapshot.RowOf(entry);
            }
        }
    }

    /// <summary>
    /// The decision register: every decision of the chosen phase(s) taken by the period's last
    /// day, whatever its kind, so that delayed and withheld money shows beside money paid.
    /// Decisions belong to no funder: a funder's workbook lists them all.
    /// </summary>
    public async Task<IReadOnlyList<DecisionExportRow>> DecisionsAsync(LedgerSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var filter = snapshot.Filter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var decisions = db.DisbursementDecisions.AsNoTracking();
        if (filter.PhaseId is { } phase)
        {
            decisions = decisions.Where(d => d.PhaseId == phase);
        }

        if (filter.To is { } to)
        {
            decisions = decisions.Where(d => d.DecidedOn <= to);
        }

        var found = await decisions.ToListAsync(cancellationToken);
        return found
            .Select(d =>
            {
                var (code, name, business) = snapshot.OwnerOf(d.BusinessId);
                return new DecisionExportRow(
                    d.Id, d.DecidedOn, d.BusinessId, code, name, business, snapshot.PhaseNames[d.PhaseId], d.Kind, d.Amount,
                    d.DecidedBy, d.Reason, d.FollowUpOn, d.MustTakePart, d.OverriddenBy, d.OverrideReason);
            })
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.ParticipantCode.Value, StringComparer.Ordinal).ThenBy(d => d.Business, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// What survivors reported doing with the workbook's disbursements, as reported by the
    /// period's last day: one row per use.
    /// </summary>
    public async Task<IReadOnlyList<UtilisationExportRow>> UtilisationAsync(LedgerSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var filter = snapshot.Filter;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var through = snapshot.Head.Sequence;
        var inWorkbook = filter.Apply(db.LedgerEntries.AsNoTracking().Where(e => e.Sequence <= through)).Select(e => e.Sequence);
        var reports = db.UtilisationReports.AsNoTracking().Where(r => inWorkbook.Contains(r.LedgerSequence));
        if (filter.To is { } to)
        {
            reports = reports.Where(r => r.ReportedOn <= to);
        }

        var found = await reports.OrderBy(r => r.ReportedOn).ThenBy(r => r.LedgerSequence).ToListAsync(cancellationToken);
        return found
            .SelectMany(r => r.Items.Select(item =>
            {
                var (code, name, business) = snapshot.OwnerOf(r.BusinessId);
                return new UtilisationExportRow(r.ReportedOn, r.LedgerSequence, r.BusinessId, code, name, business, item.Description, item.Amount, r.RecordedBy);
            }))
            .ToList();
    }
}
