using Kaarya.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kaarya.Web.Features.Import;

/// <summary>The import template as a download: <c>GET /import/template.xlsx</c>, for the programme manager.</summary>
public static class ImportEndpoints
{
    public const string TemplatePath = "/import/template.xlsx";

    public static IEndpointConventionBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(TemplatePath, DownloadTemplateAsync).RequireAuthorization(Policies.Manager);
    }

    private static async Task<IResult> DownloadTemplateAsync(HttpContext context, [FromServices] ImportTemplate template, CancellationToken cancellationToken)
    {
        var file = await template.BuildAsync(cancellationToken);
        // The template lists staff user names: no cache on the way keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(file, ImportTemplate.ContentType, ImportTemplate.FileName);
    }
}
