using Kaarya.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kaarya.Web.Data.Configurations;

internal static class AuditColumns
{
    /// <summary>The created/updated stamps every auditable record carries.</summary>
    public static void HasAuditColumns<T>(this EntityTypeBuilder<T> builder)
        where T : class, IAuditable
    {
        builder.Property(e => e.CreatedBy).HasMaxLength(TextLimits.UserId);
        builder.Property(e => e.UpdatedBy).HasMaxLength(TextLimits.UserId);
    }
}
