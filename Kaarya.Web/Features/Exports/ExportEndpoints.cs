using Kaarya.Domain.Access;
using Kaarya.Domain.Common;
using Kaarya.Web.Data;
using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kaarya.Web.Features.Exports;

/// <summary>
/// The ledger workbook as a download, for an auditor's or the manager's browser or script:
/// <c>GET /exports/ledger.xlsx?from=2013-08-01&amp;to=2013-08-31&amp;phase=…&amp;funder=…&amp;names=true</c>.
/// Every parameter is optional; dates are yyyy-MM-dd value dates.
/// </summary>
public static class ExportEndpoints
{
    public const string LedgerPath = "/exports/ledger.xlsx";

    public static IEndpointConventionBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(LedgerPath, DownloadLedgerAsync).RequireAuthorization(Policies.ExportsLedger);
    }

    private static async Task<IResult> DownloadLedgerAsync(
        HttpContext context,
        [FromServices] LedgerWorkbookExport export,
        [FromServices] IDbContextFactory<KaaryaDbContext> contexts,
        [FromServices] TimeProvider clock,
        [FromQuery] DateOnly? from,
        [FromQuery] DateOnly? to,
        [FromQuery] Guid? phase,
        [FromQuery] Guid? funder,
        [FromQuery] bool? names,
        CancellationToken cancellationToken)
    {
        var viewer = await CurrentViewer.ViewerOfAsync(context.User, contexts, clock, cancellationToken);
        var filter = new LedgerExportFilter(from, to, phase, funder, names ?? false);

        // The export writes synchronously, so it goes to a temporary file first; the file is
        // deleted when the response has been sent, or at once if the export fails.
        var file = ExportFile.CreateTemporary();
        try
        {
            var result = await export.WriteAsync(filter, viewer, file, progress: null, cancellationToken);
            file.Position = 0;
            // Survivors' money, perhaps their names: no cache on the way may keep a copy.
            context.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(file, LedgerWorkbookExport.ContentType, result.FileName);
        }
        catch (AccessDeniedException denied)
        {
            // Only names can be refused here (the policy let her in): say so, calmly.
            await file.DisposeAsync();
            return TypedResults.Problem(denied.Message, statusCode: StatusCodes.Status403Forbidden, title: "The workbook cannot be made");
        }
        catch (DomainException refused)
        {
            await file.DisposeAsync();
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest, title: "The workbook cannot be made");
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
