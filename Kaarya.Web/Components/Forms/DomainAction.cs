using Kaarya.Domain.Common;
using Kaarya.Web.Data;

namespace Kaarya.Web.Components.Forms;

/// <summary>
/// Runs a form's or page's action one at a time (a double click does nothing more) and keeps the
/// domain's refusal, in its own words, for the page to show beside the form. A database that
/// takes no writes (read-only or full) is a refusal too, not a crash: the form stays as it was
/// and says that nothing was saved and whom to tell (<see cref="StoreErrors.RefusesWrites(Exception?)"/>;
/// EF Core has already logged the failure for the administrator).
/// </summary>
public sealed class DomainAction
{
    public bool IsRunning { get; private set; }

    public string? Refusal { get; private set; }

    /// <summary>The refused rule's stable code, so a screen can say it in her language (<see cref="RefusalText"/>).</summary>
    public string? RefusalCode { get; private set; }

    /// <summary>The refusal itself, with its values, for <see cref="RefusalText"/> to say in the screen's language.</summary>
    public DomainException? Refused { get; private set; }

    public async Task RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (IsRunning)
        {
            return;
        }

        IsRunning = true;
        Dismiss();
        try
        {
            await action();
        }
        catch (DomainException refused)
        {
            Refusal = refused.Message;
            RefusalCode = refused.Code;
            Refused = refused;
        }
        catch (Exception failure) when (StoreErrors.RefusesWrites(failure))
        {
            Refusal = StoreErrors.RefusesWritesSentence;
            RefusalCode = StoreErrors.RefusesWritesCode;
        }
        finally
        {
            IsRunning = false;
        }
    }

    public void Dismiss()
    {
        Refusal = null;
        RefusalCode = null;
        Refused = null;
    }
}

/// <summary>MudDatePicker speaks DateTime; the programme's dates are DateOnly.</summary>
public static class PickerDates
{
    public static DateTime? ToPicker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;
}
