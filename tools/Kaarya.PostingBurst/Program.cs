using System.Globalization;
using Kaarya.Domain.Common;
using Kaarya.Domain.Funding;
using Kaarya.Web;
using Kaarya.Web.Data;
using Kaarya.Web.Features.Funding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Composes the app exactly as Kaarya.Web does (AddKaarya: the configured database, its
// interceptors, the audit trail, the posting gate), starts the database the way the app starts
// (DatabaseInitialiser: migrations, WAL on SQLite), then records and approves one ₹1 tranche
// after another against one decision: each approval is a posting with its hash-chained entry and
// its audit row, committed in its own transaction. A line "posted SEQUENCE HASH REQUEST" is
// written only after ApproveAsync has returned, i.e. after the commit: that line is the
// acknowledgement the fault test holds the database to.
//
// dotnet Kaarya.PostingBurst.dll --Database:Path=FILE (or --Database:Provider=Postgres
//   --ConnectionStrings:Kaarya=...) --Burst:DecisionId=ID --Burst:FunderId=ID
//   --Burst:ValueDate=yyyy-MM-dd [--Burst:Count=N] --Database:LoadDemoData=false
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, EnvironmentName = Environments.Production });
builder.Services.AddKaarya(builder.Configuration, builder.Environment);
builder.Logging.ClearProviders();
using var host = builder.Build();

var burst = builder.Configuration.GetSection("Burst");
var decisionId = Guid.Parse(burst["DecisionId"] ?? throw new InvalidOperationException("Give --Burst:DecisionId."), CultureInfo.InvariantCulture);
var funderId = Guid.Parse(burst["FunderId"] ?? throw new InvalidOperationException("Give --Burst:FunderId."), CultureInfo.InvariantCulture);
var valueDate = DateOnly.ParseExact(burst["ValueDate"] ?? throw new InvalidOperationException("Give --Burst:ValueDate."), "yyyy-MM-dd", CultureInfo.InvariantCulture);
var count = burst.GetValue<int?>("Count") ?? int.MaxValue;
var staff = new Actor(burst["Staff"] ?? "staff.burst", KaaryaRole.Staff);
var manager = new Actor(burst["Manager"] ?? "manager.burst", KaaryaRole.ProgrammeManager);

await host.Services.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
Console.WriteLine("ready");

for (var i = 0; i < count; i++)
{
    await using var scope = host.Services.CreateAsyncScope();
    var money = scope.ServiceProvider.GetRequiredService<DisbursementService>();
    var request = await money.RecordRequestAsync(
        new DisbursementRequestInput
        {
            DecisionId = decisionId,
            FunderId = funderId,
            Amount = "1",
            ValueDate = valueDate,
            Method = PaymentMethod.Cash,
            Reference = string.Create(CultureInfo.InvariantCulture, $"BURST-{i + 1}"),
        },
        staff);
    var entry = await money.ApproveAsync(request, manager);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"posted {entry.Sequence} {entry.Hash} {request:D}"));
}

Console.WriteLine("done");
