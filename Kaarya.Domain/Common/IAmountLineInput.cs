namespace Kaarya.Domain.Common;

/// <summary>A described amount as typed on a form: a plan's cost, an intended use, a reported use.</summary>
public interface IAmountLineInput
{
    string Description { get; set; }

    /// <summary>As typed: "6,000" or "6000".</summary>
    string Amount { get; set; }
}
