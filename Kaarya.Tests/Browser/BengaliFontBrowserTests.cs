using Kaarya.Tests.Security;
using Microsoft.Playwright;

namespace Kaarya.Tests.Browser;

/// <summary>
/// Bengali is drawn with the Noto Sans Bengali the app serves, not a system font that may be
/// missing (boxes) or differ from phone to phone. Decision 0013.
/// </summary>
public sealed class BengaliFontBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    public const string RegularFont = "/fonts/noto-sans-bengali-bengali-400-normal.woff2";

    [Fact]
    public async Task Her_page_in_Bengali_is_drawn_with_the_font_the_app_ships()
    {
        var page = await session.NewPageAsync(360, 740);
        await BrowserSession.SignInAsync(page, "kaa-01", AccessMatrix.DemoPassword);
        await BrowserSession.OpenAsync(page, "/my-business");
        var heading = page.Locator("h1");
        await heading.WaitForAsync();
        Assert.Equal("bn", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px \"Noto Sans Bengali\"', 'কার্য'); }"),
            "The browser has no Noto Sans Bengali loaded for Bengali text.");

        var fonts = await FontsDrawingAsync(page, "h1");

        Assert.Contains(fonts, f => f.Family == "Noto Sans Bengali" && f.IsWebFont && f.Glyphs > 0);
        Assert.DoesNotContain(fonts, f => f.Family != "Noto Sans Bengali" && f.Glyphs > 2);
        Assert.Empty(session.PolicyViolations);
    }

    [Theory]
    [InlineData(RegularFont)]
    [InlineData("/fonts/noto-sans-bengali-bengali-700-normal.woff2")]
    [InlineData("/fonts/OFL.txt")]
    public async Task The_font_files_and_their_licence_are_served_by_the_app(string path)
    {
        BrowserSession.RequireChromium();
        using var http = new HttpClient { BaseAddress = session.App.Address };

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path.EndsWith(".woff2", StringComparison.Ordinal) ? "font/woff2" : "text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record PlatformFont(string Family, bool IsWebFont, int Glyphs);

    /// <summary>Which fonts Chromium really used to draw an element's text, from DevTools' CSS domain.</summary>
    private static async Task<List<PlatformFont>> FontsDrawingAsync(IPage page, string selector)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("DOM.enable");
        await devTools.SendAsync("CSS.enable");
        var document = await devTools.SendAsync("DOM.getDocument");
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await devTools.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        // The fonts used for the element's own text (its child text nodes).
        var used = await devTools.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = nodeId });
        var fonts = used!.Value.GetProperty("fonts").EnumerateArray().Select(f => new PlatformFont(
            f.GetProperty("familyName").GetString()!, f.GetProperty("isCustomFont").GetBoolean(), f.GetProperty("glyphCount").GetInt32())).ToList();
        return fonts;
    }
}
