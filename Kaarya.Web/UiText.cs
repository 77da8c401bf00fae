namespace Kaarya.Web;

/// <summary>
/// Marker for the app's user-visible text (Resources/UiText.resx, with a file per language beside it).
/// Pages ask <c>IStringLocalizer&lt;UiText&gt;</c> for every word they show.
/// </summary>
public sealed class UiText;
