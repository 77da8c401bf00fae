namespace Kaarya.Web;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "Kaarya did not start. {Problem}")]
    public static partial void DidNotStart(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kaarya is ready. Open {Addresses} in a browser.")]
    public static partial void Ready(ILogger logger, ICollection<string> addresses);
}
