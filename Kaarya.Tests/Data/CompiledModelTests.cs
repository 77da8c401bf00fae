#pragma warning disable EF1001 // The design-time services dotnet ef uses to write the compiled model are internal to EF Core.
using Kaarya.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;

namespace Kaarya.Tests.Data;

/// <summary>
/// The app starts from a compiled model of each context (Data/CompiledModels, docs/decisions/0019)
/// instead of building the model from its configurations. A compiled model that no longer says
/// what the configurations say would store and read the wrong shape, so each is written again
/// here, in memory, exactly as <c>dotnet ef dbcontext optimize</c> writes it, and must equal the
/// files in the repository.
/// </summary>
public abstract class CompiledModelTests(DatabaseProvider provider)
{
    [Fact]
    public void The_compiled_model_is_what_the_configurations_say()
    {
        using var context = provider == DatabaseProvider.Postgres
            ? new PostgresDesignTimeDbContextFactory().CreateDbContext([])
            : new DesignTimeDbContextFactory().CreateDbContext([]);
        var folder = provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";
        var written = Path.Combine(Repository.Root, "Kaarya.Web", "Data", "CompiledModels", folder);
        var web = typeof(KaaryaDbContext).Assembly;
        var reporter = new OperationReporter(handler: null);
        var design = new DesignTimeServicesBuilder(web, web, reporter, []).Build(context);

        var expected = design.GetRequiredService<ICompiledModelCodeGenerator>().GenerateModel(
            context.GetService<IDesignTimeModel>().Model,
            new CompiledModelCodeGenerationOptions
            {
                ContextType = context.GetType(),
                ModelNamespace = $"Kaarya.Web.Data.CompiledModels.{folder}",
                Language = "C#",
                UseNullableReferenceTypes = true,
            });

        var stale = expected
            .Select(file => (file.Path, Difference: FirstDifference(Path.Combine(written, file.Path), file.Code)))
            .Where(file => file.Difference is not null)
            .Select(file => $"{file.Path}: {file.Difference}")
            .Concat(Directory.GetFiles(written).Select(Path.GetFileName).Where(name => expected.All(file => file.Path != name))!)
            .ToList();
        Assert.True(stale.Count == 0,
            $"The compiled model in Data/CompiledModels/{folder} is out of date ({string.Join(", ", stale)}): run " +
            $"'dotnet ef dbcontext optimize --project Kaarya.Web --context {context.GetType().Name} --output-dir Data/CompiledModels/{folder} " +
            $"--namespace Kaarya.Web.Data.CompiledModels.{folder}' (see README, 'Changing the database schema').");
    }

    [Fact]
    public async Task The_app_reads_and_writes_through_the_compiled_model()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateDbContext();

        var compiled = provider == DatabaseProvider.Postgres
            ? Kaarya.Web.Data.CompiledModels.Postgres.PostgresKaaryaDbContextModel.Instance
            : Kaarya.Web.Data.CompiledModels.Sqlite.KaaryaDbContextModel.Instance;
        Assert.Same(compiled, db.Model);
    }

    private static string? FirstDifference(string path, string code)
    {
        if (!File.Exists(path))
        {
            return "missing";
        }

        // Each generation draws a new model id; only what the model says must match.
        var have = File.ReadAllLines(path).Select(WithoutModelId).ToArray();
        var want = code.Split('\n').Select(line => WithoutModelId(line.TrimEnd('\r'))).ToArray();
        var at = Enumerable.Range(0, Math.Min(have.Length, want.Length)).FirstOrDefault(i => have[i] != want[i], -1);
        return at >= 0 ? $"line {at + 1} is '{have[at].Trim()}', should be '{want[at].Trim()}'"
            : have.Length != want.Length && !(want.Length == have.Length + 1 && want[^1].Length == 0) ? $"{have.Length} lines, should be {want.Length}" : null;
    }

    private static string WithoutModelId(string line) =>
        System.Text.RegularExpressions.Regex.Replace(line, "modelId: new Guid\\(\"[0-9a-f-]+\"\\)", "modelId: new Guid(…)");

    public sealed class OnSqlite() : CompiledModelTests(DatabaseProvider.Sqlite);

    public sealed class OnPostgres() : CompiledModelTests(DatabaseProvider.Postgres);
}
