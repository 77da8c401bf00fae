using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// axe-core, run inside the page as it stands. Its script is embedded in Deque.AxeCore.Playwright,
/// so the check needs nothing but the NuGet restore. A page fails on any violation axe rates
/// serious or critical; moderate and minor ones are left to judgement.
/// </summary>
public static class Accessibility
{
    private static readonly HashSet<string> Failing = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>
    /// Rules switched off, each for a reason recorded in docs/decisions/0013: none today. A rule
    /// belongs here only when the violation sits inside a library's own markup that the app cannot change.
    /// </summary>
    private static readonly string[] Excluded = [];

    /// <summary>Every serious or critical violation on the page: rule, help, and the elements at fault.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await SettleAsync(page);
        var options = new AxeRunOptions
        {
            Rules = Excluded.ToDictionary(rule => rule, _ => new RuleOptions { Enabled = false }),
        };
        var result = await page.RunAxe(options);
        return result.Violations
            .Where(v => Failing.Contains(v.Impact ?? string.Empty))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n      at {string.Join("\n      at ", v.Nodes.Select(n => $"{n.Target} {Shorten(n.Html)} — {Shorten(string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))}"))}")
            .ToList();
    }

    /// <summary>Fails the test with every serious or critical violation axe finds on the page.</summary>
    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core finds {violations.Count} serious or critical violation(s) on {what} ({page.Url}):\n  - {string.Join("\n  - ", violations)}");
    }

    /// <summary>
    /// Waits for the circuit to take the page over, for its loading bars to go, and for animations (a
    /// drawer sliding, a tab's ink bar) to finish.
    /// </summary>
    private static async Task SettleAsync(IPage page)
    {
        if (await page.Locator("[data-kaarya-circuit=prerendered]").CountAsync() > 0)
        {
            await BrowserSession.WaitForInteractiveAsync(page);
        }

        await Assertions.Expect(page.Locator(".mud-progress-indeterminate")).ToHaveCountAsync(0);

        // A snackbar or panel fading in would be measured half transparent. A snackbar can start its
        // fade a render after the change that raised it, so wait for the page to stay still a while.
        await page.EvaluateAsync(AnimationsQuiet);
    }

    /// <summary>
    /// Resolves once no finite animation or transition has run for 300 ms (or after 5 s): each
    /// running one is awaited, then the quiet period starts again.
    /// </summary>
    private const string AnimationsQuiet = """
        async () => {
            const deadline = Date.now() + 5000;
            const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
            const running = () => document.getAnimations().filter(a =>
                a.playState === 'running' && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
            let quietSince = Date.now();
            while (Date.now() < deadline) {
                const moving = running();
                if (moving.length > 0) {
                    await Promise.race([
                        Promise.all(moving.map(a => a.finished.catch(() => null))),
                        pause(Math.max(0, deadline - Date.now())),
                    ]);
                    quietSince = Date.now();
                } else if (Date.now() - quietSince >= 300) {
                    return;
                }
                await pause(50);
            }
        }
        """;

    private static string Shorten(string? html) =>
        html is null ? string.Empty : html.Length <= 160 ? html : html[..160] + "…";
}
