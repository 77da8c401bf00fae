using Kaarya.Domain.Common;

namespace Kaarya.Web.Identity;

/// <summary>
/// The command-line step that creates the first programme manager on a database without users.
/// The password is read from standard input (or KAARYA_NEW_PASSWORD), never from the command line,
/// so it does not land in the shell's history.
/// </summary>
internal static class FirstManager
{
    public const string Command = "create-manager";

    /// <summary>The name after <c>create-manager</c>, wherever it stands among the arguments.</summary>
    public static string? RequestedName(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, Command);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    public static async Task<int> CreateAsync(IServiceProvider services, string userName, TextReader input, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var password = Environment.GetEnvironmentVariable("KAARYA_NEW_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Password for {userName} (at least 10 characters, with a digit and a lower-case letter):");
            password = await input.ReadLineAsync();
        }

        try
        {
            var user = await accounts.CreateFirstManagerAsync(userName, password ?? string.Empty);
            await output.WriteLineAsync($"Created programme manager {user.UserName}. Start the app and sign in.");
            return 0;
        }
        catch (DomainException refused)
        {
            await output.WriteLineAsync($"No user was created: {refused.Message}");
            return 2;
        }
    }
}
