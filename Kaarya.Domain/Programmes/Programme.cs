using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;

namespace Kaarya.Domain.Programmes;

/// <summary>
/// A livelihood programme, such as "Kaarya — Work that Heals", run in phases that follow one
/// another, with its disbursement band as policy. An installation runs one programme.
/// </summary>
public sealed class Programme : AuditableEntity
{
    private readonly List<Phase> _phases = [];

    private Programme()
    {
        Name = string.Empty;
    }

    /// <summary>A new programme, with the band of the programme's report until a manager changes it.</summary>
    public Programme(string name)
    {
        Name = Rule.RequiredText(name, "The programme's name", TextLimits.Name);
        BandMinimum = DisbursementBand.Default.Minimum;
        BandMaximum = DisbursementBand.Default.Maximum;
    }

    public string Name { get; private set; }

    public IReadOnlyList<Phase> Phases => _phases.AsReadOnly();

    public Money BandMinimum { get; private set; }

    public Money BandMaximum { get; private set; }

    /// <summary>Why the band was last changed; empty while it is the report's band.</summary>
    public string? BandReason { get; private set; }

    /// <summary>The band in force: every decision recorded from now on is held to it.</summary>
    public DisbursementBand Band => new(BandMinimum, BandMaximum);

    public void Rename(string name) => Name = Rule.RequiredText(name, "The programme's name", TextLimits.Name);

    /// <summary>
    /// The band is the programme's policy: only a manager changes it, and with a reason. Decisions
    /// already recorded stand as they were admitted; those recorded after the change meet the new band.
    /// </summary>
    public void ChangeBand(DisbursementBand band, string reason, Actor manager)
    {
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("change the disbursement band");
        Rule.Require(band != Band, "band-unchanged", $"The band is already {Band}.");
        BandReason = Rule.RequiredText(reason, "The reason for the change", TextLimits.Passage);
        BandMinimum = band.Minimum;
        BandMaximum = band.Maximum;
    }

    /// <summary>Adds a phase. Phases of one programme never overlap.</summary>
    public Phase AddPhase(string name, DateOnly startsOn, DateOnly endsOn)
    {
        var phase = new Phase(Id, name, startsOn, endsOn);
        MustFit(phase, phase.Name, startsOn, endsOn);
        _phases.Add(phase);
        return phase;
    }

    /// <summary>
    /// Renames or moves a phase. Once it holds records (participants, decisions, money) it may only
    /// grow: its records keep lying inside it.
    /// </summary>
    public void ChangePhase(Phase phase, string name, DateOnly startsOn, DateOnly endsOn, bool holdsRecords)
    {
        var own = Own(phase);
        Rule.Require(!own.IsClosed, "phase-closed", $"{own.Name} is closed; a closed phase keeps its name and dates.");
        Rule.Require(endsOn >= startsOn, "phase-dates", "A phase must end on or after the day it starts.");
        Rule.Require(!holdsRecords || (startsOn <= own.StartsOn && endsOn >= own.EndsOn), "phase-shrinks",
            $"{own.Name} holds records from {DateFormats.Show(own.StartsOn)} to {DateFormats.Show(own.EndsOn)}; it can start earlier or end later, not less.");
        var trimmed = Rule.RequiredText(name, "The phase's name", TextLimits.Name);
        MustFit(own, trimmed, startsOn, endsOn);
        own.Reschedule(trimmed, startsOn, endsOn);
    }

    /// <summary>A phase that holds no record can be removed; one that does is closed instead.</summary>
    public void RemovePhase(Phase phase, bool holdsRecords)
    {
        var own = Own(phase);
        Rule.Require(!holdsRecords, "phase-has-records", $"{own.Name} holds records; close it instead of removing it.");
        _phases.Remove(own);
    }

    /// <summary>The phase running on a date, if any.</summary>
    public Phase? PhaseOn(DateOnly date) => _phases.Find(p => p.Includes(date));

    private Phase Own(Phase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return _phases.Find(p => p.Id == phase.Id) ?? throw new DomainException("no-phase", "That phase does not exist.");
    }

    private void MustFit(Phase phase, string name, DateOnly startsOn, DateOnly endsOn)
    {
        var others = _phases.Where(p => p.Id != phase.Id).ToList();
        var overlapping = others.Find(p => p.StartsOn <= endsOn && startsOn <= p.EndsOn);
        Rule.Require(overlapping is null, "phase-overlap",
            $"The phase \"{name}\" overlaps \"{overlapping?.Name}\"; phases of a programme follow one another.");
        Rule.Require(others.TrueForAll(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)),
            "phase-name-taken", $"There is already a phase called \"{name}\".");
    }
}

/// <summary>
/// A period of the programme with its own participants, decisions and budgets. A phase that is
/// over is closed: it takes no new decision or disbursement request, and it stays on record.
/// </summary>
public sealed class Phase : Entity
{
    private Phase()
    {
        Name = string.Empty;
    }

    internal Phase(Guid programmeId, string name, DateOnly startsOn, DateOnly endsOn)
    {
        Rule.Require(endsOn >= startsOn, "phase-dates", "A phase must end on or after the day it starts.");
        ProgrammeId = programmeId;
        Name = Rule.RequiredText(name, "The phase's name", TextLimits.Name);
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    public Guid ProgrammeId { get; private set; }

    public string Name { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public bool IsClosed => ClosedOn is not null;

    public bool Includes(DateOnly date) => StartsOn <= date && date <= EndsOn;

    /// <summary>Closes the phase; money already decided in it stays, none is newly decided or asked for.</summary>
    public void Close(DateOnly on, Actor manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.MustBeProgrammeManager("close a phase");
        Rule.Require(!IsClosed, "phase-closed", $"{Name} is closed; a closed phase keeps its name and dates.");
        Rule.Require(on >= StartsOn, "phase-close-date", $"{Name} starts on {DateFormats.Show(StartsOn)}; it cannot close before it starts.");
        ClosedOn = on;
    }

    /// <summary>Refuses new decisions and requests in a closed phase.</summary>
    public void MustBeOpen() =>
        Rule.Require(!IsClosed, "phase-closed", "takes", $"{Name} was closed on {DateFormats.Show(ClosedOn.GetValueOrDefault())}; it takes no new decision or request.");

    internal void Reschedule(string name, DateOnly startsOn, DateOnly endsOn)
    {
        Name = name;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }
}
