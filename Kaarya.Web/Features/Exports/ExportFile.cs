namespace Kaarya.Web.Features.Exports;

/// <summary>
/// Where a workbook is built before it leaves the server: a temporary file only this process
/// reads, deleted as soon as it is closed, so no copy of survivors' money outlives the download.
/// </summary>
public static class ExportFile
{
    public static FileStream CreateTemporary() => new(
        Path.Combine(Path.GetTempPath(), $"kaarya-export-{Guid.NewGuid():N}.xlsx"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
