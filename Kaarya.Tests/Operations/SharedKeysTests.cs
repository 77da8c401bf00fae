using System.Net;
using Kaarya.Domain.Common;
using Kaarya.Tests.App;
using Kaarya.Tests.Security;
using Kaarya.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Operations;

/// <summary>
/// Two instances of the app behind one load balancer, on one database: a sign-in made on one is
/// honoured by the other, because the keys that protect the cookie live in the database.
/// </summary>
public class SharedKeysTests
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_another_on_the_same_database()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var first = new KaaryaAppFactory();
        await first.StartAsync();
        var database = first.Services.GetRequiredService<DatabaseOptions>().Path;
        await using var factory = new KaaryaAppFactory();
        await using var second = factory.WithWebHostBuilder(host => host.UseSetting("Database:Path", database));
        _ = second.Server;
        using var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signedIn = await FormSignIn.SignInAsync(onFirst, AccessMatrix.DemoUsers[KaaryaRole.Staff], AccessMatrix.DemoPassword, cancel);
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/participants", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var page = await onSecond.SendAsync(request, cancel);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var db = await first.Services.GetRequiredService<IDbContextFactory<KaaryaDbContext>>().CreateDbContextAsync(cancel);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(cancel));
    }
}
