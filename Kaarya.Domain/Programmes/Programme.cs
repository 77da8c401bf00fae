using Kaarya.Domain.Common;

namespace Kaarya.Domain.Programmes;

/// <summary>A livelihood programme, such as "Kaarya — Work that Heals", run in phases.</summary>
public sealed class Programme : AuditableEntity
{
    private readonly List<Phase> _phases = [];

    private Programme()
    {
        Name = string.Empty;
    }

    public Programme(string name)
    {
        Name = Rule.RequiredText(name, "The programme's name", TextLimits.Name);
    }

    public string Name { get; private set; }

    public IReadOnlyList<Phase> Phases => _phases.AsReadOnly();

    /// <summary>Adds a phase. Phases of one programme never overlap.</summary>
    public Phase AddPhase(string name, DateOnly startsOn, DateOnly endsOn)
    {
        var phase = new Phase(Id, name, startsOn, endsOn);
        var overlapping = _phases.FirstOrDefault(p => p.StartsOn <= endsOn && startsOn <= p.EndsOn);
        Rule.Require(overlapping is null, "phase-overlap",
            $"The phase \"{phase.Name}\" overlaps \"{overlapping?.Name}\"; phases of a programme follow one another.");
        Rule.Require(_phases.TrueForAll(p => !string.Equals(p.Name, phase.Name, StringComparison.OrdinalIgnoreCase)),
            "phase-name-taken", $"There is already a phase called \"{phase.Name}\".");
        _phases.Add(phase);
        return phase;
    }

    /// <summary>The phase running on a date, if any.</summary>
    public Phase? PhaseOn(DateOnly date) => _phases.Find(p => p.Includes(date));
}

/// <summary>A period of the programme with its own participants, decisions and budgets.</summary>
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

    public bool Includes(DateOnly date) => StartsOn <= date && date <= EndsOn;
}
